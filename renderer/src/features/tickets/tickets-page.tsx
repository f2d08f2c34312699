import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function TicketsPage() {
  return <Title order={2}>TicketsPage</Title>;
}

import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function TicketDetailPage() {
  return <Title order={2}>TicketDetailPage</Title>;
}

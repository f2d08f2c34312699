import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function DealsPage() {
  return <Title order={2}>DealsPage</Title>;
}

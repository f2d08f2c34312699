import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function LeadsPage() {
  return <Title order={2}>LeadsPage</Title>;
}

import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function ContractsPage() {
  return <Title order={2}>ContractsPage</Title>;
}

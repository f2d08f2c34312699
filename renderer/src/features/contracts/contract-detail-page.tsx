import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function ContractDetailPage() {
  return <Title order={2}>ContractDetailPage</Title>;
}

import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function DealDetailPage() {
  return <Title order={2}>DealDetailPage</Title>;
}

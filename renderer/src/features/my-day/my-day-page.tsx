import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function MyDayPage() {
  return <Title order={2}>MyDayPage</Title>;
}

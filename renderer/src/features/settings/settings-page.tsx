import { Title } from '@mantine/core';

/** Placeholder until this feature lands. */
export function SettingsPage() {
  return <Title order={2}>SettingsPage</Title>;
}

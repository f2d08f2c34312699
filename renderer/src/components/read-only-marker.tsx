import { Badge, Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WriteAccess } from '../hooks/use-write-access';

/**
 * The visible "只读 / Read-only" marker of a record the person may not change, and why: a viewer's role,
 * a team shared read-only (named), or the server's reason.
 */
export function ReadOnlyMarker({ access }: { access: WriteAccess }) {
  const { t } = useTranslation();
  if (!access.known || access.canWrite) return null;
  const team = access.params?.team;
  const why =
    access.reason === 'sync.rejected.readOnly'
      ? team
        ? t('access.why.sharedTeam', { team: access.teamName ?? team })
        : t('access.why.viewer')
      : t(access.reason ?? 'access.why.viewer', access.params);
  return (
    <Group gap={6} wrap="nowrap" data-testid="read-only-marker">
      <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>
        {t('access.readOnly')}
      </Badge>
      <Text size="xs" c="dimmed" data-testid="read-only-why">
        {why}
      </Text>
    </Group>
  );
}

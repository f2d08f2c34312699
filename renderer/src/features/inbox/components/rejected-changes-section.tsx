import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCloudUpload, IconInboxOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTeamSyncState } from '../../../hooks/use-team-sync-state';
import { pendingTotals } from '../../../hooks/use-pending-changes';
import { useWorkspace } from '../../../hooks/use-workspace';
import { InboxEntryCard } from './inbox-entry-card';
import { useInboxEntries } from '../../../entities/inbox/queries';
import { errorMessage } from '../../../components/error-messages';

/**
 * The inbox's section of 未被接受的修改 (team workspaces): changes the team server did not accept (and values overruled by a later edit elsewhere), kept with everything the person typed until they
 * apply them again or discard them (CONVENTIONS.md 12: nothing is dropped silently).
 */
export function RejectedChangesSection() {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  const entries = useInboxEntries();
  const waiting = pendingTotals(useTeamSyncState(sync));

  return (
    <Stack component="section" aria-labelledby="inbox-rejected-title" data-testid="inbox-rejected">
      <Title order={3} id="inbox-rejected-title">
        {t('inboxItems.rejectedTitle')}
      </Title>
      {/* Waiting is not refused: say so here, and where to see them (issue 15). */}
      {waiting.records > 0 && (
        <Alert color="yellow" icon={<IconCloudUpload size={18} />} data-testid="inbox-waiting">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {t('inbox.waiting', {
                what: t('sync.pendingEdits', {
                  count: waiting.edits,
                  records: t('sync.pendingRecords', { count: waiting.records }),
                }),
              })}
            </Text>
            <Anchor component={Link} to="/pending" size="sm" data-testid="inbox-open-waiting">
              {t('inbox.openWaiting')}
            </Anchor>
          </Group>
        </Alert>
      )}
      {entries.isError && (
        <Alert color="red">
          {t('inbox.loadFailed', { reason: errorMessage(entries.error, t) })}
        </Alert>
      )}
      {entries.isPending ? (
        <Loader size="sm" />
      ) : entries.isError ? null : entries.data.length === 0 ? (
        <Stack align="center" gap="xs" py="xl" data-testid="inbox-empty">
          <IconInboxOff size={36} stroke={1.5} />
          <Text c="dimmed">{t('inbox.emptyRefused')}</Text>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('inbox.intro')}
          </Text>
          {entries.data.map((entry) => (
            <InboxEntryCard key={entry.id} entry={entry} />
          ))}
        </>
      )}
    </Stack>
  );
}

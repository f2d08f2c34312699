import { Anchor, Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconCloudCheck,
  IconCloudOff,
  IconCloudUpload,
  IconLoader2,
  IconUserOff,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSyncState } from '../hooks/use-team-sync-state';
import { pendingTotals } from '../hooks/use-pending-changes';

dayjs.extend(relativeTime);

/**
 * Always-visible sync status (issue: "online/offline, pending changes, last synced, and a progress bar with
 * counts during the first full download"). Local workspaces show nothing here.
 */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const state = useSyncState();
  if (!state) return null;
  const lastSynced = state.lastSyncedAt
    ? t('sync.lastSynced', {
        time: dayjs(state.lastSyncedAt)
          .locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en')
          .fromNow(),
      })
    : t('sync.never');
  const color = state.signedOut
    ? 'red'
    : state.connection === 'online'
      ? state.pending > 0
        ? 'yellow'
        : 'green'
      : state.connection === 'connecting'
        ? 'blue'
        : 'gray';
  const icon = state.signedOut ? (
    <IconUserOff size={14} />
  ) : state.connection === 'online' ? (
    state.pending > 0 ? (
      <IconCloudUpload size={14} />
    ) : (
      <IconCloudCheck size={14} />
    )
  ) : state.connection === 'connecting' ? (
    <IconLoader2 size={14} />
  ) : (
    <IconCloudOff size={14} />
  );
  const label = state.signedOut ? t('sync.signedOut') : t(`sync.${state.connection}`);
  const download = state.initialDownload;
  const { edits } = pendingTotals(state);
  const waiting =
    state.pending > 0
      ? t('sync.pendingEdits', {
          count: edits,
          records: t('sync.pendingRecords', { count: state.pending }),
        })
      : '';
  return (
    <Tooltip label={`${label} · ${lastSynced}${waiting ? ` · ${waiting}` : ''}`}>
      <Stack
        gap={2}
        data-testid="sync-status"
        data-connection={state.connection}
        data-pending={state.pending}
        data-pending-edits={edits}
      >
        <Group gap={6} wrap="nowrap">
          <Badge color={color} variant="light" leftSection={icon} data-testid="sync-connection">
            {label}
          </Badge>
          {state.pending > 0 && (
            <Anchor
              component={Link}
              to="/pending"
              size="xs"
              c="dimmed"
              data-testid="sync-pending"
              style={{ whiteSpace: 'nowrap' }}
            >
              {waiting}
            </Anchor>
          )}
        </Group>
        {download && download.total > 0 && (
          <Stack gap={0} w={180} data-testid="sync-download">
            <Progress size="xs" value={(download.done / download.total) * 100} animated />
            <Text size="10px" c="dimmed">
              {t('sync.downloading', { done: download.done, total: download.total })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Tooltip>
  );
}

import type { ReactNode } from 'react';
import {
  Alert,
  Badge,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
} from '@mantine/core';
import { IconCloudOff, IconGitMerge, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '@shared/sync';
import { useWorkspace } from '../../../hooks/use-workspace';
import { formatDateTime } from '../../../components/format';
import { ApiCallError } from '../../../data/team/auth-client';
import { fieldLabel } from '../field-label';
import { formatValue } from '../format-value';
import { groupHistory, type HistoryGroup } from '../group-history';
import { useRecordHistoryQuery } from '../queries';
import { useMemberNames } from '../../members/queries';
import { useTeamSyncState } from '../../../hooks/use-team-sync-state';
import { errorMessage } from '../../../components/error-messages';

const KIND_ICON = {
  create: IconPlus,
  change: IconPencil,
  delete: IconTrash,
  merge: IconGitMerge,
} as const;
const KIND_COLOR = { create: 'green', change: 'blue', delete: 'red', merge: 'orange' } as const;

/** True when a value is "nothing" (left out of the list of fields a new record was created with). */
function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Who changed what on a record, read from the team server (the replica keeps no history). Grouped by
 * write; values lost in a merge are highlighted so nothing is silently overwritten. Local workspaces and
 * offline devices get a short note instead.
 */
export function RecordHistory({ collection, id }: { collection: string; id: string }) {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  const state = useTeamSyncState(sync);
  const online = !!state && state.connection !== 'offline' && !state.signedOut;
  const history = useRecordHistoryQuery(sync, collection, id, online);

  if (!sync) return <HistoryNote state="local">{t('history.localOnly')}</HistoryNote>;
  if (!online)
    return (
      <HistoryNote state="offline" icon>
        {t('history.offline')}
      </HistoryNote>
    );
  if (history.isPending) {
    return (
      <Group data-testid="record-history" data-state="loading" gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    );
  }
  if (history.isError) {
    const error = history.error;
    if (error instanceof ApiCallError && error.status === 0)
      return (
        <HistoryNote state="offline" icon>
          {t('history.offline')}
        </HistoryNote>
      );
    if (error instanceof ApiCallError && error.status === 404)
      return <HistoryNote state="notOnServer">{t('history.notOnServer')}</HistoryNote>;
    return (
      <Alert color="red" data-testid="record-history" data-state="error">
        {t('history.failed', { reason: errorMessage(error, t) })}
      </Alert>
    );
  }
  const groups = groupHistory(history.data);
  if (groups.length === 0) return <HistoryNote state="empty">{t('history.empty')}</HistoryNote>;
  return (
    <Timeline
      data-testid="record-history"
      data-state="ready"
      bulletSize={26}
      lineWidth={2}
      active={-1}
    >
      {groups.map((group) => (
        <HistoryItem key={group.seq} group={group} collection={collection} />
      ))}
    </Timeline>
  );
}

function HistoryNote({
  state,
  icon,
  children,
}: {
  state: string;
  icon?: boolean;
  children: ReactNode;
}) {
  return (
    <Group data-testid="record-history" data-state={state} gap="xs" wrap="nowrap">
      {icon && <IconCloudOff size={16} />}
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}

function HistoryItem({
  group,
  collection,
  ...timelineProps
}: {
  group: HistoryGroup;
  collection: string;
}) {
  const { t } = useTranslation();
  const names = useMemberNames();
  const kind = group.merges.length > 0 ? 'merge' : group.kind;
  const Icon = KIND_ICON[kind];
  const format = (entry: HistoryEntry, value: unknown) =>
    formatValue(value, t, { field: entry.field, names, collection });
  const changes =
    group.kind === 'create' ? group.changes.filter((c) => !isBlank(c.newValue)) : group.changes;

  return (
    <Timeline.Item
      {...timelineProps}
      bullet={
        <ThemeIcon
          size={26}
          radius="xl"
          color={KIND_COLOR[kind]}
          variant={kind === 'merge' ? 'filled' : 'light'}
        >
          <Icon size={14} />
        </ThemeIcon>
      }
      title={
        <Group gap="xs">
          <Text fw={600} size="sm">
            {names.get(group.userId) ?? group.userName}
          </Text>
          <Text size="sm">{t(`history.kind.${group.kind}`)}</Text>
        </Group>
      }
    >
      <Text size="xs" c="dimmed" mb={4}>
        {formatDateTime(group.at)}
      </Text>
      <Stack gap={2}>
        {changes.map((entry) => (
          <Text
            key={`${entry.field}-${entry.kind}`}
            size="sm"
            data-testid="history-entry"
            data-field={entry.field}
            data-kind={entry.kind}
          >
            {entry.kind === 'delete' ? (
              t('history.deletedRecord')
            ) : (
              <>
                <Text span fw={500}>
                  {fieldLabel(t, entry.field, collection)}
                </Text>
                {': '}
                {entry.kind === 'create' ? (
                  format(entry, entry.newValue)
                ) : (
                  <>
                    <Text span c="dimmed" td="line-through">
                      {format(entry, entry.oldValue)}
                    </Text>
                    {' → '}
                    <Text span>{format(entry, entry.newValue)}</Text>
                  </>
                )}
              </>
            )}
          </Text>
        ))}
        {group.merges.map((entry) => (
          <Paper
            key={`merge-${entry.field}`}
            withBorder
            p="xs"
            mt={4}
            bg="var(--mantine-color-orange-light)"
            data-testid="history-entry"
            data-field={entry.field}
            data-kind="merge"
          >
            <Group gap="xs" mb={2}>
              <Badge color="orange" size="sm" leftSection={<IconGitMerge size={12} />}>
                {t('history.merge.title')}
              </Badge>
              <Text size="sm" fw={500}>
                {fieldLabel(t, entry.field, collection)}
              </Text>
            </Group>
            <Text size="sm">
              {t('history.merge.detail', {
                user: names.get(entry.userId) ?? entry.userName,
                lost: format(entry, entry.oldValue),
                kept: format(entry, entry.newValue),
              })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Timeline.Item>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconCloudOff,
  IconGitMerge,
  IconPencil,
  IconPlane,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isCaptureAuthor, isItemList, parseStampPath, type HistoryEntry } from '@shared/sync';
import { listItemChanges, restoreTargetOf, type RestoreTarget } from '@shared/sync/restore';
import { useWorkspace } from '../../../hooks/use-workspace';
import { formatDateTime } from '../../../components/format';
import { ApiCallError } from '../../../data/team/auth-client';
import { useWriteAccess, type AccessRecord } from '../../../hooks/use-write-access';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { fieldLabel } from '../field-label';
import { formatItem, formatValue, itemKeyLabel, type FormatValueOptions } from '../format-value';
import {
  groupHistory,
  HIDDEN_HISTORY_FIELDS,
  historyField,
  type HistoryGroup,
} from '../group-history';
import { useRecordHistoryQuery } from '../queries';
import { useHistoryLabels } from '../use-history-labels';
import { restoreFor, useRestoreFromHistoryMutation, type RestorableCollection } from '../mutations';
import { useHiddenFields } from '../../settings/field-policy';
import { useTeamSyncState } from '../../../hooks/use-team-sync-state';
import { errorMessage } from '../../../components/error-messages';

const KIND_ICON = {
  create: IconPlus,
  change: IconPencil,
  delete: IconTrash,
  merge: IconGitMerge,
} as const;
const KIND_COLOR = { create: 'green', change: 'blue', delete: 'red', merge: 'orange' } as const;
/**
 * An edit stored this long after it was typed was made offline (a push normally reaches the server within
 * seconds): its line says when it was typed and when it synced.
 */
const OFFLINE_GAP_MS = 60_000;

/** The record as it is now: what restore buttons compare with, and whose rights decide whether they show. */
export type HistoryRecord = AccessRecord & Record<string, unknown>;

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

/** A short name of a list item for a line about it: a line item's product, a planned payment's due date. */
function itemTitle(list: string, item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const key = list === 'paymentPlan' ? 'dueDate' : list === 'payments' ? 'date' : 'product';
  const value = (item as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Who changed what on a record, read from the team server (the replica keeps no history), in words: values
 * as labels (names, stage and list labels, money), bookkeeping left out, merges explained ("edited later on
 * another laptop"), and — for someone who may edit the record — a button that puts an overwritten value back as
 * a new edit. Grouped by write. Local workspaces and offline devices get a short note instead.
 */
export function RecordHistory({
  collection,
  id,
  record,
}: {
  collection: RestorableCollection;
  id: string;
  /** The record from the replica; without it the history is read-only. */
  record?: HistoryRecord | null;
}) {
  const { t } = useTranslation();
  const { sync } = useWorkspace();
  const state = useTeamSyncState(sync);
  const online = !!state && state.connection !== 'offline' && !state.signedOut;
  const history = useRecordHistoryQuery(sync, collection, id, online);
  const labels = useHistoryLabels(history.data);
  const access = useWriteAccess(collection, record ?? null);
  const hidden = useHiddenFields(collection, record);
  const restore = useRestoreFromHistoryMutation(collection, id);

  // History lives on the server: read it again when the record changes here (an edit arrived, or one made
  // here was acknowledged), so a restored value shows up as the newest line once it synced.
  const refetch = history.refetch;
  const seen = useRef<string | null>(null);
  const updatedAt = typeof record?.updatedAt === 'number' ? record.updatedAt : 0;
  const version = `${updatedAt}|${state?.lastSyncedAt ?? ''}`;
  useEffect(() => {
    if (seen.current !== null && seen.current !== version && online) void refetch();
    seen.current = version;
  }, [version, online, refetch]);

  if (!sync) return <HistoryNote state="local">{t('history.localOnly')}</HistoryNote>;
  if (!online)
    return (
      <HistoryNote state="offline" icon>
        {t('history.offline')}
      </HistoryNote>
    );
  // Lines wait for the names of the records they refer to (never an id, even for a moment).
  if (history.isPending || (history.isSuccess && !labels.ready)) {
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
  const groups = groupHistory(history.data.filter((e) => !hidden.has(historyField(e))));
  if (groups.length === 0) return <HistoryNote state="empty">{t('history.empty')}</HistoryNote>;

  /** The restore of `target` when it would change the record and this person may make that change. */
  const restorable = (target: RestoreTarget | null | undefined): RestoreTarget | null => {
    if (!target || !record || !access.canWrite) return null;
    if (HIDDEN_HISTORY_FIELDS.has(target.field) || hidden.has(target.field)) return null;
    return restoreFor(collection, record, target) ? target : null;
  };
  const handleRestore = (target: RestoreTarget) =>
    restore.mutate(target, {
      onSuccess: (changed) => {
        if (changed) notifySaved(t);
      },
      onError: (error) => reportWriteError(error, t),
    });

  return (
    <Timeline
      data-testid="record-history"
      data-state="ready"
      data-restore={access.known ? String(access.canWrite && !!record) : 'unknown'}
      bulletSize={26}
      lineWidth={2}
      active={-1}
    >
      {groups.map((group) => (
        <HistoryItem
          key={group.seq}
          group={group}
          collection={collection}
          labels={labels}
          record={record ?? null}
          restorable={restorable}
          onRestore={handleRestore}
          restoring={restore.isPending}
        />
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

function RestoreButton({
  target,
  onRestore,
  restoring,
  label,
}: {
  target: RestoreTarget | null;
  onRestore: (target: RestoreTarget) => void;
  restoring: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  if (!target) return null;
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      leftSection={<IconArrowBackUp size={12} />}
      onClick={() => onRestore(target)}
      disabled={restoring}
      data-testid="history-restore"
      ml={4}
    >
      {label ?? t('history.restore')}
    </Button>
  );
}

interface LineProps {
  collection: string;
  labels: FormatValueOptions;
  restorable: (target: RestoreTarget | null | undefined) => RestoreTarget | null;
  onRestore: (target: RestoreTarget) => void;
  restoring: boolean;
}

/** How a history line's values read: the item field a line names is formatted as that field. */
function lineFormatter(
  t: TFunction,
  entry: HistoryEntry,
  collection: string,
  labels: FormatValueOptions,
) {
  const path = parseStampPath(entry.field);
  const itemId = path.itemId ?? entry.merge?.itemId;
  const key = path.key ?? entry.merge?.key;
  return (value: unknown) => {
    if (itemId !== undefined && key === undefined)
      return value === null || value === undefined
        ? t('history.itemDeleted')
        : formatItem(path.field, value, t, { ...labels, collection });
    return formatValue(value, t, { ...labels, collection, field: key ?? path.field });
  };
}

/** The label of a line's field, naming the list item and its field when the line is about one. */
function lineLabel(
  t: TFunction,
  entry: HistoryEntry,
  collection: string,
  record: HistoryRecord | null,
) {
  const path = parseStampPath(entry.field);
  const itemId = path.itemId ?? entry.merge?.itemId;
  const key = path.key ?? entry.merge?.key;
  const label = fieldLabel(t, path.field, collection);
  if (itemId === undefined) return label;
  const current =
    record && Array.isArray(record[path.field]) ? (record[path.field] as unknown[]) : [];
  const item =
    current.find((i) => (i as { id?: unknown } | null)?.id === itemId) ??
    (entry.newValue && typeof entry.newValue === 'object' ? entry.newValue : entry.oldValue);
  const title = itemTitle(path.field, item);
  return [label, title, key && itemKeyLabel(t, path.field, key)].filter(Boolean).join(' · ');
}

function HistoryItem({
  group,
  record,
  ...line
}: LineProps & { group: HistoryGroup; record: HistoryRecord | null }) {
  const { t } = useTranslation();
  const { labels } = line;
  const kind = group.merges.length > 0 ? 'merge' : group.kind;
  const Icon = KIND_ICON[kind];
  const changes =
    group.kind === 'create' ? group.changes.filter((c) => !isBlank(c.newValue)) : group.changes;
  const offline = group.changes.find(
    (c) => c.editedAt !== undefined && group.at - c.editedAt > OFFLINE_GAP_MS,
  );
  // A handover (离职交接) tags the owner line of each record it moved.
  const handover = group.changes.find((c) => c.handover)?.handover;

  return (
    <Timeline.Item
      data-testid="history-group"
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
            {isCaptureAuthor(group.userId)
              ? t('history.captureAuthor', { name: group.userName })
              : (labels.names?.get(group.userId) ?? group.userName)}
          </Text>
          <Text size="sm">{t(`history.kind.${group.kind}`)}</Text>
          {handover && (
            <Badge size="sm" variant="light" color="grape" data-testid="history-handover">
              {t('history.handover', {
                from: labels.names?.get(handover.fromUserId) ?? handover.fromUserId,
                to: labels.names?.get(handover.toUserId) ?? handover.toUserId,
              })}
            </Badge>
          )}
        </Group>
      }
    >
      <Text size="xs" c="dimmed" mb={4}>
        {formatDateTime(group.at)}
      </Text>
      {offline?.editedAt !== undefined && (
        <Group gap={4} mb={4} data-testid="history-offline-edit">
          <IconPlane size={12} />
          <Text size="xs" c="dimmed">
            {t('history.editedOffline', {
              edited: formatDateTime(offline.editedAt),
              synced: formatDateTime(group.at),
            })}
          </Text>
        </Group>
      )}
      <Stack gap={2}>
        {changes.map((entry) => (
          <ChangeLine
            key={`${entry.field}-${entry.kind}`}
            entry={entry}
            record={record}
            {...line}
          />
        ))}
        {group.merges.map((entry, index) => (
          <MergeLine
            key={`merge-${entry.field}-${index}`}
            entry={entry}
            record={record}
            {...line}
          />
        ))}
      </Stack>
    </Timeline.Item>
  );
}

function ChangeLine({
  entry,
  record,
  ...line
}: LineProps & { entry: HistoryEntry; record: HistoryRecord | null }) {
  const { t } = useTranslation();
  const { collection, labels, restorable, onRestore, restoring } = line;
  const format = lineFormatter(t, entry, collection, labels);
  const field = historyField(entry);
  // A whole list of items (not one item's path): read item by item.
  const isList = entry.field === field && isItemList(entry.oldValue, entry.newValue);
  const item = (value: unknown) => formatItem(field, value, t, { ...labels, collection });

  const body = () => {
    if (entry.kind === 'delete') return t('history.deletedRecord');
    const label = (
      <Text span fw={500}>
        {lineLabel(t, entry, collection, record)}
      </Text>
    );
    if (isList && entry.kind === 'create')
      return (
        <>
          {label}
          {(entry.newValue as unknown[]).map((value, index) => (
            <Text key={index} size="sm" pl="md" data-testid="history-item">
              {item(value)}
            </Text>
          ))}
        </>
      );
    if (isList) {
      const items = listItemChanges(field, entry.oldValue, entry.newValue);
      return (
        <>
          {label}
          {items.length === 0 && (
            <Text size="sm" pl="md" c="dimmed">
              {t('history.reordered')}
            </Text>
          )}
          {items.map((change) => (
            <Text
              key={change.itemId}
              size="sm"
              pl="md"
              data-testid="history-item"
              data-change={change.change}
            >
              {change.change === 'added' && t('history.itemAdded', { item: item(change.after) })}
              {change.change === 'removed' && (
                <Text span td="line-through" c="dimmed">
                  {t('history.itemRemoved', { item: item(change.before) })}
                </Text>
              )}
              {change.change === 'changed' && (
                <>
                  {itemTitle(field, change.after) ?? itemTitle(field, change.before) ?? ''}
                  {': '}
                  {change.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && ', '}
                      {itemKeyLabel(t, field, key)}{' '}
                      <Text span c="dimmed" td="line-through">
                        {formatValue(change.before?.[key], t, {
                          ...labels,
                          collection,
                          field: key,
                        })}
                      </Text>
                      {' → '}
                      {formatValue(change.after?.[key], t, { ...labels, collection, field: key })}
                    </span>
                  ))}
                </>
              )}
              <RestoreButton
                target={restorable(change.restore)}
                onRestore={onRestore}
                restoring={restoring}
                label={change.change === 'removed' ? t('history.restoreItem') : undefined}
              />
            </Text>
          ))}
        </>
      );
    }
    if (entry.kind === 'create')
      return (
        <>
          {label}
          {': '}
          {format(entry.newValue)}
        </>
      );
    return (
      <>
        {label}
        {': '}
        <Text span c="dimmed" td="line-through" data-testid="history-old">
          {format(entry.oldValue)}
        </Text>
        {' → '}
        <Text span data-testid="history-new">
          {format(entry.newValue)}
        </Text>
        <RestoreButton
          target={restorable(restoreTargetOf(entry))}
          onRestore={onRestore}
          restoring={restoring}
        />
      </>
    );
  };

  return (
    <Text
      size="sm"
      component="div"
      data-testid="history-entry"
      data-field={field}
      data-kind={entry.kind}
    >
      {body()}
    </Text>
  );
}

function MergeLine({
  entry,
  record,
  ...line
}: LineProps & { entry: HistoryEntry; record: HistoryRecord | null }) {
  const { t } = useTranslation();
  const { collection, labels, restorable, onRestore, restoring } = line;
  const format = lineFormatter(t, entry, collection, labels);
  const merge = entry.merge;
  const lostBy = labels.names?.get(entry.userId) ?? entry.userName;
  const keptBy = merge
    ? (labels.names?.get(merge.keptBy) ?? merge.keptByName ?? t('history.unknownPerson'))
    : '';
  const kept = format(entry.newValue);
  const lost = format(entry.oldValue);
  const target = restorable(restoreTargetOf(entry));
  // The change that lost was a deletion (editKeepsItem): restoring it deletes the item again.
  const deletesItem = !!target && 'item' in target && target.item === null;

  let why: string;
  let detail: string;
  if (!merge) {
    why = t('history.merge.detail', { user: lostBy, lost, kept });
    detail = '';
  } else {
    const times = {
      lostBy,
      keptBy,
      lost,
      kept,
      lostAt: formatDateTime(merge.lostAt),
      keptAt: formatDateTime(merge.keptAt),
    };
    why = t(`history.merge.why.${merge.reason}`, times);
    // An edit from before stamps has no time of its own (0): say who, not when.
    const known = merge.lostAt > 0 && merge.keptAt > 0;
    detail =
      merge.reason === 'editKeepsItem'
        ? t(known ? 'history.merge.deletedTimes' : 'history.merge.deletedWho', times)
        : t(known ? 'history.merge.times' : 'history.merge.who', times);
  }

  return (
    <Paper
      withBorder
      p="xs"
      mt={4}
      bg="var(--mantine-color-orange-light)"
      data-testid="history-entry"
      data-field={historyField(entry)}
      data-kind="merge"
      data-reason={merge?.reason}
    >
      <Group gap="xs" mb={2}>
        <Badge color="orange" size="sm" leftSection={<IconGitMerge size={12} />}>
          {t('history.merge.title')}
        </Badge>
        <Text size="sm" fw={500}>
          {lineLabel(t, entry, collection, record)}
        </Text>
      </Group>
      <Text size="sm" data-testid="history-merge-why">
        {why}
        <RestoreButton
          target={target}
          onRestore={onRestore}
          restoring={restoring}
          label={deletesItem ? t('history.restoreDeletion') : t('history.restoreLost')}
        />
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" data-testid="history-merge-times">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

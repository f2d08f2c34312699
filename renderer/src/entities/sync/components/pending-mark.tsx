import { useCallback, type ReactNode } from 'react';
import { Badge, Tooltip } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CollectionName } from '@shared/domain';
import type { PendingChange } from '@sync/client/pending-change';
import { usePendingByRecord, usePendingChange } from '../../../hooks/use-pending-changes';
import { pendingFieldNames, pendingFieldsText, sinceText } from '../pending-model';

/**
 * "Not synced yet: amount, stage · since 3 minutes ago" on a record this device changed and the server has not
 * acknowledged (issue 15 "Pending changes where they are"). Nothing when all is synced.
 */
export function PendingMark({ collection, id }: { collection: CollectionName; id: string }) {
  const change = usePendingChange(collection, id);
  return change ? <PendingBadge change={change} /> : null;
}

/** The mark for a known change: a badge (record pages) or only the icon (list rows, board cards). */
export function PendingBadge({ change, compact }: { change: PendingChange; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const fields = pendingFieldsText(t, change);
  const since = sinceText(change.since, i18n.language);
  const label = t('pending.mark', { fields, since });
  const data = {
    'data-collection': change.collection,
    'data-record-id': change.id,
    'data-fields': pendingFieldNames(change).join(','),
    'data-created': change.created ? 'true' : undefined,
    'data-deleted': change.deleted ? 'true' : undefined,
  };
  if (compact)
    return (
      <Tooltip label={label} withinPortal>
        <span
          role="img"
          aria-label={label}
          data-testid="pending-row-mark"
          {...data}
          style={{ display: 'inline-flex', verticalAlign: 'middle', marginRight: 4 }}
        >
          <IconCloudUpload size={14} color="var(--mantine-color-yellow-7)" />
        </span>
      </Tooltip>
    );
  return (
    <Tooltip label={t('pending.markHint')} withinPortal multiline w={280}>
      <Badge
        color="yellow"
        variant="light"
        leftSection={<IconCloudUpload size={12} />}
        data-testid="pending-mark"
        {...data}
        styles={{ label: { textTransform: 'none' } }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

/**
 * A list's row marks: give the row's record id, get its mark (null when nothing waits). One subscription per
 * list, not per row.
 */
export function usePendingRowMark(collection: CollectionName): (id: string) => ReactNode {
  const pending = usePendingByRecord(collection);
  return useCallback(
    (id: string) => {
      const change = pending.get(id);
      return change ? <PendingBadge change={change} compact /> : null;
    },
    [pending],
  );
}

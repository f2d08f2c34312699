import type { TFunction } from 'i18next';
import type { Lead } from '@shared/domain';
import type { Column } from '../../components/virtual-table';

type ExportSpec = NonNullable<Column<Lead>['export']>;

/**
 * How each column of the leads list exports (issue 17), in the UI language; a field the field policy hides
 * exports empty. An unowned lead's owner cell is empty (the list says "unassigned"), so the file imports back
 * as unowned. One place, so the export→import round trip test reads exactly what the list writes.
 */
export function leadExports(
  t: TFunction,
  users: ReadonlyMap<string, { name: string }>,
  hides: (record: Lead, field: string) => boolean,
) {
  return {
    name: { header: t('fields.contactName'), type: 'text', value: (l) => l.name },
    company: { header: t('fields.company'), type: 'text', value: (l) => l.company },
    mobile: {
      header: t('fields.mobile'),
      type: 'text',
      value: (l) => (hides(l, 'mobile') ? null : l.mobile),
    },
    source: {
      header: t('fields.source'),
      type: 'text',
      value: (l) => t(`lists.source.${l.source}`),
    },
    status: {
      header: t('fields.status'),
      type: 'text',
      value: (l) => t(`lists.leadStatus.${l.status}`),
    },
    score: { header: t('fields.score'), type: 'number', value: (l) => l.score },
    owner: {
      header: t('common.owner'),
      type: 'text',
      value: (l) => (l.ownerId === '' ? '' : (users.get(l.ownerId)?.name ?? '')),
    },
    lastActivityAt: {
      header: t('common.lastActivityAt'),
      type: 'datetime',
      value: (l) => l.lastActivityAt || null,
    },
    updatedAt: { header: t('common.updatedAt'), type: 'datetime', value: (l) => l.updatedAt },
  } satisfies Record<string, ExportSpec>;
}

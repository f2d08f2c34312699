import type { TFunction } from 'i18next';
import type { Activity } from '@shared/domain';
import type { Column } from '../../components/virtual-table';

type ExportSpec = NonNullable<Column<Activity>['export']>;

/**
 * How each column of an activities list exports (issue 17), in the UI language, with the headers the import
 * knows, so the file imports back with no change (`features/import/round-trip.test.ts`). The kinds an import
 * takes are the logged ones (LOGGED_ACTIVITY_TYPES): a list to export leaves comments and NPS answers out.
 */
export function activityExports(
  t: TFunction,
  users: ReadonlyMap<string, { name: string }>,
  accountName: (activity: Activity) => string,
) {
  return {
    subject: { header: t('fields.subject'), type: 'text', value: (a) => a.subject },
    type: {
      header: t('import.field.type'),
      type: 'text',
      value: (a) => t(`lists.activityType.${a.type}`),
    },
    account: { header: t('fields.accountId'), type: 'text', value: accountName },
    occurredAt: { header: t('fields.occurredAt'), type: 'datetime', value: (a) => a.occurredAt },
    body: { header: t('fields.body'), type: 'text', value: (a) => a.body },
    outcome: { header: t('fields.outcome'), type: 'text', value: (a) => a.outcome },
    nextStep: { header: t('fields.nextStep'), type: 'text', value: (a) => a.nextStep },
    dueDate: { header: t('fields.dueDate'), type: 'date', value: (a) => a.dueDate },
    done: {
      header: t('import.field.done'),
      type: 'text',
      value: (a) => (a.done ? t('common.yes') : t('common.no')),
    },
    owner: {
      header: t('fields.ownerId'),
      type: 'text',
      value: (a) => (a.ownerId === '' ? '' : (users.get(a.ownerId)?.name ?? '')),
    },
  } satisfies Record<string, ExportSpec>;
}

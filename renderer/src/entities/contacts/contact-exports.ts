import type { TFunction } from 'i18next';
import type { Contact } from '@shared/domain';
import type { Column } from '../../components/virtual-table';

type ExportSpec = NonNullable<Column<Contact>['export']>;

/**
 * How each column of the contacts list exports (issue 17), in the UI language; a field the field policy hides
 * exports empty. One place, so the export→import round trip test reads exactly what the list writes.
 */
export function contactExports(
  t: TFunction,
  users: ReadonlyMap<string, { name: string }>,
  hides: (record: Contact, field: string) => boolean,
) {
  return {
    name: { header: t('fields.contactName'), type: 'text', value: (c) => c.name },
    title: { header: t('fields.title'), type: 'text', value: (c) => c.title },
    mobile: {
      header: t('fields.mobile'),
      type: 'text',
      value: (c) => (hides(c, 'mobile') ? null : c.mobile),
    },
    email: {
      header: t('fields.email'),
      type: 'text',
      value: (c) => (hides(c, 'email') ? null : c.email),
    },
    role: {
      header: t('fields.decisionRole'),
      type: 'text',
      value: (c) => (c.decisionRole ? t(`lists.decisionRole.${c.decisionRole}`) : ''),
    },
    owner: {
      header: t('common.owner'),
      type: 'text',
      value: (c) => users.get(c.ownerId)?.name ?? '',
    },
  } satisfies Record<string, ExportSpec>;
}

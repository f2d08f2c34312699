import type { TFunction } from 'i18next';
import type { Account } from '@shared/domain';
import { tagLabel } from '../../components/list-options';
import { formatList } from '../../components/format';
import type { Column } from '../../components/virtual-table';

type ExportSpec = NonNullable<Column<Account>['export']>;

/**
 * How each column of the accounts list exports (issue 17): the header and the cell the list shows, in the
 * UI language. One place, so the export→import round trip test (features/import/round-trip.test.ts)
 * reads exactly what the list writes.
 */
export function accountExports(
  t: TFunction,
  language: string,
  users: ReadonlyMap<string, { name: string }>,
) {
  const tags = (a: Account) =>
    formatList(
      a.tags.map((tag) => tagLabel(t, tag)),
      language,
    );
  return {
    name: { header: t('fields.accountName'), type: 'text', value: (a) => a.name },
    industry: {
      header: t('fields.industry'),
      type: 'text',
      value: (a) => (a.industry ? t(`industry.${a.industry}`) : ''),
    },
    region: {
      header: t('fields.region'),
      type: 'text',
      value: (a) => (a.region ? t(`lists.region.${a.region}`) : ''),
    },
    status: {
      header: t('fields.status'),
      type: 'text',
      value: (a) => t(`lists.accountStatus.${a.status}`),
    },
    tags: { header: t('fields.tags'), type: 'text', value: tags },
    owner: {
      header: t('common.owner'),
      type: 'text',
      value: (a) => users.get(a.ownerId)?.name ?? '',
    },
    updatedAt: { header: t('common.updatedAt'), type: 'datetime', value: (a) => a.updatedAt },
  } satisfies Record<string, ExportSpec>;
}

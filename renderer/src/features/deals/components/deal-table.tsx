import { HiddenValue } from '../../../components/hidden-value';
import { useFieldHider } from '../../../entities/settings/field-policy';
import { useMemo } from 'react';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal, PipelineValue } from '@shared/domain';
import { formatDateTime, formatMoney } from '../../../components/format';
import { VirtualTable, type Column } from '../../../components/virtual-table';
import { useUserMap } from '../../../entities/members/queries';
import { useDealList, usePipelinesQuery, type DealFilter } from '../../../entities/deals/queries';
import { useAccountNames, useExportAccountNames } from '../../../entities/accounts/queries';
import { dealExports } from '../../../entities/deals/deal-exports';
import { usePendingRowMark } from '../../../entities/sync/components/pending-mark';
import { ExportMenu } from '../../../components/export-menu';
import { offsetPages } from '../../../data/services/export/table-export';
import { useRepositories } from '../../../hooks/use-workspace';
import { LastActivityText } from '../../../components/last-activity-text';

export interface DealTableProps {
  filter: DealFilter;
  pipeline: PipelineValue | undefined;
}

const STATUS_COLOR: Record<Deal['status'], string> = { open: 'indigo', won: 'green', lost: 'red' };

/**
 * The columns of the deals table, for the table and for its export alike (one spec). `accountNames` knows the
 * accounts of the rows on screen; `exportNames` those an export has read (rows not on screen).
 */
function useDealColumns(
  pipeline: PipelineValue | undefined,
  accountNames: ReadonlyMap<string, string>,
  exportNames?: ReadonlyMap<string, string>,
): Column<Deal>[] {
  const { t, i18n } = useTranslation();
  const users = useUserMap();
  const hides = useFieldHider('deals');
  const pipelines = usePipelinesQuery().data;
  return useMemo<Column<Deal>[]>(() => {
    const accountName = (d: Deal) =>
      accountNames.get(d.accountId) ?? exportNames?.get(d.accountId) ?? '';
    const { stageName, categoryName, specs } = dealExports(t, {
      users,
      hides,
      accountName,
      pipelines: new Map((pipelines ?? []).map((p) => [p.id, p.value])),
      fallback: pipeline,
    });
    return [
      {
        key: 'name',
        header: t('fields.dealName'),
        width: 'minmax(180px, 2fr)',
        render: (d) => (
          <Text size="sm" fw={500} truncate data-testid="deal-row-name">
            {d.name}
          </Text>
        ),
        export: specs.name,
      },
      {
        key: 'account',
        header: t('fields.accountId'),
        width: 'minmax(160px, 2fr)',
        render: accountName,
        export: specs.account,
      },
      {
        key: 'stage',
        header: t('fields.stage'),
        width: 120,
        render: (d) => stageName(d),
        export: specs.stage,
      },
      {
        key: 'status',
        header: t('fields.status'),
        width: 90,
        render: (d) => (
          <Badge size="sm" variant="light" color={STATUS_COLOR[d.status]}>
            {t(`lists.dealStatus.${d.status}`)}
          </Badge>
        ),
        export: specs.status,
      },
      {
        key: 'amount',
        header: t('fields.amount'),
        width: 130,
        render: (d) =>
          hides(d, 'amount') ? <HiddenValue /> : formatMoney(d.amount, i18n.language),
        export: specs.amount,
      },
      {
        key: 'probability',
        header: t('fields.probability'),
        width: 80,
        render: (d) => `${d.probability}%`,
        export: specs.probability,
      },
      {
        key: 'closeDate',
        header: t('fields.closeDate'),
        width: 120,
        render: (d) => d.closeDate,
        export: specs.closeDate,
      },
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 110,
        render: (d) => users.get(d.ownerId)?.name ?? '',
        export: specs.owner,
      },
      {
        key: 'lastActivityAt',
        header: t('common.lastActivityAt'),
        width: 120,
        render: (row) => <LastActivityText at={row.lastActivityAt} />,
        export: specs.lastActivityAt,
      },
      {
        key: 'updatedAt',
        header: t('common.updatedAt'),
        width: 150,
        render: (d) => formatDateTime(d.updatedAt),
        export: specs.updatedAt,
      },
      // Last, so the columns before it keep their places in exports people already read.
      {
        key: 'forecastCategory',
        header: t('fields.forecastCategory'),
        width: 110,
        render: categoryName,
        export: specs.forecastCategory,
      },
    ];
  }, [t, i18n.language, accountNames, exportNames, users, pipeline, pipelines, hides]);
}

const NO_NAMES = new Map<string, string>();

/**
 * "Export" for the deals page, table and board alike (the board shows the same deals): the table's columns
 * and filter, read page by page with each page's account names.
 */
export function DealExport({ filter, pipeline }: DealTableProps) {
  const { t } = useTranslation();
  const repos = useRepositories();
  const { names, withNames } = useExportAccountNames();
  const columns = useDealColumns(pipeline, NO_NAMES, names);
  return (
    <ExportMenu
      columns={columns}
      source={() =>
        withNames(
          offsetPages((limit, skip) => repos.deals.listPage(filter, limit, skip)),
          (d) => d.accountId,
        )
      }
      name={t('deals.title')}
      testId="deals-export"
    />
  );
}

/** All deals as a list (pages of 100 read through an index; only visible rows are drawn). */
export function DealTable({ filter, pipeline }: DealTableProps) {
  const { t } = useTranslation();
  const pendingMark = usePendingRowMark('deals');
  const navigate = useNavigate();
  const { rows, loadMore, fetchMore, isLoading } = useDealList(filter);
  const accountIds = useMemo(() => rows.map((d) => d.accountId), [rows]);
  const accountNames = useAccountNames(accountIds);
  const columns = useDealColumns(pipeline, accountNames);

  return (
    <VirtualTable
      rows={rows}
      columns={columns}
      rowKey={(d) => d.id}
      onRowClick={(d) => void navigate(`/deals/${d.id}`)}
      label={t('deals.title')}
      positionKey={`deals:${JSON.stringify(filter)}`}
      sequence={{ kind: 'deals', href: (d) => `/deals/${d.id}`, fetchMore }}
      onEndReached={loadMore}
      loading={isLoading}
      testId="deal-table"
      rowMark={(d) => pendingMark(d.id)}
    />
  );
}

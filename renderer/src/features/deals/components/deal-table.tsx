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
import { useDealList, type DealFilter } from '../../../entities/deals/queries';
import { useAccountNames } from '../../../entities/accounts/queries';
import { useStageLabel } from '../../../entities/deals/stage-label';
import { usePendingRowMark } from '../../../entities/sync/components/pending-mark';

export interface DealTableProps {
  filter: DealFilter;
  pipeline: PipelineValue | undefined;
}

const STATUS_COLOR: Record<Deal['status'], string> = { open: 'indigo', won: 'green', lost: 'red' };

/** All deals as a list (pages of 100 read through an index; only visible rows are drawn). */
export function DealTable({ filter, pipeline }: DealTableProps) {
  const { t, i18n } = useTranslation();
  const pendingMark = usePendingRowMark('deals');
  const navigate = useNavigate();
  const label = useStageLabel();
  const { rows, loadMore, fetchMore, isLoading } = useDealList(filter);
  const users = useUserMap();
  const accountIds = useMemo(() => rows.map((d) => d.accountId), [rows]);
  const accountNames = useAccountNames(accountIds);
  const hides = useFieldHider('deals');

  const columns = useMemo<Column<Deal>[]>(() => {
    const stageName = (id: string) => {
      const stage = pipeline?.stages.find((s) => s.id === id);
      return stage ? label(stage) : label(id);
    };
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
      },
      {
        key: 'account',
        header: t('fields.accountId'),
        width: 'minmax(160px, 2fr)',
        render: (d) => accountNames.get(d.accountId) ?? '',
      },
      { key: 'stage', header: t('fields.stage'), width: 120, render: (d) => stageName(d.stage) },
      {
        key: 'status',
        header: t('fields.status'),
        width: 90,
        render: (d) => (
          <Badge size="sm" variant="light" color={STATUS_COLOR[d.status]}>
            {t(`lists.dealStatus.${d.status}`)}
          </Badge>
        ),
      },
      {
        key: 'amount',
        header: t('fields.amount'),
        width: 130,
        render: (d) =>
          hides(d, 'amount') ? <HiddenValue /> : formatMoney(d.amount, i18n.language),
      },
      {
        key: 'probability',
        header: t('fields.probability'),
        width: 80,
        render: (d) => `${d.probability}%`,
      },
      { key: 'closeDate', header: t('fields.closeDate'), width: 120, render: (d) => d.closeDate },
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 110,
        render: (d) => users.get(d.ownerId)?.name ?? '',
      },
      {
        key: 'updatedAt',
        header: t('common.updatedAt'),
        width: 150,
        render: (d) => formatDateTime(d.updatedAt),
      },
    ];
  }, [t, i18n.language, accountNames, users, pipeline, label, hides]);

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

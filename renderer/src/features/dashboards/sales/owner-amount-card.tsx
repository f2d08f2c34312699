import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { salesDrillIds, type OwnerAmount } from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** How many people an owner chart shows (the table and the export have everyone). */
export const CHART_TOP = 10;

/** What differs between the two money-per-owner cards: won in the period, or open today. */
const KINDS = {
  won: {
    title: 'dashboards.sales.chart.leaderboardWon',
    testId: 'chart-leaderboard-won',
    dealsHeader: 'dashboards.sales.column.wonDeals',
    amountHeader: 'dashboards.sales.column.revenue',
    series: 'dashboards.sales.series.won',
    color: 'blue.6',
    drillTitle: 'dashboards.sales.drill.won',
  },
  open: {
    title: 'dashboards.sales.chart.pipelineOwner',
    testId: 'chart-pipeline-owner',
    dealsHeader: 'dashboards.sales.column.deals',
    amountHeader: 'dashboards.sales.column.amount',
    series: 'dashboards.sales.series.amount',
    color: 'teal.6',
    drillTitle: 'dashboards.sales.drill.open',
  },
} as const;

/** Money per owner, largest first: the won leaderboard (`won`) or the open pipeline by owner (`open`). */
export function OwnerAmountCard({
  kind,
  owners,
  input,
}: {
  kind: keyof typeof KINDS;
  owners: readonly OwnerAmount[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const spec = KINDS[kind];
  const columns: DashboardColumn<OwnerAmount>[] = [
    { key: 'owner', header: t('dashboards.sales.column.owner'), type: 'text', value: labels.owner },
    { key: 'deals', header: t(spec.dealsHeader), type: 'number', value: (r) => r.deals },
    { key: 'amount', header: t(spec.amountHeader), type: 'money', value: (r) => r.amount },
  ];
  const drill = (r: OwnerAmount): DrillTarget => ({
    title: t(spec.drillTitle, { name: labels.owner(r) }),
    collection: 'deals',
    ids: salesDrillIds(input.current, { kind, ownerId: r.ownerId }),
  });
  const top = owners.slice(0, CHART_TOP);
  return (
    <ChartCard
      title={t(spec.title)}
      testId={spec.testId}
      rows={owners}
      columns={columns}
      drill={drill}
      empty={owners.length === 0}
    >
      <BarChart
        h={260}
        data={top.map((r) => ({ owner: labels.owner(r), amount: r.amount }))}
        dataKey="owner"
        orientation="vertical"
        yAxisProps={{ width: 90 }}
        series={[{ name: 'amount', label: t(spec.series), color: spec.color }]}
        valueFormatter={(value) => formats.compactMoney(value)}
        barProps={barDrillProps(top, drill, openDrill)}
      />
    </ChartCard>
  );
}

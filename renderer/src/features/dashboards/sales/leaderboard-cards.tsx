import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import {
  activityDrillIds,
  salesDrillIds,
  type LeaderboardActivity,
  type OwnerActivities,
  type OwnerAmount,
  type SalesMetricsInput,
} from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';

/** How many people a leaderboard chart shows (the table and the export have everyone). */
const CHART_TOP = 10;

/** Won amount per owner in the period, largest first. */
export function WonLeaderboardCard({
  owners,
  input,
}: {
  owners: readonly OwnerAmount[];
  input: SalesMetricsInput;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const columns: DashboardColumn<OwnerAmount>[] = [
    { key: 'owner', header: t('dashboards.sales.column.owner'), type: 'text', value: labels.owner },
    {
      key: 'deals',
      header: t('dashboards.sales.column.wonDeals'),
      type: 'number',
      value: (r) => r.deals,
    },
    {
      key: 'amount',
      header: t('dashboards.sales.column.revenue'),
      type: 'money',
      value: (r) => r.amount,
    },
  ];
  const drill = (r: OwnerAmount): DrillTarget => ({
    title: t('dashboards.sales.drill.won', { name: labels.owner(r) }),
    collection: 'deals',
    ids: salesDrillIds(input, { kind: 'won', ownerId: r.ownerId }),
  });
  const top = owners.slice(0, CHART_TOP);
  return (
    <ChartCard
      title={t('dashboards.sales.chart.leaderboardWon')}
      testId="chart-leaderboard-won"
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
        series={[{ name: 'amount', label: t('dashboards.sales.series.won'), color: 'blue.6' }]}
        valueFormatter={(value) => formats.compactMoney(value)}
        barProps={barDrillProps(top, drill, openDrill)}
      />
    </ChartCard>
  );
}

/** Customer contacts per owner in the period (comments never count), most first. */
export function ActivityLeaderboardCard({
  owners,
  activities,
  input,
}: {
  owners: readonly OwnerActivities[];
  activities: readonly LeaderboardActivity[];
  input: SalesMetricsInput;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const columns: DashboardColumn<OwnerActivities>[] = [
    { key: 'owner', header: t('dashboards.sales.column.owner'), type: 'text', value: labels.owner },
    {
      key: 'activities',
      header: t('dashboards.sales.column.activities'),
      type: 'number',
      value: (r) => r.activities,
    },
  ];
  const drill = (r: OwnerActivities): DrillTarget => ({
    title: t('dashboards.sales.drill.activities', { name: labels.owner(r) }),
    collection: 'activities',
    ids: activityDrillIds(activities, r.ownerId, input.filters),
  });
  const top = owners.slice(0, CHART_TOP);
  return (
    <ChartCard
      title={t('dashboards.sales.chart.leaderboardActivities')}
      testId="chart-leaderboard-activities"
      rows={owners}
      columns={columns}
      drill={drill}
      empty={owners.length === 0}
    >
      <BarChart
        h={260}
        data={top.map((r) => ({ owner: labels.owner(r), activities: r.activities }))}
        dataKey="owner"
        orientation="vertical"
        yAxisProps={{ width: 90 }}
        series={[
          { name: 'activities', label: t('dashboards.sales.series.activities'), color: 'grape.6' },
        ]}
        valueFormatter={(value) => formats.number(value)}
        barProps={barDrillProps(top, drill, openDrill)}
      />
    </ChartCard>
  );
}

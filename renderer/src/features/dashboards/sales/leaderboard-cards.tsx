import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import {
  activityDrillIds,
  type LeaderboardActivity,
  type OwnerActivities,
} from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { CHART_TOP } from './owner-amount-card';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** Customer contacts per owner in the period (comments never count), most first. */
export function ActivityLeaderboardCard({
  owners,
  activities,
  input,
}: {
  owners: readonly OwnerActivities[];
  activities: readonly LeaderboardActivity[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
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
    ids: activityDrillIds(activities, r.ownerId, input.current.filters),
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

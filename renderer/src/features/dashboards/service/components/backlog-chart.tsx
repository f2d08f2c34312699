import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES } from '@shared/domain';
import type { BacklogRow } from '@shared/rules/dashboards/service-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../../chart-card';
import { useBarDrill } from './bar-drill';

const PRIORITY_COLORS = { low: 'gray.5', normal: 'blue.6', high: 'orange.6', urgent: 'red.6' };

/** Today's open tickets by age bucket, stacked by priority. */
export function BacklogChart({ rows }: { rows: readonly BacklogRow[] }) {
  const { t } = useTranslation();
  const bucket = (row: BacklogRow) => t(`dashboards.service.buckets.${row.bucket}`);
  const columns: DashboardColumn<BacklogRow>[] = [
    { key: 'bucket', header: t('dashboards.service.columns.bucket'), type: 'text', value: bucket },
    ...TICKET_PRIORITIES.map((p): DashboardColumn<BacklogRow> => ({
      key: p,
      header: t(`lists.ticketPriority.${p}`),
      type: 'number',
      value: (r) => r.byPriority[p],
    })),
    {
      key: 'total',
      header: t('dashboards.service.columns.total'),
      type: 'number',
      value: (r) => r.total,
    },
  ];
  const drill = (row: BacklogRow): DrillTarget | null =>
    row.total === 0
      ? null
      : {
          title: t('dashboards.service.drill.backlog', { bucket: bucket(row) }),
          collection: 'tickets',
          ids: row.ticketIds,
        };
  const barProps = useBarDrill(rows, drill);
  return (
    <ChartCard
      title={t('dashboards.service.charts.backlog')}
      testId="chart-backlog"
      rows={rows}
      columns={columns}
      drill={drill}
      empty={rows.every((r) => r.total === 0)}
    >
      <BarChart
        h={220}
        data={rows.map((r) => ({ label: bucket(r), ...r.byPriority }))}
        dataKey="label"
        type="stacked"
        withLegend
        barProps={barProps}
        series={TICKET_PRIORITIES.map((p) => ({
          name: p,
          label: t(`lists.ticketPriority.${p}`),
          color: PRIORITY_COLORS[p],
        }))}
      />
    </ChartCard>
  );
}

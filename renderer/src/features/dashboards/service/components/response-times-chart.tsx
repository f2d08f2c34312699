import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ResponseTimeRow } from '@shared/rules/dashboards/service-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../../chart-card';
import { hoursOf, useBarDrill } from './bar-drill';

/** Mean first-response and resolution times per priority, in business hours. */
export function ResponseTimesChart({ rows }: { rows: readonly ResponseTimeRow[] }) {
  const { t } = useTranslation();
  const priority = (row: ResponseTimeRow) => t(`lists.ticketPriority.${row.priority}`);
  const col = (
    key: string,
    value: (r: ResponseTimeRow) => number | null,
  ): DashboardColumn<ResponseTimeRow> => ({
    key,
    header: t(`dashboards.service.columns.${key}`),
    type: 'number',
    value,
  });
  const columns: DashboardColumn<ResponseTimeRow>[] = [
    {
      key: 'priority',
      header: t('dashboards.service.columns.priority'),
      type: 'text',
      value: priority,
    },
    col('firstResponses', (r) => r.firstResponses),
    col('frtAvg', (r) => hoursOf(r.firstResponseAvgMs)),
    col('frtMedian', (r) => hoursOf(r.firstResponseMedianMs)),
    col('resolutions', (r) => r.resolutions),
    col('resolutionAvg', (r) => hoursOf(r.resolutionAvgMs)),
    col('resolutionMedian', (r) => hoursOf(r.resolutionMedianMs)),
  ];
  const drill = (row: ResponseTimeRow): DrillTarget | null =>
    row.ticketIds.length === 0
      ? null
      : {
          title: t('dashboards.service.drill.responseTimes', { priority: priority(row) }),
          collection: 'tickets',
          ids: row.ticketIds,
        };
  const barProps = useBarDrill(rows, drill);
  return (
    <ChartCard
      title={t('dashboards.service.charts.responseTimes')}
      testId="chart-response-times"
      rows={rows}
      columns={columns}
      drill={drill}
      empty={rows.every((r) => r.ticketIds.length === 0)}
    >
      <BarChart
        h={220}
        data={rows.map((r) => ({
          label: priority(r),
          frtAvg: hoursOf(r.firstResponseAvgMs) ?? 0,
          resolutionAvg: hoursOf(r.resolutionAvgMs) ?? 0,
        }))}
        dataKey="label"
        withLegend
        barProps={barProps}
        series={[
          { name: 'frtAvg', label: t('dashboards.service.columns.frtAvg'), color: 'blue.6' },
          {
            name: 'resolutionAvg',
            label: t('dashboards.service.columns.resolutionAvg'),
            color: 'violet.6',
          },
        ]}
      />
    </ChartCard>
  );
}

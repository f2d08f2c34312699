import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { NpsMonth } from '@shared/rules/dashboards/service-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../../chart-card';
import { useBarDrill } from './bar-drill';

/** NPS answers per month: promoters, passives and detractors stacked; the score in the table. */
export function NpsChart({ months }: { months: readonly NpsMonth[] }) {
  const { t } = useTranslation();
  const col = (key: string, value: (r: NpsMonth) => number | null): DashboardColumn<NpsMonth> => ({
    key,
    header: t(`dashboards.service.columns.${key}`),
    type: 'number',
    value,
  });
  const columns: DashboardColumn<NpsMonth>[] = [
    {
      key: 'month',
      header: t('dashboards.service.columns.month'),
      type: 'text',
      value: (r) => r.month,
    },
    col('responses', (r) => r.responses),
    col('promoters', (r) => r.promoters),
    col('passives', (r) => r.passives),
    col('detractors', (r) => r.detractors),
    col('score', (r) => r.score),
  ];
  const drill = (row: NpsMonth): DrillTarget | null =>
    row.activityIds.length === 0
      ? null
      : {
          title: t('dashboards.service.drill.nps', { month: row.month }),
          collection: 'activities',
          ids: row.activityIds,
        };
  const barProps = useBarDrill(months, drill);
  return (
    <ChartCard
      title={t('dashboards.service.charts.nps')}
      testId="chart-nps"
      rows={months}
      columns={columns}
      drill={drill}
      empty={months.every((m) => m.responses === 0)}
    >
      <BarChart
        h={220}
        data={months.map((m) => ({
          month: m.month,
          promoters: m.promoters,
          passives: m.passives,
          detractors: m.detractors,
        }))}
        dataKey="month"
        type="stacked"
        withLegend
        barProps={barProps}
        series={[
          { name: 'promoters', label: t('dashboards.service.columns.promoters'), color: 'teal.6' },
          { name: 'passives', label: t('dashboards.service.columns.passives'), color: 'yellow.6' },
          { name: 'detractors', label: t('dashboards.service.columns.detractors'), color: 'red.6' },
        ]}
      />
    </ChartCard>
  );
}

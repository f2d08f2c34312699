import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { CsatMonth } from '@shared/rules/dashboards/service-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../../chart-card';
import { useDrill } from '../../drill-drawer';

/** The mean CSAT answer (1–5) per month, with the answers and the share of 4s and 5s in the table. */
export function CsatChart({ months }: { months: readonly CsatMonth[] }) {
  const { t } = useTranslation();
  const openDrill = useDrill();
  const columns: DashboardColumn<CsatMonth>[] = [
    {
      key: 'month',
      header: t('dashboards.service.columns.month'),
      type: 'text',
      value: (r) => r.month,
    },
    {
      key: 'responses',
      header: t('dashboards.service.columns.responses'),
      type: 'number',
      value: (r) => r.responses,
    },
    {
      key: 'average',
      header: t('dashboards.service.columns.average'),
      type: 'number',
      value: (r) => r.average,
    },
    {
      key: 'satisfied',
      header: t('dashboards.service.columns.satisfied'),
      type: 'percent',
      value: (r) => (r.satisfiedPercent === null ? null : r.satisfiedPercent / 100),
    },
  ];
  const drill = (row: CsatMonth): DrillTarget | null =>
    row.ticketIds.length === 0
      ? null
      : {
          title: t('dashboards.service.drill.csat', { month: row.month }),
          collection: 'tickets',
          ids: row.ticketIds,
        };
  return (
    <ChartCard
      title={t('dashboards.service.charts.csat')}
      testId="chart-csat"
      rows={months}
      columns={columns}
      drill={drill}
      empty={months.every((m) => m.responses === 0)}
    >
      <LineChart
        h={220}
        data={months.map((m) => ({ month: m.month, average: m.average }))}
        dataKey="month"
        yAxisProps={{ domain: [1, 5] }}
        connectNulls
        series={[
          { name: 'average', label: t('dashboards.service.columns.average'), color: 'teal.6' },
        ]}
        lineProps={{
          activeDot: {
            cursor: 'pointer',
            onClick: (_dot: unknown, event: unknown) => {
              const index = (event as { index?: number } | undefined)?.index;
              const row = index === undefined ? undefined : months[index];
              const target = row ? drill(row) : null;
              if (target) openDrill(target);
            },
          },
        }}
      />
    </ChartCard>
  );
}

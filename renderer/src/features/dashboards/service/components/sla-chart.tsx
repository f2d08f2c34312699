import { useMemo } from 'react';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { SlaRow } from '@shared/rules/dashboards/service-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../../chart-card';
import { useBarDrill } from './bar-drill';

/** SLA compliance per priority: met / breached / running tickets stacked, compliance in the table. */
export function SlaChart({ rows }: { rows: readonly SlaRow[] }) {
  const { t } = useTranslation();
  const priority = (row: SlaRow) => t(`lists.ticketPriority.${row.priority}`);
  const columns = useMemo<DashboardColumn<SlaRow>[]>(
    () => [
      {
        key: 'priority',
        header: t('dashboards.service.columns.priority'),
        type: 'text',
        value: priority,
      },
      {
        key: 'tickets',
        header: t('dashboards.service.columns.tickets'),
        type: 'number',
        value: (r) => r.tickets,
      },
      {
        key: 'met',
        header: t('dashboards.service.columns.met'),
        type: 'number',
        value: (r) => r.met,
      },
      {
        key: 'breached',
        header: t('dashboards.service.columns.breached'),
        type: 'number',
        value: (r) => r.breached,
      },
      {
        key: 'running',
        header: t('dashboards.service.columns.running'),
        type: 'number',
        value: (r) => r.running,
      },
      {
        key: 'compliance',
        header: t('dashboards.service.columns.compliance'),
        type: 'percent',
        value: (r) => r.compliance,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `priority` only reads `t`
    [t],
  );
  const drill = (row: SlaRow): DrillTarget | null =>
    row.ticketIds.length === 0
      ? null
      : {
          title: t('dashboards.service.drill.sla', { priority: priority(row) }),
          collection: 'tickets',
          ids: row.ticketIds,
        };
  const barProps = useBarDrill(rows, drill);
  const data = rows.map((r) => ({
    label: priority(r),
    met: r.met,
    breached: r.breached,
    running: r.running,
  }));
  return (
    <ChartCard
      title={t('dashboards.service.charts.sla')}
      testId="chart-sla"
      rows={rows}
      columns={columns}
      drill={drill}
      empty={rows.every((r) => r.tickets === 0)}
    >
      <BarChart
        h={220}
        data={data}
        dataKey="label"
        type="stacked"
        withLegend
        barProps={barProps}
        series={[
          { name: 'met', label: t('dashboards.service.columns.met'), color: 'teal.6' },
          { name: 'breached', label: t('dashboards.service.columns.breached'), color: 'red.6' },
          { name: 'running', label: t('dashboards.service.columns.running'), color: 'gray.5' },
        ]}
      />
    </ChartCard>
  );
}

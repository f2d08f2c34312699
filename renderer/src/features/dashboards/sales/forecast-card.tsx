import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ForecastNumbers } from '@shared/rules/forecast';
import {
  expectedOf,
  salesDrillIds,
  type OwnerForecast,
} from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** A row of the forecast table: the scope's total (ownerId null) or one owner. */
interface ForecastRowView {
  ownerId: string | null;
  name: string;
  numbers: ForecastNumbers;
}

/** Forecast vs actual vs target (shared/rules/forecast.ts numbers): the scope's total, then per owner. */
export function ForecastCard({
  total,
  owners,
  input,
}: {
  total: ForecastNumbers;
  owners: readonly OwnerForecast[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const rows: ForecastRowView[] = [
    { ownerId: null, name: t('dashboards.sales.total'), numbers: total },
    ...owners,
  ];
  const nameOf = (r: ForecastRowView) =>
    r.ownerId === null ? r.name : labels.owner({ ownerId: r.ownerId, name: r.name });
  const money = (
    key: string,
    pick: (n: ForecastNumbers) => number | null,
  ): DashboardColumn<ForecastRowView> => ({
    key,
    header: t(`dashboards.sales.column.${key}`),
    type: 'money',
    value: (r) => pick(r.numbers),
  });
  const columns: DashboardColumn<ForecastRowView>[] = [
    { key: 'owner', header: t('dashboards.sales.column.owner'), type: 'text', value: nameOf },
    money('target', (n) => n.target),
    money('won', (n) => n.won),
    money('commit', (n) => n.commit),
    money('weighted', (n) => n.weighted),
    money('expected', expectedOf),
    {
      key: 'attainment',
      header: t('dashboards.sales.column.attainment'),
      type: 'percent',
      value: (r) => r.numbers.attainment,
    },
    money('gap', (n) => n.gap),
  ];
  const drill = (r: ForecastRowView): DrillTarget => ({
    title: t('dashboards.sales.drill.forecast', {
      name: r.ownerId === null ? t('dashboards.sales.drill.everyone') : nameOf(r),
    }),
    collection: 'deals',
    ids: salesDrillIds(
      input.current,
      r.ownerId === null ? { kind: 'forecast' } : { kind: 'forecast', ownerId: r.ownerId },
    ),
  });
  const chartRows = rows.length > 2 ? rows.slice(1) : rows;
  return (
    <ChartCard
      title={t('dashboards.sales.chart.forecast')}
      testId="chart-forecast"
      rows={rows}
      columns={columns}
      drill={drill}
      empty={total.deals === 0 && total.target === null}
    >
      <BarChart
        h={260}
        data={chartRows.map((r) => ({
          owner: nameOf(r),
          won: r.numbers.won,
          weighted: r.numbers.weighted,
          target: r.numbers.target ?? 0,
        }))}
        dataKey="owner"
        series={[
          { name: 'won', label: t('dashboards.sales.series.won'), color: 'blue.6' },
          { name: 'weighted', label: t('dashboards.sales.series.weighted'), color: 'cyan.5' },
          { name: 'target', label: t('dashboards.sales.series.target'), color: 'gray.5' },
        ]}
        withLegend
        valueFormatter={(value) => formats.compactMoney(value)}
        barProps={barDrillProps(chartRows, drill, openDrill)}
      />
    </ChartCard>
  );
}

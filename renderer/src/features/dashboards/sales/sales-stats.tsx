import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalesMetrics } from '@shared/rules/dashboards/sales-metrics';
import { Stat } from '../stat';
import { useDashboardFormats } from '../dashboard-formats';

/** The headline numbers: won amount, win rate, average deal, sales cycle, open pipeline, forecast. */
export function SalesStats({ metrics }: { metrics: SalesMetrics }) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const forecast = metrics.forecast.total;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat
        label={t('dashboards.sales.stat.won')}
        value={metrics.won.amount}
        format="money"
        testId="sales-stat-won"
        hint={t('dashboards.sales.stat.wonHint', { count: metrics.won.deals })}
      />
      <Stat
        label={t('dashboards.sales.stat.winRate')}
        value={metrics.winRate}
        format="percent"
        testId="sales-stat-win-rate"
        hint={t('dashboards.sales.stat.winRateHint', {
          won: metrics.won.deals,
          lost: metrics.lostDeals,
        })}
      />
      <Stat
        label={t('dashboards.sales.stat.avgDeal')}
        value={metrics.averageWonAmount}
        format="money"
        testId="sales-stat-avg-deal"
      />
      <Stat
        label={t('dashboards.sales.stat.cycle')}
        value={metrics.cycle.medianDays}
        format="days"
        testId="sales-stat-cycle"
        hint={t('dashboards.sales.stat.cycleHint', { mean: formats.days(metrics.cycle.meanDays) })}
      />
      <Stat
        label={t('dashboards.sales.stat.pipeline')}
        value={metrics.pipeline.amount}
        format="money"
        testId="sales-stat-pipeline"
        hint={t('dashboards.sales.stat.pipelineHint', { count: metrics.pipeline.deals })}
      />
      <Stat
        label={t('dashboards.sales.stat.forecast')}
        value={metrics.forecast.expected}
        format="money"
        testId="sales-stat-forecast"
        hint={t('dashboards.sales.stat.forecastHint', {
          target: formats.money(forecast.target),
          attainment: formats.percent(forecast.attainment),
        })}
      />
    </SimpleGrid>
  );
}

import { memo, useMemo } from 'react';
import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '@shared/rules/dashboards/filters';
import { useSalesDashboard } from './use-sales-dashboard';
import { SalesStats } from './sales-stats';
import { FunnelCard } from './funnel-card';
import { PipelineStageCard } from './pipeline-cards';
import { OwnerAmountCard } from './owner-amount-card';
import { ActivityLeaderboardCard } from './leaderboard-cards';
import { ForecastCard } from './forecast-card';
import { CampaignCard, LeadSourceCard, type CampaignRow } from './lead-source-cards';
import { sameProps } from '../same-data';

// A card redraws only when what it shows changed (after one edit most of them did not).
/** One empty list for every card still waiting for its data (a new [] would redraw the card). */
const NONE: never[] = [];
const Funnel = memo(FunnelCard, sameProps);
const Forecast = memo(ForecastCard, sameProps);
const PipelineStage = memo(PipelineStageCard, sameProps);
const OwnerAmount = memo(OwnerAmountCard, sameProps);
const ActivityLeaderboard = memo(ActivityLeaderboardCard, sameProps);
const LeadSource = memo(LeadSourceCard, sameProps);
const Campaign = memo(CampaignCard, sameProps);

/**
 * The sales dashboard (issue 22): headline numbers and eight charts, each with its table, export and drill-down,
 * computed on this computer from the replica (shared/rules/dashboards/sales-metrics.ts), so it works offline.
 * `data-ready` turns true once the numbers are on screen (B8 measures up to it). The headline numbers follow an
 * edit at once; the charts follow in a deferred render, each card only if its data changed, and on opening they
 * are drawn one after another (draw-queue.ts).
 */
export function SalesDashboard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const data = useSalesDashboard(filters);
  const { inputRef, metrics, chartMetrics, sources, activityBoard, activities, campaigns } = data;

  const campaignRows = useMemo((): CampaignRow[] => {
    if (!sources) return [];
    const byId = new Map(campaigns.map((c) => [c.id, c.value]));
    return sources.campaigns.flatMap((numbers) => {
      const value = byId.get(numbers.campaignId);
      if (!value) return [];
      const runs =
        value.startDate <= filters.end && (value.endDate === '' || value.endDate >= filters.start);
      return runs || numbers.leads > 0 || numbers.wonDeals > 0
        ? [{ ...numbers, name: value.name }]
        : [];
    });
  }, [sources, campaigns, filters]);

  if (!metrics || !chartMetrics)
    return (
      <Stack align="center" py="xl" data-testid="dashboard-sales" data-ready="false">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('dashboards.sales.loading')}
        </Text>
      </Stack>
    );

  return (
    <Stack gap="md" data-testid="dashboard-sales" data-ready="true">
      <SalesStats metrics={metrics} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Funnel funnels={chartMetrics.funnels} input={inputRef} />
        <Forecast
          total={chartMetrics.forecast.total}
          owners={chartMetrics.forecast.byOwner}
          input={inputRef}
        />
        <PipelineStage
          buckets={chartMetrics.pipelineByStage}
          input={inputRef}
          showPipeline={chartMetrics.funnels.length > 1}
        />
        <OwnerAmount kind="open" owners={chartMetrics.pipelineByOwner} input={inputRef} />
        <OwnerAmount kind="won" owners={chartMetrics.wonByOwner} input={inputRef} />
        <ActivityLeaderboard
          owners={activityBoard ?? NONE}
          activities={activities ?? NONE}
          input={inputRef}
        />
        <LeadSource sources={sources?.sources ?? NONE} input={inputRef} />
        <Campaign campaigns={campaignRows} input={inputRef} />
      </SimpleGrid>
    </Stack>
  );
}

import { useMemo } from 'react';
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

/**
 * The sales dashboard (issue 22): headline numbers and eight charts, each with its table, export and drill-down,
 * computed on this computer from the replica (shared/rules/dashboards/sales-metrics.ts), so it works offline.
 * `data-ready` turns true once the numbers are on screen (B8 measures up to it).
 */
export function SalesDashboard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const data = useSalesDashboard(filters);
  const { input, metrics, sources, activityBoard, activities, campaigns } = data;

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

  if (!input || !metrics)
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
        <FunnelCard funnels={metrics.funnels} input={input} />
        <ForecastCard
          total={metrics.forecast.total}
          owners={metrics.forecast.byOwner}
          input={input}
        />
        <PipelineStageCard
          buckets={metrics.pipelineByStage}
          input={input}
          showPipeline={metrics.funnels.length > 1}
        />
        <OwnerAmountCard kind="open" owners={metrics.pipelineByOwner} input={input} />
        <OwnerAmountCard kind="won" owners={metrics.wonByOwner} input={input} />
        <ActivityLeaderboardCard
          owners={activityBoard ?? []}
          activities={activities ?? []}
          input={input}
        />
        <LeadSourceCard sources={sources?.sources ?? []} input={input} />
        <CampaignCard campaigns={campaignRows} input={input} />
      </SimpleGrid>
    </Stack>
  );
}

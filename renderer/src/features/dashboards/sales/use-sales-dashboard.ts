import { useMemo } from 'react';
import { ownersInScope, type DashboardFilters } from '@shared/rules/dashboards/filters';
import {
  activityLeaderboard,
  leadSourceMetrics,
  salesMetrics,
  type SalesMetricsInput,
} from '@shared/rules/dashboards/sales-metrics';
import { indexTargets } from '@shared/rules/forecast';
import { useSalesSource } from './sales-source';
import {
  useSalesActivitiesQuery,
  useSalesLeadsQuery,
  useSalesSettingsQuery,
} from './sales-queries';

/**
 * The sales dashboard's numbers for the filters: the deals from the source, the rest from the replica, every
 * number from shared/rules/dashboards/sales-metrics.ts. The metrics are recomputed (one pass) only when the
 * deals' version, the filters or the settings change; leads and activities have their own memos.
 */
export function useSalesDashboard(filters: DashboardFilters) {
  const source = useSalesSource();
  const settings = useSalesSettingsQuery(filters.start.slice(0, 4)).data;
  const leads = useSalesLeadsQuery(filters).data;
  const activities = useSalesActivitiesQuery(filters).data;

  const context = useMemo(() => {
    if (!settings) return null;
    return {
      members: settings.members,
      pipelines: new Map(settings.pipelines.map((p) => [p.id, p.value])),
      targets: indexTargets(settings.targets),
      owners: ownersInScope(filters, settings.members),
      campaigns: settings.campaigns,
    };
  }, [settings, filters]);

  const version = source?.version;
  const deals = source?.deals;
  const input = useMemo((): SalesMetricsInput | null => {
    if (!context || !deals) return null;
    return {
      deals,
      pipelines: context.pipelines,
      members: context.members,
      targets: context.targets,
      filters,
      owners: context.owners,
    };
    // `version` bumps on every change of the deals (the array may be the same one, updated in place).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [context, deals, version, filters]);

  const metrics = useMemo(() => (input ? salesMetrics(input) : null), [input]);
  const sources = useMemo(
    () =>
      metrics && leads && context
        ? leadSourceMetrics(leads, metrics.wonDeals, context.campaigns, filters, context.owners)
        : null,
    [metrics, leads, context, filters],
  );
  const activityBoard = useMemo(
    () =>
      activities && context
        ? activityLeaderboard(activities, context.members, filters, context.owners)
        : null,
    [activities, context, filters],
  );

  return {
    input,
    metrics,
    sources,
    activityBoard,
    activities: activities ?? null,
    campaigns: context?.campaigns ?? [],
  };
}

export type SalesDashboardData = ReturnType<typeof useSalesDashboard>;

import { useDeferredValue, useMemo, useRef } from 'react';
import { ownersInScope, type DashboardFilters } from '@shared/rules/dashboards/filters';
import {
  activityLeaderboard,
  leadSourceMetrics,
  SalesAggregate,
  type SalesAggregateContext,
  type SalesMetricsInput,
} from '@shared/rules/dashboards/sales-metrics';
import { indexTargets } from '@shared/rules/forecast';
import type {
  SalesDealSource,
  SalesDealsView,
} from '../../../data/services/dashboards/sales-deal-source';
import { useSalesSource } from './sales-source';
import {
  useSalesActivitiesQuery,
  useSalesLeadsQuery,
  useSalesSettingsQuery,
} from './sales-queries';

/** The latest metrics input, read by the cards only when someone drills in. */
export type SalesInputRef = { readonly current: SalesMetricsInput };

interface HeldAggregate {
  context: SalesAggregateContext;
  version: number;
  aggregate: SalesAggregate;
}

/**
 * The running sums for `context` at `view`: the held ones moved forward by the deals that changed since (the
 * usual case: one edit, constant work), or counted afresh from every deal (first render, new filters or
 * settings, or a view too far behind). A cache kept in a ref: replaying the same version twice is a no-op.
 */
function aggregateAt(
  held: { current: HeldAggregate | null },
  context: SalesAggregateContext,
  view: SalesDealsView,
  source: SalesDealSource | null,
): SalesAggregate {
  const previous = held.current;
  if (previous?.context === context && source?.getView() === view) {
    const edits = source.changesSince(previous.version);
    if (edits) {
      for (const { before, after } of edits) previous.aggregate.replace(before, after);
      previous.version = view.version;
      return previous.aggregate;
    }
  }
  const aggregate = new SalesAggregate(context);
  for (const deal of view.deals) aggregate.add(deal);
  held.current = { context, version: view.version, aggregate };
  return aggregate;
}

/**
 * The sales dashboard's numbers for the filters: the deals from the source, the rest from the replica, every
 * number from shared/rules/dashboards/sales-metrics.ts. The deal numbers are running sums moved by each edited
 * deal; leads and activities have their own memos.
 */
export function useSalesDashboard(filters: DashboardFilters) {
  const { view, source } = useSalesSource();
  const settings = useSalesSettingsQuery(filters.start.slice(0, 4)).data;
  const leads = useSalesLeadsQuery(filters).data;
  const activities = useSalesActivitiesQuery(filters).data;

  const context = useMemo((): SalesAggregateContext | null => {
    if (!settings) return null;
    return {
      members: settings.members,
      pipelines: new Map(settings.pipelines.map((p) => [p.id, p.value])),
      targets: indexTargets(settings.targets),
      owners: ownersInScope(filters, settings.members),
      filters,
    };
  }, [settings, filters]);

  const held = useRef<HeldAggregate | null>(null);
  const metrics = useMemo(
    () => (context && view ? aggregateAt(held, context, view, source).metrics() : null),
    [context, view, source],
  );
  const input = useMemo(
    (): SalesMetricsInput | null => (context && view ? { ...context, deals: view.deals } : null),
    [context, view],
  );
  const inputRef = useRef<SalesMetricsInput | null>(input);
  inputRef.current = input;

  // The headline numbers follow an edit in the same frame; the charts (and what only they need) follow in a
  // deferred render React can interrupt, so redrawing them never holds the new numbers back.
  const chartMetrics = useDeferredValue(metrics);
  const sources = useMemo(
    () =>
      chartMetrics && leads && settings && context
        ? leadSourceMetrics(
            leads,
            chartMetrics.wonDeals,
            settings.campaigns,
            filters,
            context.owners,
          )
        : null,
    [chartMetrics, leads, settings, context, filters],
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
    inputRef: inputRef as SalesInputRef,
    metrics,
    chartMetrics,
    sources,
    activityBoard,
    activities: activities ?? null,
    campaigns: settings?.campaigns ?? [],
  };
}

export type SalesDashboardData = ReturnType<typeof useSalesDashboard>;

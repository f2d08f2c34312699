import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ownersInScope, type DashboardFilters } from '@shared/rules/dashboards/filters';
import {
  activityLeaderboardOf,
  leadSourceMetrics,
  type SalesAggregateContext,
  type SalesMetricsInput,
} from '@shared/rules/dashboards/sales-metrics';
import { indexTargets } from '@shared/rules/forecast';
import type { SalesDealsView } from '../../../data/services/dashboards/sales-deal-source';
import {
  aggregateAt,
  COUNT_IN_RENDER,
  countInSlices,
  type HeldAggregate,
} from './sales-aggregate-cache';
import { useSalesSource } from './sales-source';
import {
  useSalesActivitiesQuery,
  useSalesLeadsQuery,
  useSalesSettingsQuery,
} from './sales-queries';

/** The latest metrics input, read by the cards only when someone drills in. */
export type SalesInputRef = { readonly current: SalesMetricsInput };

/**
 * Counts a large replica's deals for a new `context` in slices between renders (on set L, 100k deals in one render
 * held the page for well over a frame), then fills `held` and renders again; aggregateAt moves the result forward by
 * whatever changed meanwhile.
 */
function useSlicedRecount(
  held: { current: HeldAggregate | null },
  context: SalesAggregateContext | null,
  view: SalesDealsView | undefined,
): number {
  const [counted, setCounted] = useState(0);
  const viewRef = useRef(view);
  viewRef.current = view;
  const large = view !== undefined && view.deals.length > COUNT_IN_RENDER;
  useEffect(() => {
    const start = viewRef.current;
    if (!context || !start || !large || held.current?.context === context) return;
    let cancelled = false;
    void countInSlices(context, start.deals, () => cancelled).then((aggregate) => {
      if (!aggregate) return;
      held.current = { context, version: start.version, aggregate };
      setCounted((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [held, context, large]);
  return counted;
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
  const counted = useSlicedRecount(held, context, view);
  const metrics = useMemo(
    () => (context && view ? (aggregateAt(held, context, view, source)?.metrics() ?? null) : null),
    // `counted`: a sliced recount filled `held`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [context, view, source, counted],
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
        ? activityLeaderboardOf(activities.counts, context.members, context.owners)
        : null,
    [activities, context],
  );

  return {
    input,
    inputRef: inputRef as SalesInputRef,
    metrics,
    chartMetrics,
    sources,
    activityBoard,
    activities: activities?.activities ?? null,
    campaigns: settings?.campaigns ?? [],
  };
}

export type SalesDashboardData = ReturnType<typeof useSalesDashboard>;

import { useCallback, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { Member } from '@shared/domain';
import {
  dashboardPeriod,
  filtersFromSearch,
  filtersToSearch,
  type DashboardFilters,
} from '@shared/rules/dashboards/filters';
import { todayString } from '../../components/format';
import { memberKeys } from '../../entities/members/queries';
import { useRepositories } from '../../hooks/use-workspace';

/**
 * The dashboards' filters, kept in the URL's search params so a link reproduces the view. Changing the period
 * kind recomputes its days (a custom range starts from the days shown); changing the team clears the owner.
 */
export function useDashboardFilters(): [
  DashboardFilters,
  (patch: Partial<DashboardFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const today = todayString();
  const filters = useMemo(() => filtersFromSearch(params, today), [params, today]);
  // The last change sent to the URL, and the params it was made from: two changes before the router renders
  // (typing the end date, then the start date) build on each other instead of the second undoing the first.
  const sent = useRef<{ from: string; filters: DashboardFilters } | null>(null);
  const update = useCallback(
    (patch: Partial<DashboardFilters>) => {
      const current = params.toString();
      const base = sent.current?.from === current ? sent.current.filters : filters;
      const next: DashboardFilters = { ...base, ...patch };
      if (patch.teamId !== undefined && patch.teamId !== base.teamId && patch.ownerId === undefined)
        next.ownerId = '';
      if (patch.periodKind && patch.periodKind !== 'custom' && patch.start === undefined)
        Object.assign(next, dashboardPeriod(patch.periodKind, today));
      else if (next.periodKind === 'custom')
        Object.assign(next, dashboardPeriod('custom', today, { start: next.start, end: next.end }));
      sent.current = { from: current, filters: next };
      setParams(filtersToSearch(next), { replace: true });
    },
    [filters, params, setParams, today],
  );
  return [filters, update];
}

/**
 * The workspace's users and teams (from the replica), for the filter bar and for metric modules' scope helpers
 * (`ownersInScope`, `dashboardScope`). Shares its cache entry with `useMemberNames`.
 */
export function useDashboardMembers(): readonly Member[] {
  const repos = useRepositories();
  const { data } = useQuery({
    queryKey: memberKeys.names(),
    queryFn: async () => [...(await repos.members.users()), ...(await repos.members.teams())],
  });
  return data ?? NO_MEMBERS;
}

const NO_MEMBERS: readonly Member[] = [];

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SLA_DONE_STATUSES, effectiveSlaPolicies } from '@shared/rules';
import { TICKET_STATUSES } from '@shared/domain';
import { ownersInScope, type DashboardFilters } from '@shared/rules/dashboards/filters';
import { serviceMetrics, type ServiceMetrics } from '@shared/rules/dashboards/service-metrics';
import type { Repositories } from '../../../data/repositories';
import { calendarOf } from '../../../data/repositories/sla-settings';
import { useRepositories } from '../../../hooks/use-workspace';

type ServiceRepos = Pick<
  Repositories,
  'tickets' | 'activities' | 'accounts' | 'members' | 'settings'
>;

const DAY_MS = 86_400_000;
const END_OF_TIME = Number.MAX_SAFE_INTEGER;
/** Midnight in Beijing (UTC+8, the business day of the metrics) starting a 'YYYY-MM-DD' day, epoch ms. */
const startOfBusinessDay = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);

const OPEN_STATUSES = TICKET_STATUSES.filter((s) => !SLA_DONE_STATUSES.includes(s));

/**
 * Reads what the service numbers need from the replica by index (never a whole collection: 50k tickets and 500k
 * activities on set L) and lets the shared rule count (shared/rules/dashboards/service-metrics.ts):
 * - tickets changed since the period began (`[deleted, updatedAt]`): a ticket created, answered or resolved in
 *   the period was updated in it or later;
 * - the open tickets, whatever their age (`[deleted, status, updatedAt]`, one range per open status);
 * - the period's `nps` activities (`[deleted, type, occurredAt]`);
 * - the tier of each ticket's account (the SLA policy), the team tree (the team filter) and the SLA settings.
 */
export async function loadServiceMetrics(
  repos: ServiceRepos,
  filters: DashboardFilters,
  now: number,
): Promise<ServiceMetrics> {
  const from = startOfBusinessDay(filters.start);
  const to = startOfBusinessDay(filters.end) + DAY_MS - 1;
  const [users, teams, calendarValue, stored, changed, open, npsAnswers] = await Promise.all([
    repos.members.users(),
    repos.members.teams(),
    repos.settings.workingCalendar(),
    repos.settings.slaPolicies(),
    repos.tickets.readIndexRange(
      {
        index: ['deleted', 'updatedAt'],
        equal: [false],
        range: { lower: from, upper: END_OF_TIME },
      },
      { deleted: false, updatedAt: { $gte: from } },
    ),
    repos.tickets.readIndexRanges(
      OPEN_STATUSES.map((status) => ({
        scan: {
          index: ['deleted', 'status', 'updatedAt'],
          equal: [false, status],
          range: { lower: 0, upper: END_OF_TIME },
        },
        selector: { deleted: false, status },
      })),
    ),
    repos.activities.readIndexRange(
      {
        index: ['deleted', 'type', 'occurredAt'],
        equal: [false, 'nps'],
        range: { lower: from, upper: to },
      },
      { deleted: false, type: 'nps', occurredAt: { $gte: from, $lte: to } },
    ),
  ]);
  const tickets = [...changed, ...open.flat()];
  const accountIds = [...new Set(tickets.map((t) => t.accountId).filter(Boolean))];
  const accounts = await repos.accounts.getMany(accountIds);
  const tiers = new Map<string, string>();
  for (const [id, account] of accounts) tiers.set(id, account.tier);
  return serviceMetrics({
    tickets,
    npsAnswers,
    period: { start: filters.start, end: filters.end },
    agents: ownersInScope(filters, [...users, ...teams]),
    policies: effectiveSlaPolicies(stored),
    tiers,
    calendar: calendarOf(calendarValue),
    now,
  });
}

/**
 * The service numbers for the filters, live: the key starts with 'tickets' and names the other collections it
 * reads, so any of their changes recomputes it (app/live-invalidation.ts).
 */
export function useServiceMetrics(filters: DashboardFilters) {
  const repos = useRepositories();
  return useQuery({
    queryKey: [
      'tickets',
      'serviceDashboard',
      filters.start,
      filters.end,
      filters.teamId,
      filters.ownerId,
    ],
    queryFn: () => loadServiceMetrics(repos, filters, Date.now()),
    meta: { collections: ['activities', 'accounts', 'members', 'settings'] },
    placeholderData: keepPreviousData,
  });
}

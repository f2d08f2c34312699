import { useQuery } from '@tanstack/react-query';
import type { DashboardFilters } from '@shared/rules/dashboards/filters';
import {
  countActivities,
  type ActivityCounts,
  type LeaderboardActivity,
} from '@shared/rules/dashboards/sales-metrics';
import { useRepositories } from '../../../hooks/use-workspace';

/**
 * What the sales dashboard reads besides the deals: settings (pipelines, the year's targets, campaigns) and
 * members, the period's leads (lead source and campaign numbers) and activities (the activities leaderboard).
 * Keys start with the collection read, so live-invalidation.ts refreshes them; all from the replica (offline).
 */
export const salesDashboardKeys = {
  settings: (year: string) => ['settings', 'dashboards', 'sales', year] as const,
  leads: (start: string, end: string) => ['leads', 'dashboards', 'sales', start, end] as const,
  activities: (start: string, end: string) =>
    ['activities', 'dashboards', 'sales', start, end] as const,
};

/** Midnight in Beijing (UTC+8, the business day) starting a 'YYYY-MM-DD' day, epoch ms. */
const startOfBusinessDay = (day: string): number => Date.parse(`${day}T00:00:00+08:00`);
const DAY_MS = 86_400_000;
/** A task counts when done; it was logged (occurredAt) before that, up to this long before the period. */
const TASK_LEAD_TIME_MS = 90 * DAY_MS;

export function useSalesSettingsQuery(year: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: salesDashboardKeys.settings(year),
    queryFn: async () => {
      const [pipelines, users, teams, targets, campaigns] = await Promise.all([
        repos.settings.pipelines(),
        repos.members.users(),
        repos.members.teams(),
        repos.settings.targets(year),
        repos.settings.campaigns(),
      ]);
      return { pipelines, members: [...teams, ...users], targets, campaigns };
    },
    meta: { collections: ['members'] },
  });
}

/** Leads changed since the period began (a lead created in the period was changed in it or later). */
export function useSalesLeadsQuery(filters: DashboardFilters) {
  const repos = useRepositories();
  return useQuery({
    queryKey: salesDashboardKeys.leads(filters.start, filters.end),
    queryFn: async () => {
      const from = startOfBusinessDay(filters.start);
      const leads = await repos.leads.readIndexRange(
        {
          index: ['deleted', 'updatedAt'],
          equal: [false],
          range: { lower: from, upper: Number.MAX_SAFE_INTEGER },
        },
        { deleted: false, updatedAt: { $gte: from } },
      );
      return leads.map((l) => ({
        id: l.id,
        ownerId: l.ownerId,
        source: l.source,
        campaignId: l.campaignId,
        qualification: l.qualification,
        createdAt: l.createdAt,
        deleted: l.deleted,
        mergedIntoId: l.mergedIntoId,
      }));
    },
  });
}

/** Activities counted between two yields to the page (set L's whole period holds 500k). */
const COUNT_SLICE = 20_000;

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The period's activities (by the `[deleted, occurredAt]` index), slimmed to what the leaderboard reads, and the
 * leaderboard's counts per owner, counted here in slices: counting a large period in a render held the page.
 */
export function useSalesActivitiesQuery(filters: DashboardFilters) {
  const repos = useRepositories();
  return useQuery({
    queryKey: salesDashboardKeys.activities(filters.start, filters.end),
    queryFn: async (): Promise<{ activities: LeaderboardActivity[]; counts: ActivityCounts }> => {
      const from = startOfBusinessDay(filters.start) - TASK_LEAD_TIME_MS;
      const to = startOfBusinessDay(filters.end) + DAY_MS - 1;
      const read = await repos.activities.readIndexRange(
        { index: ['deleted', 'occurredAt'], equal: [false], range: { lower: from, upper: to } },
        { deleted: false, occurredAt: { $gte: from, $lte: to } },
      );
      const activities = read.map((a): LeaderboardActivity => ({
        id: a.id,
        ownerId: a.ownerId,
        type: a.type,
        occurredAt: a.occurredAt,
        done: a.done,
        doneAt: a.doneAt,
        deleted: a.deleted,
      }));
      const counts: ActivityCounts = new Map();
      for (let at = 0; at < activities.length; at += COUNT_SLICE) {
        if (at > 0) await yieldToPage();
        countActivities(
          counts,
          activities,
          filters,
          at,
          Math.min(activities.length, at + COUNT_SLICE),
        );
      }
      return { activities, counts };
    },
  });
}

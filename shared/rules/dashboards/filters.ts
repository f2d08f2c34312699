import type { Deal, Member } from '../../domain';
import { periodOf } from '../forecast';

/**
 * What every dashboard is filtered by (issue 22): a period of whole days and, optionally, one team (with the teams
 * under it) and one owner. '' means "all the viewer may see": the replica only holds the viewer's scope, so a
 * dashboard never needs to filter by permission itself.
 */
export type DashboardPeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface DashboardFilters {
  periodKind: DashboardPeriodKind;
  /** First day of the period, 'YYYY-MM-DD' (business day, UTC+8 as campaign-metrics.ts `businessDayOf`). */
  start: string;
  /** Last day of the period, inclusive, 'YYYY-MM-DD'. */
  end: string;
  /** A team id ('' = every team the viewer sees). The team's sub-teams are included. */
  teamId: string;
  /** A member id ('' = everyone in the chosen team). */
  ownerId: string;
}

/**
 * The slice of a deal the sales dashboard reads (issue 22, B8). The dashboard's data source keeps an in-memory
 * array of these (small, so 100k of them recompute in a few ms) and updates it from the change stream.
 */
export type SalesDeal = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'ownerId'
  | 'teamId'
  | 'accountId'
  | 'pipelineId'
  | 'stage'
  | 'status'
  | 'amount'
  | 'probability'
  | 'closeDate'
  | 'createdAt'
  | 'updatedAt'
  | 'source'
  | 'campaignId'
  | 'forecastCategory'
  | 'deleted'
>;

/** The fields of `SalesDeal`, for projecting a stored deal onto it (query `fields`, snapshot writers). */
export const SALES_DEAL_FIELDS = [
  'id',
  'name',
  'ownerId',
  'teamId',
  'accountId',
  'pipelineId',
  'stage',
  'status',
  'amount',
  'probability',
  'closeDate',
  'createdAt',
  'updatedAt',
  'source',
  'campaignId',
  'forecastCategory',
  'deleted',
] as const satisfies readonly (keyof SalesDeal)[];

/** A deal projected onto `SalesDeal` (drops everything else: line items, quotes, notes). */
export function toSalesDeal(deal: Deal): SalesDeal {
  const slim = {} as Record<string, unknown>;
  for (const field of SALES_DEAL_FIELDS) slim[field] = deal[field];
  return slim as SalesDeal;
}

// ---------- periods ----------

export const DASHBOARD_PERIOD_KINDS = [
  'month',
  'quarter',
  'year',
  'custom',
] as const satisfies readonly DashboardPeriodKind[];

/** A period of whole days, both ends inclusive ('YYYY-MM-DD'). */
export interface DashboardDayRange {
  start: string;
  end: string;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a text is a calendar day 'YYYY-MM-DD' that exists (no 2026-02-30). */
export function isDashboardDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The days a period covers: this month / quarter / year around `today`, or the custom range (its ends swapped
 * when given backwards). A custom range with a missing or invalid end falls back to the month around `today`.
 */
export function dashboardPeriod(
  kind: DashboardPeriodKind,
  today: string,
  custom?: Partial<DashboardDayRange>,
): DashboardDayRange {
  if (kind === 'custom') {
    const start = custom?.start ?? '';
    const end = custom?.end ?? '';
    if (isDashboardDay(start) && isDashboardDay(end))
      return start <= end ? { start, end } : { start: end, end: start };
    return dashboardPeriod('month', today);
  }
  const { start, end } = periodOf(kind, today);
  return { start, end };
}

/** Whether a day ('YYYY-MM-DD') falls in the filters' period; an empty day falls in none. */
export function inDashboardPeriod(
  filters: Pick<DashboardFilters, 'start' | 'end'>,
  day: string,
): boolean {
  return day !== '' && day >= filters.start && day <= filters.end;
}

/** The period's length in days (both ends counted). */
export function dashboardPeriodDays(filters: Pick<DashboardFilters, 'start' | 'end'>): number {
  const ms = Date.parse(`${filters.end}T00:00:00Z`) - Date.parse(`${filters.start}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

// ---------- team and owner ----------

/** The slice of a member (user or team) the scope helpers read. */
export type ScopeMember = Pick<Member, 'id' | 'kind' | 'parentTeamId' | 'teamIds'>;

/**
 * A team and every team under it (the member tree, `parentTeamId`). `''` = every team in `members`. A team id
 * that is not in `members` still counts itself (the replica may hold records of a team it does not list).
 */
export function teamAndBelow(teamId: string, members: readonly ScopeMember[]): Set<string> {
  const teams = members.filter((m) => m.kind === 'team');
  if (teamId === '') return new Set(teams.map((t) => t.id));
  const children = new Map<string, string[]>();
  for (const team of teams) {
    const list = children.get(team.parentTeamId) ?? [];
    list.push(team.id);
    children.set(team.parentTeamId, list);
  }
  const result = new Set<string>();
  const queue = [teamId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (result.has(id)) continue; // a cycle in bad data never loops
    result.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

/**
 * Who counts for the filters' team and owner: `null` = everyone (no team, no owner chosen); the chosen owner;
 * else the users belonging to the team or a team below it (by `teamIds`, inactive users included: their past
 * records still count).
 */
export function ownersInScope(
  filters: Pick<DashboardFilters, 'teamId' | 'ownerId'>,
  members: readonly ScopeMember[],
): ReadonlySet<string> | null {
  if (filters.ownerId !== '') return new Set([filters.ownerId]);
  if (filters.teamId === '') return null;
  const teams = teamAndBelow(filters.teamId, members);
  return new Set(
    members
      .filter((m) => m.kind === 'user' && m.teamIds.some((t) => teams.has(t)))
      .map((m) => m.id),
  );
}

/** The team/owner part of the filters resolved once per render, for `inDashboardScope` over many records. */
export interface DashboardScope {
  /** The chosen owner, or '' (any owner). */
  ownerId: string;
  /** The chosen team and the teams below it; null = any team. */
  teams: ReadonlySet<string> | null;
}

export function dashboardScope(
  filters: Pick<DashboardFilters, 'teamId' | 'ownerId'>,
  members: readonly ScopeMember[],
): DashboardScope {
  return {
    ownerId: filters.ownerId,
    teams: filters.teamId === '' ? null : teamAndBelow(filters.teamId, members),
  };
}

/**
 * Whether a record counts for the team/owner filter. A record belongs to its own team (the team follows its
 * owner, record-ownership.ts), so a team filter reads the record's `teamId`; an owner filter reads `ownerId`.
 */
export function inDashboardScope(
  scope: DashboardScope,
  record: { ownerId: string; teamId: string },
): boolean {
  if (scope.ownerId !== '' && record.ownerId !== scope.ownerId) return false;
  return scope.teams === null || scope.teams.has(record.teamId);
}

// ---------- URL search params ----------

/** Reads a search param (URLSearchParams or anything with `get`). */
export interface SearchParamsLike {
  get(name: string): string | null;
}

/** The default view: this quarter, every team, every owner. */
export const DEFAULT_DASHBOARD_PERIOD: DashboardPeriodKind = 'quarter';

/**
 * The filters a link carries (`?period=quarter&start=…&end=…&team=…&owner=…`). Anything missing or invalid
 * falls back to the default (this quarter, everyone), so a mistyped link still opens a dashboard.
 */
export function filtersFromSearch(params: SearchParamsLike, today: string): DashboardFilters {
  const raw = params.get('period') ?? '';
  const periodKind = (DASHBOARD_PERIOD_KINDS as readonly string[]).includes(raw)
    ? (raw as DashboardPeriodKind)
    : DEFAULT_DASHBOARD_PERIOD;
  const custom = { start: params.get('start') ?? '', end: params.get('end') ?? '' };
  const customValid = isDashboardDay(custom.start) && isDashboardDay(custom.end);
  const kind = periodKind === 'custom' && !customValid ? DEFAULT_DASHBOARD_PERIOD : periodKind;
  const { start, end } = dashboardPeriod(kind, today, custom);
  const id = (name: string) => (params.get(name) ?? '').trim().slice(0, 64);
  return { periodKind: kind, start, end, teamId: id('team'), ownerId: id('owner') };
}

/** The search params of filters: only what differs from the default (custom ranges carry their days). */
export function filtersToSearch(filters: DashboardFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.periodKind !== DEFAULT_DASHBOARD_PERIOD) params.period = filters.periodKind;
  if (filters.periodKind === 'custom') {
    params.start = filters.start;
    params.end = filters.end;
  }
  if (filters.teamId) params.team = filters.teamId;
  if (filters.ownerId) params.owner = filters.ownerId;
  return params;
}

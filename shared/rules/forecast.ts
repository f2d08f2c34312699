import { DEFAULT_PIPELINE_ID } from '../domain/defaults';
import type { Deal, PipelineValue } from '../domain/entities';
import type { FORECAST_CATEGORIES } from '../domain/lists';

/**
 * Targets and the weighted forecast (issue 20, "Targets and forecast"; issue 22 charts the same numbers).
 *
 * Money is summed in integer fen and returned in yuan (as deal-math.ts), so a team of a thousand deals adds up
 * to what finance sees. Everything here is pure: periods, targets, one deal's contribution to a period
 * (`dealContribution`, so a dashboard can keep sums incrementally: add the new contribution, subtract the old)
 * and the team → person → deal rollup (`forecastTree`).
 */

export type PeriodKind = 'month' | 'quarter' | 'year';

/** A forecast period: its key as targets store it ('YYYY', 'YYYY-Qn', 'YYYY-MM') and its first and last day. */
export interface Period {
  kind: PeriodKind;
  key: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    key: `${year}-${pad(month)}`,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}`,
  };
}

function quarterPeriod(year: number, quarter: number): Period {
  const last = quarter * 3;
  return {
    kind: 'quarter',
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(last - 2)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
  };
}

function yearPeriod(year: number): Period {
  return { kind: 'year', key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The month, quarter or year containing `date` ('YYYY-MM-DD'). */
export function periodOf(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return yearPeriod(year);
  if (kind === 'quarter') return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
  return monthPeriod(year, month);
}

/** A period from its key ('2026', '2026-Q4', '2026-11'); null when the key is not one. */
export function parsePeriod(key: string): Period | null {
  const match = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return quarterPeriod(year, Number(match[2]));
  if (match[3]) {
    const month = Number(match[3]);
    return month >= 1 && month <= 12 ? monthPeriod(year, month) : null;
  }
  return yearPeriod(year);
}

/** The period `steps` periods after (negative: before) `period`, of the same kind. */
export function shiftPeriod(period: Period, steps: number): Period {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  if (period.kind === 'year') return yearPeriod(year + steps);
  const span = period.kind === 'quarter' ? 3 : 1;
  const index = year * 12 + (month - 1) + steps * span;
  const next = monthPeriod(Math.floor(index / 12), (index % 12) + 1);
  return period.kind === 'quarter' ? periodOf('quarter', next.start) : next;
}

/** The periods one level down: a year's quarters, a quarter's months; none for a month. */
export function subPeriods(period: Period): Period[] {
  const year = Number(period.start.slice(0, 4));
  if (period.kind === 'year') return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
  if (period.kind === 'quarter') {
    const first = Number(period.start.slice(5, 7));
    return [0, 1, 2].map((i) => monthPeriod(year, first + i));
  }
  return [];
}

/** Whether a date falls in the period (an empty date falls in none). */
export function inPeriod(period: Period, date: string): boolean {
  return date !== '' && date >= period.start && date <= period.end;
}

// ---------- targets ----------

/** A target as the `target` settings kind stores it (shared/domain targetValueSchema). */
export interface TargetValue {
  period: string;
  memberId: string;
  amount: number;
}

/**
 * One target per member and period: the settings key, and the record id derived from it, so two managers
 * setting the same target on two laptops edit one record (merged by the later edit) instead of adding two.
 */
export function targetSettingKey(memberId: string, period: string): string {
  return `${period}:${memberId}`;
}

/** The settings record id of a target (ids are ≤ 64 characters: long member ids are hashed). */
export function targetRecordId(memberId: string, period: string): string {
  const id = `target:${targetSettingKey(memberId, period)}`;
  if (id.length <= 64) return id;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `target:${period}:${memberId.slice(0, 40)}~${hash.toString(36)}`;
}

/** Targets by member and period key (the newest record wins when a key was stored twice; callers sort). */
export type TargetIndex = ReadonlyMap<string, number>;

export function indexTargets(targets: Iterable<TargetValue>): TargetIndex {
  const out = new Map<string, number>();
  for (const t of targets) out.set(targetSettingKey(t.memberId, t.period), t.amount);
  return out;
}

/** Where a target comes from: set for the period, the sum of its months or quarters, or of a team's members. */
export type TargetSource = 'set' | 'subPeriods' | 'members';

export interface ResolvedTarget {
  amount: number;
  source: TargetSource;
}

/**
 * A member's own target for a period: the target set for that period; else, for a quarter, the sum of its
 * months' targets (a year: of its quarters, each resolved the same way) when at least one is set; else null.
 * A set quarter target always wins over its months (a manager's quarter call is the plan; months are detail).
 */
export function ownTarget(
  targets: TargetIndex,
  memberId: string,
  period: Period,
): ResolvedTarget | null {
  const set = targets.get(targetSettingKey(memberId, period.key));
  if (set !== undefined) return { amount: set, source: 'set' };
  let fen = 0;
  let found = false;
  for (const sub of subPeriods(period)) {
    const resolved = ownTarget(targets, memberId, sub);
    if (resolved) {
      found = true;
      fen += toFen(resolved.amount);
    }
  }
  return found ? { amount: fen / 100, source: 'subPeriods' } : null;
}

// ---------- one deal in a period ----------

export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** The deal's category: '' (never set) counts as pipeline. */
export function forecastCategoryOf(deal: Pick<Deal, 'forecastCategory'>): ForecastCategory {
  return deal.forecastCategory === '' ? 'pipeline' : deal.forecastCategory;
}

/** The workspace's pipelines by id (settings key); a deal's missing pipeline falls back to the default one. */
export type PipelinesById = ReadonlyMap<string, PipelineValue>;

export type ForecastDeal = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'ownerId'
  | 'pipelineId'
  | 'stage'
  | 'status'
  | 'amount'
  | 'probability'
  | 'closeDate'
  | 'forecastCategory'
>;

/**
 * The probability of the deal's stage in its OWN pipeline (its pipelineId, else the default pipeline — the
 * order the stage gate uses). A deal whose stage was deleted from its pipeline keeps the probability it carries
 * (set when it entered that stage), so it is neither dropped nor counted in full; `stageFound` says which.
 */
export function stageProbability(
  deal: Pick<ForecastDeal, 'pipelineId' | 'stage' | 'probability'>,
  pipelines: PipelinesById,
): { probability: number; stageFound: boolean } {
  const pipeline = pipelines.get(deal.pipelineId) ?? pipelines.get(DEFAULT_PIPELINE_ID);
  const stage = pipeline?.stages.find((s) => s.id === deal.stage);
  return stage
    ? { probability: stage.probability, stageFound: true }
    : { probability: deal.probability, stageFound: false };
}

/** Forecast sums in fen (add and subtract freely; `numbersInYuan` turns them into what people read). */
export interface ForecastFen {
  /** Closed won in the period (by closeDate), whatever the category. */
  won: number;
  /** Open deals called commit. */
  commit: number;
  /** Open deals called commit or best case. */
  bestCase: number;
  /** Every open deal not omitted (commit + best case + pipeline). */
  pipeline: number;
  /** Σ amount × stage probability over the open deals not omitted. */
  weighted: number;
  /** Open deals the rep left out of the forecast. */
  omitted: number;
  /** Deals counted (open or won in the period). */
  deals: number;
}

export const EMPTY_FORECAST: ForecastFen = Object.freeze({
  won: 0,
  commit: 0,
  bestCase: 0,
  pipeline: 0,
  weighted: 0,
  omitted: 0,
  deals: 0,
});

function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * A deal's weighted amount in fen: open, amount × its stage's probability (not the one the deal carries), the
 * forecast's weighted column; won in full and lost nothing, as the deal page shows. Both pages call this.
 */
export function dealWeightedFen(
  deal: Pick<ForecastDeal, 'pipelineId' | 'stage' | 'probability' | 'status' | 'amount'>,
  pipelines: PipelinesById,
): number {
  const fen = toFen(deal.amount);
  if (deal.status === 'won') return fen;
  if (deal.status !== 'open') return 0;
  return Math.round((fen * stageProbability(deal, pipelines).probability) / 100);
}

/**
 * What one deal adds to a period's forecast: nothing unless its closeDate is in the period and it is open or won
 * (lost deals count nowhere). Moving a deal's closeDate moves its whole contribution to the other period.
 */
export function dealContribution(
  deal: ForecastDeal,
  period: Period,
  pipelines: PipelinesById,
): ForecastFen {
  if (!inPeriod(period, deal.closeDate)) return EMPTY_FORECAST;
  const fen = toFen(deal.amount);
  if (deal.status === 'won') return { ...EMPTY_FORECAST, won: fen, deals: 1 };
  if (deal.status !== 'open') return EMPTY_FORECAST;
  const category = forecastCategoryOf(deal);
  if (category === 'omitted') return { ...EMPTY_FORECAST, omitted: fen, deals: 1 };
  return {
    won: 0,
    commit: category === 'commit' ? fen : 0,
    bestCase: category === 'commit' || category === 'bestCase' ? fen : 0,
    pipeline: fen,
    weighted: dealWeightedFen(deal, pipelines),
    omitted: 0,
    deals: 1,
  };
}

/** a + sign × b, field by field (sign −1 takes a deal's old contribution out of a running sum). */
export function addForecast(a: ForecastFen, b: ForecastFen, sign: 1 | -1 = 1): ForecastFen {
  return {
    won: a.won + sign * b.won,
    commit: a.commit + sign * b.commit,
    bestCase: a.bestCase + sign * b.bestCase,
    pipeline: a.pipeline + sign * b.pipeline,
    weighted: a.weighted + sign * b.weighted,
    omitted: a.omitted + sign * b.omitted,
    deals: a.deals + sign * b.deals,
  };
}

/** The forecast of some deals in a period. */
export function forecastOf(
  deals: Iterable<ForecastDeal>,
  period: Period,
  pipelines: PipelinesById,
): ForecastFen {
  let sum = EMPTY_FORECAST;
  for (const deal of deals) sum = addForecast(sum, dealContribution(deal, period, pipelines));
  return sum;
}

/** A forecast row as people read it: yuan, with the target, the gap and attainment. */
export interface ForecastNumbers {
  won: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
  omitted: number;
  deals: number;
  /** null: no target for the period. */
  target: number | null;
  /** What the target still needs beyond won and committed: target − won − commit (negative: over); null without a target. */
  gap: number | null;
  /** won / target (0.5 = 50 %); null without a target or with a target of 0. */
  attainment: number | null;
}

export function forecastNumbers(sum: ForecastFen, target: number | null): ForecastNumbers {
  const targetFen = target === null ? null : toFen(target);
  return {
    won: sum.won / 100,
    commit: sum.commit / 100,
    bestCase: sum.bestCase / 100,
    pipeline: sum.pipeline / 100,
    weighted: sum.weighted / 100,
    omitted: sum.omitted / 100,
    deals: sum.deals,
    target,
    gap: targetFen === null ? null : (targetFen - sum.won - sum.commit) / 100,
    attainment: targetFen === null || targetFen === 0 ? null : sum.won / targetFen,
  };
}

// ---------- rollup: team → person → deals ----------

/** The members collection as the rollup reads it: users (teamIds) and teams (parentTeamId). */
export interface ForecastMember {
  id: string;
  kind: 'user' | 'team';
  name: string;
  teamIds: readonly string[];
  parentTeamId: string;
  active: boolean;
  deleted: boolean;
}

export interface ForecastRow {
  memberId: string;
  kind: 'user' | 'team';
  name: string;
  numbers: ForecastNumbers;
  /** Where the target came from (null: none). */
  targetSource: TargetSource | null;
  /** Teams: sub-teams first, then people. People: none. */
  children: ForecastRow[];
  /** People: their deals counted in the period (open or won), largest first. Teams: none (see the people). */
  deals: ForecastDeal[];
}

export interface ForecastInput {
  members: readonly ForecastMember[];
  /** The deals to roll up (those outside the period are ignored). */
  deals: readonly ForecastDeal[];
  targets: TargetIndex;
  pipelines: PipelinesById;
  period: Period;
}

/**
 * The forecast tree: each top-level team (no parent, or a parent not in the list) with its sub-teams and people,
 * then the people in no team. A person's deals are those they own; a team's are its people's and its
 * sub-teams' (each deal once, even when its owner is in two of those teams). A person in two teams appears under
 * each. A team with no target of its own (for the period or its sub-periods) shows the sum of its sub-teams' and
 * people's targets (source 'members'), when any has one. Inactive people appear only with deals or a target.
 */
export function forecastTree(input: ForecastInput): ForecastRow[] {
  const { members, targets, pipelines, period } = input;
  const live = members.filter((m) => !m.deleted);
  const teams = live.filter((m) => m.kind === 'team');
  const teamIds = new Set(teams.map((t) => t.id));
  const users = live.filter((m) => m.kind === 'user');

  const dealsByOwner = new Map<string, ForecastDeal[]>();
  for (const deal of input.deals) {
    if (!inPeriod(period, deal.closeDate) || (deal.status !== 'open' && deal.status !== 'won'))
      continue;
    const list = dealsByOwner.get(deal.ownerId);
    if (list) list.push(deal);
    else dealsByOwner.set(deal.ownerId, [deal]);
  }

  const personRow = (user: ForecastMember): ForecastRow | null => {
    const deals = [...(dealsByOwner.get(user.id) ?? [])].sort(
      (a, b) => b.amount - a.amount || a.name.localeCompare(b.name),
    );
    const target = ownTarget(targets, user.id, period);
    if (!user.active && deals.length === 0 && !target) return null;
    return {
      memberId: user.id,
      kind: 'user',
      name: user.name,
      numbers: forecastNumbers(forecastOf(deals, period, pipelines), target?.amount ?? null),
      targetSource: target?.source ?? null,
      children: [],
      deals,
    };
  };

  const childTeams = new Map<string, ForecastMember[]>();
  for (const team of teams) {
    const parent = teamIds.has(team.parentTeamId) ? team.parentTeamId : '';
    childTeams.set(parent, [...(childTeams.get(parent) ?? []), team]);
  }
  const byName = (a: ForecastMember, b: ForecastMember) => a.name.localeCompare(b.name);

  const teamRow = (team: ForecastMember, seen: Set<string>): ForecastRow => {
    const subTeams = (childTeams.get(team.id) ?? [])
      .filter((t) => !seen.has(t.id))
      .sort(byName)
      .map((t) => teamRow(t, new Set([...seen, t.id])));
    const people = users
      .filter((u) => u.teamIds.includes(team.id))
      .sort(byName)
      .map(personRow)
      .filter((row): row is ForecastRow => row !== null);
    const owners = new Set<string>();
    const collect = (row: ForecastRow) => {
      if (row.kind === 'user') owners.add(row.memberId);
      row.children.forEach(collect);
    };
    [...subTeams, ...people].forEach(collect);
    let sum = EMPTY_FORECAST;
    for (const owner of owners)
      sum = addForecast(sum, forecastOf(dealsByOwner.get(owner) ?? [], period, pipelines));
    const children = [...subTeams, ...people];
    let target: ResolvedTarget | null = ownTarget(targets, team.id, period);
    if (!target) {
      const withTarget = children.filter((c) => c.numbers.target !== null);
      if (withTarget.length > 0)
        target = {
          amount: withTarget.reduce((fen, c) => fen + toFen(c.numbers.target ?? 0), 0) / 100,
          source: 'members',
        };
    }
    return {
      memberId: team.id,
      kind: 'team',
      name: team.name,
      numbers: forecastNumbers(sum, target?.amount ?? null),
      targetSource: target?.source ?? null,
      children,
      deals: [],
    };
  };

  const rows = (childTeams.get('') ?? []).sort(byName).map((t) => teamRow(t, new Set([t.id])));
  const teamless = users
    .filter((u) => !u.teamIds.some((id) => teamIds.has(id)))
    .sort(byName)
    .map(personRow)
    .filter((row): row is ForecastRow => row !== null);
  return [...rows, ...teamless];
}

/** The row of one member anywhere in the tree (the drill-down), or null. */
export function findForecastRow(
  rows: readonly ForecastRow[],
  memberId: string,
): ForecastRow | null {
  for (const row of rows) {
    if (row.memberId === memberId) return row;
    const found = findForecastRow(row.children, memberId);
    if (found) return found;
  }
  return null;
}

// ---------- who sets targets ----------

/** The member a target names, as the permission rule reads it (a team, or a user and their teams). */
export interface TargetMember {
  id: string;
  kind: 'user' | 'team';
  teamIds: readonly string[];
}

/**
 * The team a target record is stored in (its `teamId`), which the scope check judges: a team's target is in that
 * team; a person's in their first team the writer may write to (`writable`; an admin passes every team), else
 * their first team. '' only for a person in no team (an admin's target then).
 */
export function targetTeamId(member: TargetMember, writable: (teamId: string) => boolean): string {
  if (member.kind === 'team') return member.id;
  return member.teamIds.find(writable) ?? member.teamIds[0] ?? '';
}

export type TargetRefusal = { reason: 'targetScope'; memberId: string };

/**
 * May a target record name this member in this team? Admins set targets for everyone. Anybody else (the scope
 * check, shared/sync checkWrite, lets only managers write targets, and only into teams of their scope) must store
 * the target in the member's own team: a team's target in that team, a person's in one of the person's teams —
 * so a manager sets targets for their teams, the teams below and their people, and nobody else's.
 */
export function targetWriteRefusal(
  writer: { role: string },
  target: { teamId: string; memberId: string },
  member: TargetMember | null,
): TargetRefusal | null {
  if (writer.role === 'admin') return null;
  const fits =
    member !== null &&
    target.teamId !== '' &&
    (member.kind === 'team' ? member.id === target.teamId : member.teamIds.includes(target.teamId));
  return fits ? null : { reason: 'targetScope', memberId: target.memberId };
}

/**
 * Whom the Targets screen lets this writer set targets for — the same answer as checkWrite + targetWriteRefusal
 * give for the record `saveTarget` writes: admins everyone; managers the teams in their scope and the people
 * with a team in it; nobody else.
 */
export function maySetTarget(
  writer: { role: string; scope: 'all' | ReadonlySet<string> },
  member: TargetMember,
): boolean {
  if (writer.role === 'admin') return true;
  if (writer.role !== 'manager') return false;
  const inScope = (teamId: string) =>
    teamId !== '' && (writer.scope === 'all' || writer.scope.has(teamId));
  return member.kind === 'team' ? inScope(member.id) : member.teamIds.some(inScope);
}

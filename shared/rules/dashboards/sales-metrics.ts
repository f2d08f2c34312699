import { DEFAULT_PIPELINE_ID } from '../../domain/defaults';
import type { Activity, PipelineValue } from '../../domain/entities';
import {
  campaignNumbers,
  sourceNumbers,
  type CampaignNumbers,
  type MetricsCampaign,
  type MetricsLead,
  type SourceNumbers,
} from '../campaign-metrics';
import {
  dealContribution,
  EMPTY_FORECAST,
  findForecastRow,
  forecastNumbers,
  forecastTree,
  ownTarget,
  parsePeriod,
  periodOf,
  type ForecastFen,
  type ForecastMember,
  type ForecastNumbers,
  type PipelinesById,
  type Period,
  type TargetIndex,
} from '../forecast';
import { customerContactAt } from '../last-activity';
import type { DashboardFilters, SalesDeal } from './filters';

/**
 * The sales dashboard's numbers (issue 22), from the slim deals of the replica. One pass over the deals
 * (`salesMetrics`), cheap enough for 100k deals after every edit; the records behind a number are found again
 * only when someone drills into it (`salesDrillIds`), with the same predicates. Money is summed in integer fen
 * and given back in yuan; a ratio with a zero denominator is null ("—").
 *
 * Rules (documented in shared/rules/README.md, "Sales dashboard"):
 * - Who counts: the owners the team/owner filter selects (`owners`, from filters.ts `ownersInScope`; null = all).
 *   A deal counts for its OWNER's current team, not the team stored on the record: a person who changed team
 *   mid-period brings the whole period's numbers to the new team (as the forecast and the targets do).
 * - Funnel: deals created in the period (business day, UTC+8), per pipeline. Deals carry only their current stage,
 *   so an open deal counts as having reached every open stage up to its own (skipped stages included), a won deal
 *   every stage and the won step, a lost deal the open stage it was lost in and those before it; a lost deal
 *   sitting in the lost stage itself (where it was lost is unknown) and a deal whose stage was deleted count in
 *   the first stage only.
 * - Won / lost / win rate / average deal / cycle: deals with status won (lost) and closeDate in the period. A
 *   reopened deal is what it is now (open): it leaves won until it is won again, with its new close date.
 * - Pipeline (by stage, by owner): every open deal in scope today, whatever its close date.
 * - Forecast: forecast.ts `dealContribution` for the period; target = `ownTarget` of the owner, the team's (or
 *   its people's, as the forecast rollup does), or every top-level team's; a custom range has a target only when
 *   it is exactly one month, quarter or year.
 */

/** Yuan → integer fen (as forecast.ts and campaign-metrics.ts). */
const toFen = (yuan: number): number => Math.round(yuan * 100);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const DAY_MS = 86_400_000;
const BUSINESS_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' (NaN for ''). */
function dayNumber(date: string): number {
  if (date.length !== 10) return Number.NaN;
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    DAY_MS
  );
}

/** The business day (UTC+8) of an epoch ms, as a day number. */
const businessDayNumber = (epochMs: number): number =>
  Math.floor((epochMs + BUSINESS_OFFSET_MS) / DAY_MS);

export interface SalesMetricsInput {
  deals: readonly SalesDeal[];
  pipelines: PipelinesById;
  /** Users and teams (forecast.ts `ForecastMember`): owner names and the targets' rollup. */
  members: readonly ForecastMember[];
  targets: TargetIndex;
  filters: DashboardFilters;
  /** The owners in scope (filters.ts `ownersInScope`); null = every owner. */
  owners: ReadonlySet<string> | null;
}

export interface FunnelStep {
  stageId: string;
  /** The stage's name as stored (a label key for built-in stages). */
  stageName: string;
  outcome: 'open' | 'won';
  /** Deals of the cohort that reached this stage. */
  reached: number;
  /** reached / the previous step's reached; null for the first step or an empty previous one. */
  fromPrevious: number | null;
  /** reached / the first step's reached; null when nobody entered. */
  fromFirst: number | null;
}

export interface PipelineFunnel {
  pipelineId: string;
  pipelineName: string;
  /** Deals created in the period in this pipeline. */
  deals: number;
  steps: FunnelStep[];
}

export interface StageBucket {
  pipelineId: string;
  pipelineName: string;
  /** '' for open deals whose stage is no longer in the pipeline. */
  stageId: string;
  stageName: string;
  deals: number;
  amount: number;
}

export interface OwnerAmount {
  ownerId: string;
  /** '' when the owner is not among the members (or the deal is unassigned). */
  name: string;
  deals: number;
  amount: number;
}

export interface OwnerForecast {
  ownerId: string;
  name: string;
  numbers: ForecastNumbers;
}

export interface SalesMetrics {
  won: { deals: number; amount: number };
  lostDeals: number;
  /** won / (won + lost), closed in the period. */
  winRate: number | null;
  /** Won amount / won deals. */
  averageWonAmount: number | null;
  /** Days from creation (business day) to close date of the deals won in the period. */
  cycle: { deals: number; medianDays: number | null; meanDays: number | null };
  pipeline: { deals: number; amount: number };
  pipelineByStage: StageBucket[];
  /** Largest first. */
  pipelineByOwner: OwnerAmount[];
  /** The won leaderboard, largest first. */
  wonByOwner: OwnerAmount[];
  funnels: PipelineFunnel[];
  forecast: {
    /** The scope's forecast against its target. */
    total: ForecastNumbers;
    /** What the period is expected to close at: won + the weighted open pipeline. */
    expected: number;
    /** Per owner with a deal in the period or a target, largest expected first. */
    byOwner: OwnerForecast[];
  };
  /** The won deals of the period in scope (what the lead source and campaign numbers read). */
  wonDeals: readonly SalesDeal[];
}

/** The forecast Period of the dashboard filters (a custom range keeps its days; its key names no target). */
export function forecastPeriodOf(filters: DashboardFilters): Period {
  if (filters.periodKind !== 'custom') {
    const period = periodOf(filters.periodKind, filters.start);
    return { ...period, start: filters.start, end: filters.end };
  }
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const period = periodOf(kind, filters.start);
    if (period.start === filters.start && period.end === filters.end) return period;
  }
  return {
    kind: 'month',
    key: `custom:${filters.start}..${filters.end}`,
    start: filters.start,
    end: filters.end,
  };
}

/** The target of the scope: the owner's, the team's (else its people's), else every top-level row's. */
export function scopeTarget(
  members: readonly ForecastMember[],
  targets: TargetIndex,
  filters: DashboardFilters,
  pipelines: PipelinesById,
): number | null {
  const period = forecastPeriodOf(filters);
  if (!parsePeriod(period.key)) return null;
  if (filters.ownerId !== '') return ownTarget(targets, filters.ownerId, period)?.amount ?? null;
  const rows = forecastTree({ members, deals: [], targets, pipelines, period });
  if (filters.teamId !== '') return findForecastRow(rows, filters.teamId)?.numbers.target ?? null;
  let fen = 0;
  let found = false;
  for (const row of rows)
    if (row.numbers.target !== null) {
      found = true;
      fen += toFen(row.numbers.target);
    }
  return found ? fen / 100 : null;
}

interface StageSlot {
  /** Index among the funnel steps (open stages in order, then won stages). */
  step: number;
  outcome: 'open' | 'won' | 'lost';
  bucket: number;
}

interface PipelineIndex {
  id: string;
  value: PipelineValue;
  slots: Map<string, StageSlot>;
  steps: number;
  reached: number[];
  cohort: number;
  /** Buckets of open deals by stage; the last one is "stage no longer in the pipeline". */
  bucketDeals: number[];
  bucketFen: number[];
}

function indexPipeline(id: string, value: PipelineValue): PipelineIndex {
  const slots = new Map<string, StageSlot>();
  let step = 0;
  value.stages.forEach((stage, bucket) => {
    if (stage.outcome === 'open') slots.set(stage.id, { step: step++, outcome: 'open', bucket });
  });
  value.stages.forEach((stage, bucket) => {
    if (stage.outcome === 'won') slots.set(stage.id, { step: step++, outcome: 'won', bucket });
    if (stage.outcome === 'lost') slots.set(stage.id, { step: 0, outcome: 'lost', bucket });
  });
  const buckets = value.stages.length + 1;
  return {
    id,
    value,
    slots,
    steps: step,
    reached: new Array<number>(step).fill(0),
    cohort: 0,
    bucketDeals: new Array<number>(buckets).fill(0),
    bucketFen: new Array<number>(buckets).fill(0),
  };
}

/** The last funnel step a deal of the cohort reached (-1: none), by the rule in the header. */
function reachedStep(deal: SalesDeal, pipeline: PipelineIndex): number {
  const slot = pipeline.slots.get(deal.stage);
  if (deal.status === 'won') return pipeline.steps - 1;
  if (!slot || slot.outcome !== 'open') return 0;
  return slot.step;
}

function pipelineOf(
  pipelineId: string,
  byId: Map<string, PipelineIndex>,
): PipelineIndex | undefined {
  return byId.get(pipelineId) ?? byId.get(DEFAULT_PIPELINE_ID);
}

interface OwnerAcc {
  wonDeals: number;
  wonFen: number;
  openDeals: number;
  openFen: number;
  forecast: ForecastFen;
}

/** sum += sign × part, in place (forecast.ts `addForecast` without a new object per deal). */
function addInto(out: ForecastFen, part: ForecastFen, sign: 1 | -1): void {
  out.won += sign * part.won;
  out.commit += sign * part.commit;
  out.bestCase += sign * part.bestCase;
  out.pipeline += sign * part.pipeline;
  out.weighted += sign * part.weighted;
  out.omitted += sign * part.omitted;
  out.deals += sign * part.deals;
}

/** Whether a deal counts for the scope (not deleted, owner in scope). */
export function dealInScope(deal: SalesDeal, owners: ReadonlySet<string> | null): boolean {
  return !deal.deleted && (owners === null || owners.has(deal.ownerId));
}

/** What a period is expected to close at: won + the weighted open pipeline, exact to the fen. */
export function expectedOf(n: Pick<ForecastNumbers, 'won' | 'weighted'>): number {
  return (toFen(n.won) + toFen(n.weighted)) / 100;
}

/** What the numbers are computed for: everything of `SalesMetricsInput` except the deals. */
export type SalesAggregateContext = Omit<SalesMetricsInput, 'deals'>;

/**
 * The sales numbers as running sums (issue 22, B8): each deal adds its part, and an edited deal takes its old part
 * out and puts its new one in, so one edit costs a constant amount of work, not a pass over every deal. Every sum
 * is an integer (fen, counts, days), so taking a part out is exact. `metrics()` reads the sums off (per owner,
 * stage and pipeline; the cycle's median from a histogram of days). `salesMetrics` is this over all deals: the
 * dashboard's first render and its updates after an edit are the same code.
 */
export class SalesAggregate {
  private readonly period: Period;
  private readonly startDay: number;
  private readonly endDay: number;
  private readonly pipelines = new Map<string, PipelineIndex>();
  private readonly byOwner = new Map<string, OwnerAcc>();
  private readonly total: ForecastFen = { ...EMPTY_FORECAST };
  /** Cycle length in days → how many won deals of the period took that long. */
  private readonly cycleDays = new Map<number, number>();
  private cycleCount = 0;
  private cycleSum = 0;
  private readonly won = new Map<string, SalesDeal>();
  private wonFen = 0;
  private lostCount = 0;
  private openCount = 0;
  private openFen = 0;
  private readonly scopeTarget: number | null;

  constructor(private readonly context: SalesAggregateContext) {
    const { filters } = context;
    this.period = forecastPeriodOf(filters);
    this.startDay = dayNumber(filters.start);
    this.endDay = dayNumber(filters.end);
    for (const [id, value] of context.pipelines) this.pipelines.set(id, indexPipeline(id, value));
    this.scopeTarget = scopeTarget(context.members, context.targets, filters, context.pipelines);
  }

  add(deal: SalesDeal): void {
    this.apply(deal, 1);
  }

  remove(deal: SalesDeal): void {
    this.apply(deal, -1);
  }

  /** One deal changed (null: it did not exist before, or is gone now). */
  replace(before: SalesDeal | null, after: SalesDeal | null): void {
    if (before) this.apply(before, -1);
    if (after) this.apply(after, 1);
  }

  private ownerAcc(ownerId: string): OwnerAcc {
    let acc = this.byOwner.get(ownerId);
    if (!acc) {
      acc = { wonDeals: 0, wonFen: 0, openDeals: 0, openFen: 0, forecast: { ...EMPTY_FORECAST } };
      this.byOwner.set(ownerId, acc);
    }
    return acc;
  }

  private apply(deal: SalesDeal, sign: 1 | -1): void {
    const { filters, owners } = this.context;
    if (!dealInScope(deal, owners)) return;
    const pipeline = pipelineOf(deal.pipelineId, this.pipelines);
    const createdDay = businessDayNumber(deal.createdAt);
    if (pipeline && createdDay >= this.startDay && createdDay <= this.endDay) {
      pipeline.cohort += sign;
      const last = reachedStep(deal, pipeline);
      for (let step = 0; step <= last; step++) pipeline.reached[step] += sign;
    }
    const closedInPeriod = deal.closeDate >= filters.start && deal.closeDate <= filters.end;
    if (deal.status === 'open') {
      const fen = sign * toFen(deal.amount);
      this.openCount += sign;
      this.openFen += fen;
      const acc = this.ownerAcc(deal.ownerId);
      acc.openDeals += sign;
      acc.openFen += fen;
      if (pipeline) {
        const slot = pipeline.slots.get(deal.stage);
        const bucket = slot ? slot.bucket : pipeline.bucketDeals.length - 1;
        pipeline.bucketDeals[bucket] += sign;
        pipeline.bucketFen[bucket] += fen;
      }
    } else if (closedInPeriod && deal.status === 'won') {
      const fen = sign * toFen(deal.amount);
      if (sign === 1) this.won.set(deal.id, deal);
      else this.won.delete(deal.id);
      this.wonFen += fen;
      const acc = this.ownerAcc(deal.ownerId);
      acc.wonDeals += sign;
      acc.wonFen += fen;
      const days = Math.max(0, dayNumber(deal.closeDate) - createdDay);
      const count = (this.cycleDays.get(days) ?? 0) + sign;
      if (count === 0) this.cycleDays.delete(days);
      else this.cycleDays.set(days, count);
      this.cycleCount += sign;
      this.cycleSum += sign * days;
    } else if (closedInPeriod && deal.status === 'lost') {
      this.lostCount += sign;
    }
    if (closedInPeriod && deal.status !== 'lost') {
      const part = dealContribution(deal, this.period, this.context.pipelines);
      if (part !== EMPTY_FORECAST) {
        addInto(this.total, part, sign);
        addInto(this.ownerAcc(deal.ownerId).forecast, part, sign);
      }
    }
  }

  /** The median cycle length, walking the histogram's days in order. */
  private medianCycle(): number | null {
    if (this.cycleCount === 0) return null;
    const days = Float64Array.from(this.cycleDays.keys()).sort();
    const lower = (this.cycleCount - 1) >> 1;
    const upper = this.cycleCount >> 1;
    let seen = 0;
    let lowerValue: number | null = null;
    for (const day of days) {
      seen += this.cycleDays.get(day) ?? 0;
      if (lowerValue === null && seen > lower) lowerValue = day;
      if (seen > upper) return ((lowerValue ?? day) + day) / 2;
    }
    return lowerValue;
  }

  /** The numbers as they stand (reads the sums; changes nothing). */
  metrics(): SalesMetrics {
    const { members, targets, owners } = this.context;
    const period = this.period;
    const names = new Map<string, string>();
    for (const m of members) if (m.kind === 'user' && !m.deleted) names.set(m.id, m.name);
    const nameOf = (ownerId: string) => names.get(ownerId) ?? '';
    const byAmount = (a: OwnerAmount, b: OwnerAmount) =>
      b.amount - a.amount || a.name.localeCompare(b.name) || a.ownerId.localeCompare(b.ownerId);

    /** One row per owner with deals of that kind, largest first. */
    const ownerAmounts = (
      part: (acc: OwnerAcc) => { deals: number; fen: number },
    ): OwnerAmount[] => {
      const rows: OwnerAmount[] = [];
      for (const [ownerId, acc] of this.byOwner) {
        const { deals, fen } = part(acc);
        if (deals > 0) rows.push({ ownerId, name: nameOf(ownerId), deals, amount: fen / 100 });
      }
      return rows.sort(byAmount);
    };
    const wonByOwner = ownerAmounts((acc) => ({ deals: acc.wonDeals, fen: acc.wonFen }));
    const pipelineByOwner = ownerAmounts((acc) => ({ deals: acc.openDeals, fen: acc.openFen }));

    const targetKnown = parsePeriod(period.key) !== null;
    const forecastByOwner: OwnerForecast[] = [];
    const forecastOwners = new Set<string>();
    for (const [ownerId, acc] of this.byOwner)
      if (acc.forecast.deals > 0) forecastOwners.add(ownerId);
    if (targetKnown)
      for (const m of members)
        if (
          m.kind === 'user' &&
          !m.deleted &&
          (owners === null || owners.has(m.id)) &&
          ownTarget(targets, m.id, period)
        )
          forecastOwners.add(m.id);
    for (const ownerId of forecastOwners) {
      const target = targetKnown ? (ownTarget(targets, ownerId, period)?.amount ?? null) : null;
      forecastByOwner.push({
        ownerId,
        name: nameOf(ownerId),
        numbers: forecastNumbers(this.byOwner.get(ownerId)?.forecast ?? EMPTY_FORECAST, target),
      });
    }
    forecastByOwner.sort(
      (a, b) =>
        expectedOf(b.numbers) - expectedOf(a.numbers) ||
        a.name.localeCompare(b.name) ||
        a.ownerId.localeCompare(b.ownerId),
    );
    const totalNumbers = forecastNumbers(this.total, this.scopeTarget);

    const funnels: PipelineFunnel[] = [];
    const pipelineByStage: StageBucket[] = [];
    for (const pipeline of this.pipelines.values()) {
      const stepStages = [...pipeline.slots.entries()]
        .filter(([, slot]) => slot.outcome !== 'lost')
        .sort((a, b) => a[1].step - b[1].step);
      funnels.push({
        pipelineId: pipeline.id,
        pipelineName: pipeline.value.name,
        deals: pipeline.cohort,
        steps: stepStages.map(([stageId, slot], i) => {
          const stage = pipeline.value.stages[slot.bucket];
          const reached = pipeline.reached[slot.step];
          return {
            stageId,
            stageName: stage.name,
            outcome: slot.outcome === 'won' ? 'won' : 'open',
            reached,
            fromPrevious: i === 0 ? null : ratio(reached, pipeline.reached[slot.step - 1]),
            fromFirst: ratio(reached, pipeline.reached[0]),
          };
        }),
      });
      pipeline.value.stages.forEach((stage, bucket) => {
        if (stage.outcome !== 'open') return;
        pipelineByStage.push({
          pipelineId: pipeline.id,
          pipelineName: pipeline.value.name,
          stageId: stage.id,
          stageName: stage.name,
          deals: pipeline.bucketDeals[bucket],
          amount: pipeline.bucketFen[bucket] / 100,
        });
      });
      const unknown = pipeline.bucketDeals.length - 1;
      if (pipeline.bucketDeals[unknown] > 0)
        pipelineByStage.push({
          pipelineId: pipeline.id,
          pipelineName: pipeline.value.name,
          stageId: '',
          stageName: '',
          deals: pipeline.bucketDeals[unknown],
          amount: pipeline.bucketFen[unknown] / 100,
        });
    }

    const wonCount = this.won.size;
    return {
      won: { deals: wonCount, amount: this.wonFen / 100 },
      lostDeals: this.lostCount,
      winRate: ratio(wonCount, wonCount + this.lostCount),
      averageWonAmount: wonCount === 0 ? null : Math.round(this.wonFen / wonCount) / 100,
      cycle: {
        deals: this.cycleCount,
        medianDays: this.medianCycle(),
        meanDays: this.cycleCount === 0 ? null : this.cycleSum / this.cycleCount,
      },
      pipeline: { deals: this.openCount, amount: this.openFen / 100 },
      pipelineByStage,
      pipelineByOwner,
      wonByOwner,
      funnels,
      forecast: {
        total: totalNumbers,
        expected: expectedOf(totalNumbers),
        byOwner: forecastByOwner,
      },
      wonDeals: [...this.won.values()],
    };
  }
}

/** Every sales number of the dashboard, in one pass over the deals. */
export function salesMetrics(input: SalesMetricsInput): SalesMetrics {
  const aggregate = new SalesAggregate(input);
  for (const deal of input.deals) aggregate.add(deal);
  return aggregate.metrics();
}

// ---------- drill-down: the deals behind one number ----------

export type SalesDrill =
  | { kind: 'won'; ownerId?: string }
  | { kind: 'lost' }
  | { kind: 'open'; ownerId?: string }
  | { kind: 'funnel'; pipelineId: string; stageId: string }
  | { kind: 'pipelineStage'; pipelineId: string; stageId: string }
  | { kind: 'forecast'; ownerId?: string }
  | { kind: 'source'; source: string }
  | { kind: 'campaign'; campaignId: string };

/**
 * The ids of the deals behind one number of `salesMetrics` (same input, same predicates), for the drill-down.
 * A funnel step lists the cohort's deals that reached it; a source or campaign its won deals of the period.
 */
export function salesDrillIds(input: SalesMetricsInput, drill: SalesDrill): string[] {
  const { filters, owners } = input;
  const period = forecastPeriodOf(filters);
  const startDay = dayNumber(filters.start);
  const endDay = dayNumber(filters.end);
  const pipelines = new Map<string, PipelineIndex>();
  for (const [id, value] of input.pipelines) pipelines.set(id, indexPipeline(id, value));
  const ids: string[] = [];
  const ownerMatches = (deal: SalesDeal, ownerId: string | undefined) =>
    ownerId === undefined || deal.ownerId === ownerId;
  for (const deal of input.deals) {
    if (!dealInScope(deal, owners)) continue;
    const closedInPeriod = deal.closeDate >= filters.start && deal.closeDate <= filters.end;
    const wonInPeriod = closedInPeriod && deal.status === 'won';
    let hit = false;
    switch (drill.kind) {
      case 'won':
        hit = wonInPeriod && ownerMatches(deal, drill.ownerId);
        break;
      case 'lost':
        hit = closedInPeriod && deal.status === 'lost';
        break;
      case 'open':
        hit = deal.status === 'open' && ownerMatches(deal, drill.ownerId);
        break;
      case 'forecast':
        hit =
          ownerMatches(deal, drill.ownerId) &&
          dealContribution(deal, period, input.pipelines) !== EMPTY_FORECAST;
        break;
      case 'source':
        hit = wonInPeriod && deal.source === drill.source;
        break;
      case 'campaign':
        hit = wonInPeriod && deal.campaignId === drill.campaignId;
        break;
      case 'funnel':
      case 'pipelineStage': {
        const pipeline = pipelineOf(deal.pipelineId, pipelines);
        if (!pipeline || pipeline.id !== drill.pipelineId) break;
        const slot = pipeline.slots.get(deal.stage);
        if (drill.kind === 'pipelineStage') {
          hit =
            deal.status === 'open' &&
            (drill.stageId === '' ? !slot : slot !== undefined && deal.stage === drill.stageId);
          break;
        }
        const createdDay = businessDayNumber(deal.createdAt);
        const target = pipeline.slots.get(drill.stageId);
        hit =
          createdDay >= startDay &&
          createdDay <= endDay &&
          target !== undefined &&
          reachedStep(deal, pipeline) >= target.step;
        break;
      }
    }
    if (hit) ids.push(deal.id);
  }
  return ids;
}

// ---------- lead sources and campaigns ----------

export interface LeadSourceMetrics {
  sources: SourceNumbers[];
  campaigns: CampaignNumbers[];
}

/**
 * Lead source and campaign ROI for the dashboard: campaign-metrics.ts over the leads of the owners in scope
 * (created in the period) and the period's won deals in scope (`SalesMetrics.wonDeals`). A campaign's cost is
 * the whole campaign's, whatever the scope.
 */
export function leadSourceMetrics(
  leads: readonly (MetricsLead & { ownerId: string })[],
  wonDeals: readonly SalesDeal[],
  campaigns: readonly MetricsCampaign[],
  filters: DashboardFilters,
  owners: ReadonlySet<string> | null,
): LeadSourceMetrics {
  const scoped = owners === null ? leads : leads.filter((l) => owners.has(l.ownerId));
  const period = { from: filters.start, to: filters.end };
  return {
    sources: sourceNumbers(scoped, wonDeals, period),
    campaigns: campaignNumbers(campaigns, scoped, wonDeals, period),
  };
}

// ---------- activities ----------

export type LeaderboardActivity = Pick<
  Activity,
  'id' | 'ownerId' | 'type' | 'occurredAt' | 'done' | 'doneAt' | 'deleted'
>;

export interface OwnerActivities {
  ownerId: string;
  name: string;
  activities: number;
}

/** Customer contacts per owner in a period (every owner): what `activityLeaderboard` ranks. */
export type ActivityCounts = Map<string, number>;

/**
 * Adds `activities[from, to)`'s customer contacts in the period to `counts` (last-activity.ts `customerContactAt`:
 * calls, meetings, e-mails, visits, notes, tasks once done; never comments). A large read is counted slice by slice.
 */
export function countActivities(
  counts: ActivityCounts,
  activities: readonly LeaderboardActivity[],
  filters: Pick<DashboardFilters, 'start' | 'end'>,
  from = 0,
  to = activities.length,
): ActivityCounts {
  const startDay = dayNumber(filters.start);
  const endDay = dayNumber(filters.end);
  for (let i = from; i < to; i++) {
    const activity = activities[i];
    const at = customerContactAt(activity);
    if (at === 0) continue;
    const day = businessDayNumber(at);
    if (day < startDay || day > endDay) continue;
    counts.set(activity.ownerId, (counts.get(activity.ownerId) ?? 0) + 1);
  }
  return counts;
}

/** The leaderboard of counted activities (`countActivities`): the owners in scope, most first. */
export function activityLeaderboardOf(
  counts: ActivityCounts,
  members: readonly ForecastMember[],
  owners: ReadonlySet<string> | null,
): OwnerActivities[] {
  const names = new Map(members.map((m) => [m.id, m.name]));
  return [...counts.entries()]
    .filter(([ownerId]) => owners === null || owners.has(ownerId))
    .map(([ownerId, count]) => ({ ownerId, name: names.get(ownerId) ?? '', activities: count }))
    .sort(
      (a, b) =>
        b.activities - a.activities ||
        a.name.localeCompare(b.name) ||
        a.ownerId.localeCompare(b.ownerId),
    );
}

/** The activities leaderboard: customer contacts per owner in the period, most first. */
export function activityLeaderboard(
  activities: readonly LeaderboardActivity[],
  members: readonly ForecastMember[],
  filters: DashboardFilters,
  owners: ReadonlySet<string> | null,
): OwnerActivities[] {
  return activityLeaderboardOf(countActivities(new Map(), activities, filters), members, owners);
}

/** The ids of one owner's activities counted in `activityLeaderboard` (its drill-down). */
export function activityDrillIds(
  activities: readonly LeaderboardActivity[],
  ownerId: string,
  filters: DashboardFilters,
): string[] {
  const startDay = dayNumber(filters.start);
  const endDay = dayNumber(filters.end);
  return activities
    .filter((a) => {
      if (a.ownerId !== ownerId) return false;
      const at = customerContactAt(a);
      const day = businessDayNumber(at);
      return at !== 0 && day >= startDay && day <= endDay;
    })
    .map((a) => a.id);
}

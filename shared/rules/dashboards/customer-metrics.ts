import type { Account, Contract } from '../../domain';
import type { AccountHealth, HealthBand } from '../account-health';
import { inDashboardScope, type DashboardFilters, type DashboardScope } from './filters';

/**
 * The customers dashboard's numbers (issue 22): RFM segments from contracts and their payments, and accounts by
 * health band and churn risk. Pure: the renderer reads the records, resolves the team/owner scope
 * (`dashboardScope`) and scores health with `accountHealth` (shared/rules/account-health.ts); this only counts.
 *
 * RFM, per account in scope (a contract belongs to its account's scope, whoever owns the contract):
 * - **Recency**: days from the last payment received or contract signed, on or before the reference day, to the
 *   reference day (the period's end, or today while the period is still running).
 * - **Frequency**: contracts signed plus payments received within the period (up to the reference day).
 * - **Monetary**: the payments received within the period (yuan, summed in fen).
 * An account counts as a customer once it has signed a contract or paid on or before the reference day;
 * accounts that never did are not segmented (`withoutTransactions`).
 *
 * Scores are 1–5 by FIXED bands (`RFM_BANDS`), not quantiles: the same customer keeps its score when the
 * team or owner filter changes the population, the numbers can be checked by hand, and a small team is not
 * spread over five scores. A score of 3 or more is "high"; high/low on R, F and M give the eight classic
 * segments (重要价值客户 = recent, frequent, valuable … 一般挽留客户 = none of them).
 */

export type RfmContract = Pick<
  Contract,
  'id' | 'accountId' | 'status' | 'signedDate' | 'payments' | 'deleted'
>;
export type RfmAccount = Pick<
  Account,
  'id' | 'name' | 'ownerId' | 'teamId' | 'deleted' | 'mergedIntoId'
>;

/** Lower bounds of scores 5, 4, 3, 2 (anything below is 1). Recency: upper bounds in days (fewer is better). */
export const RFM_BANDS = {
  recencyDays: [30, 90, 180, 365],
  frequency: [8, 5, 3, 2],
  monetary: [1_000_000, 300_000, 100_000, 30_000],
} as const;

/** A score at or above this is "high" for the segment. */
export const RFM_HIGH = 3;

export const RFM_SEGMENTS = [
  'importantValue',
  'importantDevelop',
  'importantKeep',
  'importantRetain',
  'generalValue',
  'generalDevelop',
  'generalKeep',
  'generalRetain',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScore {
  accountId: string;
  /** Days since the last payment or signing (0 = on the reference day). */
  recencyDays: number;
  frequency: number;
  /** Yuan received in the period. */
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export interface RfmSegmentRow {
  segment: RfmSegment;
  count: number;
  /** Yuan received in the period by the segment's customers. */
  monetary: number;
  /** Mean of the segment's recency, null when the segment is empty. */
  averageRecencyDays: number | null;
  /** Share of all segmented customers, null when there are none. */
  share: number | null;
  accountIds: string[];
}

export interface RfmResult {
  /** Every segment in `RFM_SEGMENTS` order, the empty ones included. */
  segments: RfmSegmentRow[];
  scores: RfmScore[];
  customers: number;
  /** Accounts in scope that never signed or paid by the reference day. */
  withoutTransactions: number;
  /** Yuan received in the period across all customers. */
  monetary: number;
  /** Monetary per customer who paid in the period; null when nobody paid. */
  averageMonetaryPerPayer: number | null;
  referenceDay: string;
}

const DAY_MS = 86_400_000;
const fen = (yuan: number): number => Math.round(yuan * 100);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The day recency is measured to: the period's end, or today while the period runs. */
export function rfmReferenceDay(filters: Pick<DashboardFilters, 'end'>, today: string): string {
  return today < filters.end ? today : filters.end;
}

function scoreDown(value: number, bands: readonly number[]): number {
  const index = bands.findIndex((bound) => value <= bound);
  return index === -1 ? 1 : 5 - index;
}
function scoreUp(value: number, bands: readonly number[]): number {
  const index = bands.findIndex((bound) => value >= bound);
  return index === -1 ? 1 : 5 - index;
}

/** R, F and M scores (1–5) of raw values, by `RFM_BANDS`. */
export function rfmScores(recencyDays: number, frequency: number, monetary: number) {
  return {
    r: scoreDown(recencyDays, RFM_BANDS.recencyDays),
    f: scoreUp(frequency, RFM_BANDS.frequency),
    m: scoreUp(monetary, RFM_BANDS.monetary),
  };
}

/** The segment of three scores: high (≥ RFM_HIGH) or low on each. */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const high = (score: number) => score >= RFM_HIGH;
  const important = high(m);
  const key = `${high(r) ? 'R' : 'r'}${high(f) ? 'F' : 'f'}`;
  const kind = { RF: 'Value', Rf: 'Develop', rF: 'Keep', rf: 'Retain' }[key] as
    'Value' | 'Develop' | 'Keep' | 'Retain';
  return `${important ? 'important' : 'general'}${kind}`;
}

/** A contract counts as signed once it has a signing day and is no longer a draft. */
const isSigned = (c: RfmContract): boolean => c.signedDate !== '' && c.status !== 'draft';

/** RFM of the accounts in scope over the filters' period. */
export function customerRfm(input: {
  accounts: readonly RfmAccount[];
  contracts: readonly RfmContract[];
  filters: Pick<DashboardFilters, 'start' | 'end'>;
  scope: DashboardScope;
  today: string;
}): RfmResult {
  const { filters, scope } = input;
  const referenceDay = rfmReferenceDay(filters, input.today);
  const accounts = input.accounts.filter(
    (a) => !a.deleted && !a.mergedIntoId && inDashboardScope(scope, a),
  );
  const inScope = new Set(accounts.map((a) => a.id));
  const facts = new Map<string, { last: string; frequency: number; fen: number }>();
  for (const contract of input.contracts) {
    if (contract.deleted || !inScope.has(contract.accountId)) continue;
    const fact = facts.get(contract.accountId) ?? { last: '', frequency: 0, fen: 0 };
    // Counts what happened by the reference day: the period's days still to come have nothing yet.
    const touch = (day: string) => {
      if (day === '' || day > referenceDay) return false;
      if (day > fact.last) fact.last = day;
      return day >= filters.start;
    };
    if (isSigned(contract) && touch(contract.signedDate)) fact.frequency += 1;
    for (const payment of contract.payments) {
      if (touch(payment.date)) {
        fact.frequency += 1;
        fact.fen += fen(payment.amount);
      }
    }
    facts.set(contract.accountId, fact);
  }

  const scores: RfmScore[] = [];
  for (const account of accounts) {
    const fact = facts.get(account.id);
    if (!fact || fact.last === '') continue;
    const recencyDays = daysBetween(fact.last, referenceDay);
    const monetary = fact.fen / 100;
    const { r, f, m } = rfmScores(recencyDays, fact.frequency, monetary);
    scores.push({
      accountId: account.id,
      recencyDays,
      frequency: fact.frequency,
      monetary,
      r,
      f,
      m,
      segment: rfmSegment(r, f, m),
    });
  }

  const customers = scores.length;
  const segments = RFM_SEGMENTS.map((segment): RfmSegmentRow => {
    const members = scores.filter((s) => s.segment === segment);
    const recency = members.reduce((sum, s) => sum + s.recencyDays, 0);
    return {
      segment,
      count: members.length,
      monetary: members.reduce((sum, s) => sum + fen(s.monetary), 0) / 100,
      averageRecencyDays: members.length === 0 ? null : recency / members.length,
      share: customers === 0 ? null : members.length / customers,
      accountIds: members.map((s) => s.accountId),
    };
  });
  const totalFen = scores.reduce((sum, s) => sum + fen(s.monetary), 0);
  const payers = scores.filter((s) => s.monetary > 0).length;
  return {
    segments,
    scores,
    customers,
    withoutTransactions: accounts.length - customers,
    monetary: totalFen / 100,
    averageMonetaryPerPayer: payers === 0 ? null : totalFen / 100 / payers,
    referenceDay,
  };
}

export const HEALTH_BANDS = ['healthy', 'watch', 'risk'] as const satisfies readonly HealthBand[];

export interface HealthBandRow {
  band: HealthBand;
  count: number;
  /** Of them, at churn risk. */
  churnRisk: number;
  /** Share of the scored accounts, null when none were scored. */
  share: number | null;
  accountIds: string[];
}

export interface CustomerHealthResult {
  bands: HealthBandRow[];
  /** Accounts at churn risk, lowest score first. */
  churnRiskIds: string[];
  scored: number;
  /** Share of scored accounts at churn risk, null when none were scored. */
  churnRiskShare: number | null;
  averageScore: number | null;
}

/**
 * Accounts in scope by health band and churn risk. The health is `accountHealth`'s (the accounts list's health
 * column); accounts without a computed health are left out.
 */
export function customerHealth(input: {
  accounts: readonly RfmAccount[];
  health: ReadonlyMap<string, Pick<AccountHealth, 'score' | 'band' | 'churnRisk'>>;
  scope: DashboardScope;
}): CustomerHealthResult {
  const scored = input.accounts.flatMap((account) => {
    if (account.deleted || account.mergedIntoId || !inDashboardScope(input.scope, account))
      return [];
    const health = input.health.get(account.id);
    return health ? [{ id: account.id, health }] : [];
  });
  const total = scored.length;
  const bands = HEALTH_BANDS.map((band): HealthBandRow => {
    const inBand = scored.filter((s) => s.health.band === band);
    return {
      band,
      count: inBand.length,
      churnRisk: inBand.filter((s) => s.health.churnRisk).length,
      share: total === 0 ? null : inBand.length / total,
      accountIds: inBand.map((s) => s.id),
    };
  });
  const atRisk = scored
    .filter((s) => s.health.churnRisk)
    .sort((a, b) => a.health.score - b.health.score || a.id.localeCompare(b.id));
  return {
    bands,
    churnRiskIds: atRisk.map((s) => s.id),
    scored: total,
    churnRiskShare: total === 0 ? null : atRisk.length / total,
    averageScore: total === 0 ? null : scored.reduce((sum, s) => sum + s.health.score, 0) / total,
  };
}

import type { Account, Activity, Contract, HealthScoringValue, Ticket } from '../domain/entities';
import { overduePlanItems } from './contract-math';
import { customerContactAt } from './last-activity';
import { npsCategory } from './satisfaction';
import { DAY_MS, localDay } from './working-calendar';

/**
 * Account health (客户健康度, issue 21 "Account health and renewals"): a score 0–100 from explainable parts —
 * recency of customer contact, open and breached tickets, CSAT, NPS, overdue instalments and days to renewal —
 * each taking off up to its weight in the workspace's `healthScoring` setting, and a churn-risk tag when the score
 * is below the threshold or fell fast. The score 30 days ago is computed from the same records' timestamps, so
 * nothing is stored. Pure and linear in the account's records, so a dashboard can score many accounts.
 */

/** How far back "drops fast" looks. */
export const HEALTH_DROP_DAYS = 30;

const TICKET_DONE = new Set<Ticket['status']>(['resolved', 'closed']);

/** The ticket fields health reads. */
export type HealthTicket = Pick<
  Ticket,
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'resolvedAt'
  | 'csat'
  | 'csatAt'
  | 'slaBreachedAt'
  | 'deleted'
>;
/** The activity fields health reads: customer contact (recency) and NPS answers. */
export type HealthActivity = Pick<
  Activity,
  'type' | 'occurredAt' | 'done' | 'doneAt' | 'deleted' | 'npsScore'
>;
/** The contract fields health reads: instalments (overdue payments) and the end date (renewal). */
export type HealthContract = Pick<
  Contract,
  'status' | 'endDate' | 'amount' | 'paymentPlan' | 'payments' | 'deleted'
>;

/** An account's records, read by the account's indexes (tickets, activities and contracts by accountId). */
export interface HealthFacts {
  account: Pick<Account, 'lastActivityAt'>;
  tickets: readonly HealthTicket[];
  /** The account's activities; those older than `healthActivitySince(now, rules)` may be left out. */
  activities: readonly HealthActivity[];
  contracts: readonly HealthContract[];
}

/** One reason the score lost points (`points` ≤ 0), with the facts a person reads next to it. */
export type HealthPart =
  /** `days`: since the last customer contact; null when there never was one. */
  | { kind: 'recency'; days: number | null; points: number }
  | { kind: 'openTickets'; count: number; points: number }
  | { kind: 'breachedTickets'; count: number; points: number }
  /** `average`: of the recent CSAT answers (1–5, one decimal), null when none. */
  | { kind: 'csat'; average: number | null; answers: number; points: number }
  /** `nps`: promoters % − detractors % of the recent answers (−100…100), null when none. */
  | { kind: 'nps'; nps: number | null; answers: number; points: number }
  | { kind: 'overduePayments'; count: number; amount: number; points: number }
  /** `days`: until the nearest active contract's end (negative: ended and not renewed), null when none. */
  | { kind: 'renewal'; days: number | null; endDate: string; points: number };

export type HealthPartKind = HealthPart['kind'];
export type HealthBand = 'healthy' | 'watch' | 'risk';

export interface AccountHealth {
  /** 0–100: 100 plus the parts' (non-positive) points. */
  score: number;
  band: HealthBand;
  /** Every part in a fixed order, those that cost nothing included (points 0), so the card explains all. */
  parts: HealthPart[];
  /** The score `HEALTH_DROP_DAYS` days ago, from the same records' timestamps. */
  previousScore: number;
  churnRisk: boolean;
  /** Why it is a churn risk: below the threshold, fell fast, or both (empty when it is not). */
  churnReasons: ('low' | 'drop')[];
}

export interface HealthClock {
  now: number;
  /** Minutes east of UTC of the local day (China: 480): instalments are due on local days. */
  utcOffsetMinutes: number;
}

/** Activities older than this instant never change a score now or 30 days ago: callers may read from here. */
export function healthActivitySince(now: number, rules: HealthScoringValue): number {
  return now - (HEALTH_DROP_DAYS + Math.max(rules.staleDays, rules.windowDays)) * DAY_MS;
}

/** `weight` × share (0–1), rounded to a whole point, as a deduction (never −0). */
function deduct(weight: number, share: number): number {
  const points = Math.round(weight * Math.min(1, Math.max(0, share)));
  return points === 0 ? 0 : -points;
}

/** When a ticket stopped being open: its resolution, else (closed without one) its last change; never if open. */
function closedAt(ticket: HealthTicket): number {
  if (!TICKET_DONE.has(ticket.status)) return Infinity;
  return ticket.resolvedAt || ticket.updatedAt;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The parts at the instant `at` (now, or 30 days ago), reading only what had happened by then. */
function partsAt(
  facts: HealthFacts,
  rules: HealthScoringValue,
  at: number,
  utcOffsetMinutes: number,
  isNow: boolean,
): HealthPart[] {
  const w = rules.weights;
  const windowStart = at - rules.windowDays * DAY_MS;
  const today = localDay(at, utcOffsetMinutes);

  // Recency: the stored lastActivityAt now; the last contact up to `at` from the activities otherwise.
  let last = facts.account.lastActivityAt <= at ? facts.account.lastActivityAt : 0;
  for (const activity of facts.activities) {
    const contact = customerContactAt(activity);
    if (contact > last && contact <= at) last = contact;
  }
  if (isNow) last = Math.max(last, facts.account.lastActivityAt);
  const idleDays = last > 0 ? Math.max(0, Math.floor((at - last) / DAY_MS)) : null;
  const recencyShare =
    idleDays === null ? 1 : (idleDays - rules.freshDays) / (rules.staleDays - rules.freshDays);

  let open = 0;
  let breached = 0;
  let csatSum = 0;
  let csatCount = 0;
  for (const ticket of facts.tickets) {
    if (ticket.deleted || ticket.createdAt > at) continue;
    if (closedAt(ticket) > at) open++;
    if (
      ticket.slaBreachedAt > 0 &&
      ticket.slaBreachedAt <= at &&
      ticket.slaBreachedAt >= windowStart
    )
      breached++;
    const answeredAt = ticket.csatAt || ticket.resolvedAt || ticket.updatedAt;
    if (ticket.csat !== undefined && answeredAt <= at && answeredAt >= windowStart) {
      csatSum += ticket.csat;
      csatCount++;
    }
  }
  const csatAverage = csatCount > 0 ? Math.round((csatSum / csatCount) * 10) / 10 : null;

  let promoters = 0;
  let detractors = 0;
  let npsCount = 0;
  for (const activity of facts.activities) {
    if (activity.deleted || activity.type !== 'nps' || activity.npsScore === undefined) continue;
    if (activity.occurredAt > at || activity.occurredAt < windowStart) continue;
    npsCount++;
    const kind = npsCategory(activity.npsScore);
    if (kind === 'promoter') promoters++;
    else if (kind === 'detractor') detractors++;
  }
  const nps = npsCount > 0 ? Math.round(((promoters - detractors) / npsCount) * 100) : null;

  // Instalments: what was overdue on that day, counting only the payments received by then.
  let overdueCount = 0;
  let overdueFen = 0;
  let renewalEnd = '';
  for (const contract of facts.contracts) {
    if (contract.deleted || contract.status === 'draft' || contract.status === 'terminated')
      continue;
    const payments = contract.payments.filter((payment) => payment.date <= today);
    for (const item of overduePlanItems({ ...contract, payments }, today)) {
      overdueCount++;
      overdueFen += Math.round(item.outstanding * 100);
    }
    if (
      contract.status === 'active' &&
      contract.endDate &&
      (!renewalEnd || contract.endDate < renewalEnd)
    )
      renewalEnd = contract.endDate;
  }
  const renewalDays = renewalEnd ? daysBetween(today, renewalEnd) : null;
  const renewalShare =
    renewalDays === null || renewalDays > rules.renewalDays
      ? 0
      : (rules.renewalDays - renewalDays) / rules.renewalDays;

  return [
    { kind: 'recency', days: idleDays, points: deduct(w.recency, recencyShare) },
    {
      kind: 'openTickets',
      count: open,
      points: deduct(w.openTickets, open / rules.openTicketsFull),
    },
    {
      kind: 'breachedTickets',
      count: breached,
      points: deduct(w.breachedTickets, breached / rules.breachedTicketsFull),
    },
    {
      kind: 'csat',
      average: csatAverage,
      answers: csatCount,
      points: csatAverage === null ? 0 : deduct(w.csat, (5 - csatSum / csatCount) / 4),
    },
    {
      kind: 'nps',
      nps,
      answers: npsCount,
      points:
        nps === null ? 0 : deduct(w.nps, (100 - ((promoters - detractors) / npsCount) * 100) / 200),
    },
    {
      kind: 'overduePayments',
      count: overdueCount,
      amount: overdueFen / 100,
      points: deduct(w.overduePayments, overdueCount / rules.overdueFull),
    },
    {
      kind: 'renewal',
      days: renewalDays,
      endDate: renewalEnd,
      points: deduct(w.renewal, renewalShare),
    },
  ];
}

function scoreOf(parts: readonly HealthPart[]): number {
  let score = 100;
  for (const part of parts) score += part.points;
  return Math.max(0, Math.min(100, score));
}

/** The band a score is in: risk below `churnBelow`, watch below `watchBelow`, healthy from there. */
export function healthBand(
  score: number,
  rules: Pick<HealthScoringValue, 'churnBelow' | 'watchBelow'>,
): HealthBand {
  if (score < rules.churnBelow) return 'risk';
  if (score < rules.watchBelow) return 'watch';
  return 'healthy';
}

/**
 * The health of an account on `clock.now` under `rules`, from its records: the score, each part's deduction and
 * facts, the score `HEALTH_DROP_DAYS` days earlier, and whether it is a churn risk (score below `churnBelow`, or
 * at least `dropPoints` lower than 30 days ago).
 */
export function accountHealth(
  facts: HealthFacts,
  rules: HealthScoringValue,
  clock: HealthClock,
): AccountHealth {
  const parts = partsAt(facts, rules, clock.now, clock.utcOffsetMinutes, true);
  const score = scoreOf(parts);
  const previousScore = scoreOf(
    partsAt(facts, rules, clock.now - HEALTH_DROP_DAYS * DAY_MS, clock.utcOffsetMinutes, false),
  );
  const churnReasons: AccountHealth['churnReasons'] = [];
  if (score < rules.churnBelow) churnReasons.push('low');
  if (previousScore - score >= rules.dropPoints) churnReasons.push('drop');
  return {
    score,
    band: healthBand(score, rules),
    parts,
    previousScore,
    churnRisk: churnReasons.length > 0,
    churnReasons,
  };
}

import type { RecordMeta } from '../domain/base';
import type { Activity, Contact, Ticket } from '../domain/entities';

/**
 * Customer satisfaction (issue 21, "Satisfaction"): CSAT answers on tickets (1–5) and NPS answers per contact
 * (0–10, stored as `nps` activities). One place for the classification and the aggregates, read alike by the
 * ticket and contact pages, account health (shared/rules/health-score.ts) and the survey endpoints.
 */

export const NPS_CATEGORIES = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** Lowest and highest CSAT answer. */
export const CSAT_MIN = 1;
export const CSAT_MAX = 5;

/** Is `score` an NPS answer (an integer 0–10)? */
export function isNpsScore(score: unknown): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 10;
}

/** Is `score` a CSAT answer (an integer 1–5)? */
export function isCsatScore(score: unknown): score is number {
  return (
    typeof score === 'number' && Number.isInteger(score) && score >= CSAT_MIN && score <= CSAT_MAX
  );
}

/** NPS category of one answer: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, rounded to an integer (−100…100); null with no responses. */
  score: number | null;
}

/** NPS over a set of answers (scores outside 0–10 are ignored). */
export function npsSummary(scores: Iterable<number>): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (!isNpsScore(score)) continue;
    const category = npsCategory(score);
    if (category === 'promoter') promoters++;
    else if (category === 'passive') passives++;
    else detractors++;
  }
  const responses = promoters + passives + detractors;
  const score =
    responses === 0 ? null : Math.round(((promoters - detractors) * 100) / responses) || 0;
  return { responses, promoters, passives, detractors, score };
}

/** The NPS score (%promoters − %detractors, integer), null with no answers. */
export function npsScore(scores: Iterable<number>): number | null {
  return npsSummary(scores).score;
}

/** The NPS answers among activities: live `nps` activities with a score. */
export function npsScoresOf(
  activities: Iterable<Pick<Activity, 'type' | 'npsScore' | 'deleted'>>,
): number[] {
  const scores: number[] = [];
  for (const a of activities)
    if (!a.deleted && a.type === 'nps' && isNpsScore(a.npsScore)) scores.push(a.npsScore);
  return scores;
}

export interface CsatSummary {
  responses: number;
  /** Mean answer, rounded to one decimal (1.0–5.0); null with no answers. */
  average: number | null;
  /** Share of 4 and 5 answers in percent (integer); null with no answers. */
  satisfiedPercent: number | null;
}

/** CSAT over a set of answers (values outside 1–5 are ignored). */
export function csatSummary(scores: Iterable<number>): CsatSummary {
  let responses = 0;
  let sum = 0;
  let satisfied = 0;
  for (const score of scores) {
    if (!isCsatScore(score)) continue;
    responses++;
    sum += score;
    if (score >= 4) satisfied++;
  }
  if (responses === 0) return { responses, average: null, satisfiedPercent: null };
  return {
    responses,
    average: Math.round((sum * 10) / responses) / 10,
    satisfiedPercent: Math.round((satisfied * 100) / responses),
  };
}

/** The mean CSAT answer (one decimal), null with no answers. */
export function csatAverage(scores: Iterable<number>): number | null {
  return csatSummary(scores).average;
}

/** The CSAT answers of tickets: live tickets with an answer. */
export function csatScoresOf(tickets: Iterable<Pick<Ticket, 'csat' | 'deleted'>>): number[] {
  const scores: number[] = [];
  for (const t of tickets) if (!t.deleted && isCsatScore(t.csat)) scores.push(t.csat);
  return scores;
}

/** May a CSAT answer be recorded on the ticket? Only once it is resolved (or closed). */
export function mayRecordCsat(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status === 'resolved' || ticket.status === 'closed';
}

/** The fields of an `nps` activity recording a contact's answer (the app's form and the survey post alike). */
export function npsActivityFields(
  contact: Pick<Contact, 'id' | 'accountId'>,
  answer: { score: number; reason: string },
  now: number,
): Omit<Activity, keyof RecordMeta> {
  return {
    type: 'nps',
    subject: `NPS ${answer.score}`,
    body: answer.reason.trim(),
    outcome: '',
    nextStep: '',
    relatedType: 'contact',
    relatedId: contact.id,
    accountId: contact.accountId,
    occurredAt: now,
    dueDate: '',
    done: true,
    doneAt: now,
    npsScore: answer.score,
  };
}

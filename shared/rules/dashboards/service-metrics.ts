import {
  DEFAULT_SLA_POLICY,
  DEFAULT_SLA_POLICY_KEY,
  TICKET_PRIORITIES,
  type Activity,
  type Ticket,
} from '../../domain';
import type { BusinessCalendar } from '../business-hours';
import { businessDayOf } from '../campaign-metrics';
import { csatSummary, isCsatScore, isNpsScore, npsSummary, type NpsSummary } from '../satisfaction';
import { pickSlaPolicy, SLA_DONE_STATUSES, slaStatus, type SlaPolicyEntry } from '../sla';
import { DAY_MS } from '../working-calendar';
import { inDashboardPeriod } from './filters';

/**
 * The service dashboard's numbers (issue 22, "Service"): SLA compliance, the backlog by age and priority, first
 * response and resolution times, and the CSAT and NPS trends. Pure: the caller reads the tickets and `nps`
 * activities by index and passes the SLA settings and `now`.
 *
 * Decisions (the issue leaves them open):
 * - **Which tickets.** SLA compliance and response times count the tickets *created* in the period (their clocks
 *   started in it); the backlog is the open tickets *now* (a snapshot, whatever the period); CSAT counts answers
 *   recorded in the period (`csatAt`, else the resolution for answers from before `csatAt` existed); NPS the
 *   `nps` activities that occurred in it. Days are business days (UTC+8, campaign-metrics.ts `businessDayOf`).
 * - **Whose.** A ticket belongs to its agent: the assignee, else its owner. The team filter reaches the agents who
 *   are in the team *now* (`agents`): there is no membership history, so an agent who moved team mid-period
 *   takes all their tickets to the new team. An NPS answer belongs to the activity's owner.
 * - **SLA.** Clocks come from shared/rules/sla.ts `slaStatus`; a ticket breached its SLA when the server recorded
 *   a breach (`slaBreachedAt`, written once and never taken back) or a clock says breached; it met it when both
 *   clocks stopped in time. Still running and not breached: not counted yet. Compliance = met / (met + breached),
 *   null when nothing is decided. Tickets no policy applies to are left out of compliance.
 * - **Times.** Business time by the working calendar (sla.ts clocks: the resolution leaves out the customer's
 *   waits). Elapsed business time does not depend on a policy's targets, so tickets no policy applies to are
 *   measured with the standard policy's clocks. Backlog ages are wall-clock: customers wait on weekends too.
 * - **Reopened tickets.** The status decides: a reopened ticket is open (backlog, its clock running again from its
 *   creation), whatever `resolvedAt` it still carries; it counts as resolved again once it is.
 */

export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** What the service dashboard reads of a ticket. */
export type ServiceTicket = Pick<
  Ticket,
  | 'id'
  | 'subject'
  | 'status'
  | 'priority'
  | 'assigneeId'
  | 'ownerId'
  | 'accountId'
  | 'createdAt'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'csat'
  | 'csatAt'
  | 'slaPausedMs'
  | 'slaWaitingSince'
  | 'slaBreachedAt'
  | 'deleted'
>;

/** The fields of `ServiceTicket`, for projecting stored tickets onto it. */
export const SERVICE_TICKET_FIELDS = [
  'id',
  'subject',
  'status',
  'priority',
  'assigneeId',
  'ownerId',
  'accountId',
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'csat',
  'csatAt',
  'slaPausedMs',
  'slaWaitingSince',
  'slaBreachedAt',
  'deleted',
] as const satisfies readonly (keyof ServiceTicket)[];

/** What the service dashboard reads of an `nps` activity. */
export type ServiceNpsAnswer = Pick<
  Activity,
  'id' | 'type' | 'npsScore' | 'occurredAt' | 'ownerId' | 'deleted'
>;

export interface ServiceMetricsInput {
  /** Every ticket that may count (created or answered in the period, and the open ones); duplicates are fine. */
  tickets: readonly ServiceTicket[];
  /** The `nps` activities of the period (others are ignored). */
  npsAnswers: readonly ServiceNpsAnswer[];
  /** First and last business day of the period, inclusive ('YYYY-MM-DD'). */
  period: { start: string; end: string };
  /** The agents in scope (filters.ts `ownersInScope` of the team and owner filters); null = everyone. */
  agents: ReadonlySet<string> | null;
  /** The policies in force (sla.ts `effectiveSlaPolicies`) and each ticket's account tier by account id. */
  policies: readonly SlaPolicyEntry[];
  tiers: ReadonlyMap<string, string>;
  calendar: BusinessCalendar;
  now: number;
}

export interface SlaRow {
  priority: TicketPriority;
  /** Tickets created in the period that an SLA policy applies to. */
  tickets: number;
  met: number;
  breached: number;
  /** Not decided yet: a clock still running, no breach so far. */
  running: number;
  /** met / (met + breached), 0–1; null when none is decided. */
  compliance: number | null;
  firstResponseMet: number;
  firstResponseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
  ticketIds: string[];
  breachedIds: string[];
}

export const BACKLOG_AGE_BUCKETS = ['under1d', 'from1to3d', 'from3to7d', 'over7d'] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

export interface BacklogRow {
  bucket: BacklogAgeBucket;
  byPriority: Record<TicketPriority, number>;
  total: number;
  ticketIds: string[];
  idsByPriority: Record<TicketPriority, string[]>;
}

export interface ResponseTimeRow {
  priority: TicketPriority;
  firstResponses: number;
  /** Mean and median business ms to the first response; null with none. */
  firstResponseAvgMs: number | null;
  firstResponseMedianMs: number | null;
  resolutions: number;
  resolutionAvgMs: number | null;
  resolutionMedianMs: number | null;
  ticketIds: string[];
}

export interface CsatMonth {
  /** 'YYYY-MM' */
  month: string;
  responses: number;
  average: number | null;
  satisfiedPercent: number | null;
  ticketIds: string[];
}

export interface NpsMonth extends NpsSummary {
  month: string;
  activityIds: string[];
}

export interface ServiceMetrics {
  sla: { rows: SlaRow[]; total: Omit<SlaRow, 'priority'> };
  backlog: { rows: BacklogRow[]; total: number };
  responseTimes: { rows: ResponseTimeRow[]; total: Omit<ResponseTimeRow, 'priority'> };
  csat: {
    months: CsatMonth[];
    total: Omit<CsatMonth, 'month'>;
  };
  nps: { months: NpsMonth[]; total: Omit<NpsMonth, 'month'> };
}

/** The age bucket of an open ticket `ageMs` old: <1 d, 1–3 d, 3–7 d, >7 d (lower bounds inclusive). */
export function backlogAgeBucket(ageMs: number): BacklogAgeBucket {
  if (ageMs < DAY_MS) return 'under1d';
  if (ageMs < 3 * DAY_MS) return 'from1to3d';
  if (ageMs < 7 * DAY_MS) return 'from3to7d';
  return 'over7d';
}

/** The months 'YYYY-MM' from the period's first day to its last, in order (none for an inverted period). */
export function monthsOf(period: { start: string; end: string }): string[] {
  const out: string[] = [];
  if (!period.start || !period.end || period.start > period.end) return out;
  let year = Number(period.start.slice(0, 4));
  let month = Number(period.start.slice(5, 7));
  const last = period.end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}

/** The ticket's agent: its assignee, else its owner ('' when neither). */
export const ticketAgent = (t: Pick<ServiceTicket, 'assigneeId' | 'ownerId'>): string =>
  t.assigneeId || t.ownerId;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);

/** The middle value (the mean of the two middle ones for an even count), whole ms; null with none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

const perPriority = <T>(make: () => T): Record<TicketPriority, T> =>
  Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, make()])) as Record<TicketPriority, T>;

/** An unknown priority counts as 'normal', as the SLA targets do. */
const priorityOf = (t: ServiceTicket): TicketPriority =>
  TICKET_PRIORITIES.includes(t.priority) ? t.priority : 'normal';

const STANDARD_POLICY: SlaPolicyEntry = { key: DEFAULT_SLA_POLICY_KEY, value: DEFAULT_SLA_POLICY };

const SLA_COUNTS = [
  'tickets',
  'met',
  'breached',
  'running',
  'firstResponseMet',
  'firstResponseBreached',
  'resolutionMet',
  'resolutionBreached',
] as const satisfies readonly (keyof SlaRow)[];

function emptySla(priority: TicketPriority): SlaRow {
  return {
    priority,
    tickets: 0,
    met: 0,
    breached: 0,
    running: 0,
    compliance: null,
    firstResponseMet: 0,
    firstResponseBreached: 0,
    resolutionMet: 0,
    resolutionBreached: 0,
    ticketIds: [],
    breachedIds: [],
  };
}

/** Every number of the service dashboard (see the decisions above). */
export function serviceMetrics(input: ServiceMetricsInput): ServiceMetrics {
  const { period, agents, now } = input;
  const inPeriod = (day: string) => inDashboardPeriod(period, day);
  const inScope = (agent: string) => agents === null || agents.has(agent);

  const unique = new Map<string, ServiceTicket>();
  for (const t of input.tickets) if (!t.deleted && inScope(ticketAgent(t))) unique.set(t.id, t);
  const tickets = [...unique.values()];

  const sla = perPriority(() => emptySla('normal'));
  for (const p of TICKET_PRIORITIES) sla[p].priority = p;
  const frTimes = perPriority<number[]>(() => []);
  const resTimes = perPriority<number[]>(() => []);
  const timeIds = perPriority<string[]>(() => []);
  const backlog = BACKLOG_AGE_BUCKETS.map((bucket): BacklogRow => ({
    bucket,
    byPriority: perPriority(() => 0),
    total: 0,
    ticketIds: [],
    idsByPriority: perPriority<string[]>(() => []),
  }));
  const csatByMonth = new Map<string, { scores: number[]; ids: string[] }>();

  for (const t of tickets) {
    const priority = priorityOf(t);
    const done = SLA_DONE_STATUSES.includes(t.status);
    // A reopened ticket is open whatever resolvedAt it still carries: the status decides.
    const clockTicket = { ...t, resolvedAt: done ? t.resolvedAt : undefined };

    if (!done) {
      const row = backlog[BACKLOG_AGE_BUCKETS.indexOf(backlogAgeBucket(now - t.createdAt))];
      row.byPriority[priority]++;
      row.total++;
      row.ticketIds.push(t.id);
      row.idsByPriority[priority].push(t.id);
    }

    if (inPeriod(businessDayOf(t.createdAt))) {
      const policy = pickSlaPolicy(input.policies, input.tiers.get(t.accountId) ?? '');
      const status = slaStatus(clockTicket, policy ?? STANDARD_POLICY, input.calendar, now);
      if (policy) {
        const row = sla[priority];
        const { firstResponse: fr, resolution: res } = status;
        row.tickets++;
        row.ticketIds.push(t.id);
        if (fr.state === 'met') row.firstResponseMet++;
        if (fr.state === 'breached') row.firstResponseBreached++;
        if (res.state === 'met') row.resolutionMet++;
        if (res.state === 'breached') row.resolutionBreached++;
        if (t.slaBreachedAt > 0 || fr.state === 'breached' || res.state === 'breached') {
          row.breached++;
          row.breachedIds.push(t.id);
        } else if (fr.state === 'met' && res.state === 'met') row.met++;
        else row.running++;
      }
      timeIds[priority].push(t.id);
      if (status.firstResponse.stopped) frTimes[priority].push(status.firstResponse.elapsedMs);
      if (done && status.resolution.stopped) resTimes[priority].push(status.resolution.elapsedMs);
    }

    if (isCsatScore(t.csat)) {
      const answeredAt = t.csatAt || t.resolvedAt || 0;
      const day = answeredAt > 0 ? businessDayOf(answeredAt) : '';
      if (inPeriod(day)) {
        const month = day.slice(0, 7);
        let bucket = csatByMonth.get(month);
        if (!bucket) csatByMonth.set(month, (bucket = { scores: [], ids: [] }));
        bucket.scores.push(t.csat);
        bucket.ids.push(t.id);
      }
    }
  }

  const slaRows = TICKET_PRIORITIES.map((p) => {
    const row = sla[p];
    return { ...row, compliance: ratio(row.met, row.met + row.breached) };
  });
  const { priority: _all, ...slaTotal } = emptySla('normal');
  for (const row of slaRows) {
    for (const key of SLA_COUNTS) slaTotal[key] += row[key];
    slaTotal.ticketIds.push(...row.ticketIds);
    slaTotal.breachedIds.push(...row.breachedIds);
  }
  slaTotal.compliance = ratio(slaTotal.met, slaTotal.met + slaTotal.breached);

  const timeRow = (fr: number[], res: number[], ids: string[]) => ({
    firstResponses: fr.length,
    firstResponseAvgMs: mean(fr),
    firstResponseMedianMs: median(fr),
    resolutions: res.length,
    resolutionAvgMs: mean(res),
    resolutionMedianMs: median(res),
    ticketIds: ids,
  });
  const timeRows = TICKET_PRIORITIES.map((priority): ResponseTimeRow => ({
    priority,
    ...timeRow(frTimes[priority], resTimes[priority], timeIds[priority]),
  }));

  const months = monthsOf(period);
  const csatMonths = months.map((month): CsatMonth => {
    const bucket = csatByMonth.get(month) ?? { scores: [], ids: [] };
    const summary = csatSummary(bucket.scores);
    return { month, ...summary, ticketIds: bucket.ids };
  });
  const allCsat = [...csatByMonth.values()];
  const csatTotal = {
    ...csatSummary(allCsat.flatMap((b) => b.scores)),
    ticketIds: allCsat.flatMap((b) => b.ids),
  };

  const npsByMonth = new Map<string, { scores: number[]; ids: string[] }>();
  const seenNps = new Set<string>();
  for (const a of input.npsAnswers) {
    if (a.deleted || a.type !== 'nps' || !isNpsScore(a.npsScore) || seenNps.has(a.id)) continue;
    if (!inScope(a.ownerId)) continue;
    const day = businessDayOf(a.occurredAt);
    if (!inPeriod(day)) continue;
    seenNps.add(a.id);
    const month = day.slice(0, 7);
    let bucket = npsByMonth.get(month);
    if (!bucket) npsByMonth.set(month, (bucket = { scores: [], ids: [] }));
    bucket.scores.push(a.npsScore);
    bucket.ids.push(a.id);
  }
  const npsMonths = months.map((month): NpsMonth => {
    const bucket = npsByMonth.get(month) ?? { scores: [], ids: [] };
    return { month, ...npsSummary(bucket.scores), activityIds: bucket.ids };
  });
  const allNps = [...npsByMonth.values()];

  return {
    sla: { rows: slaRows, total: slaTotal },
    backlog: { rows: backlog, total: backlog.reduce((n, row) => n + row.total, 0) },
    responseTimes: {
      rows: timeRows,
      total: timeRow(
        TICKET_PRIORITIES.flatMap((p) => frTimes[p]),
        TICKET_PRIORITIES.flatMap((p) => resTimes[p]),
        TICKET_PRIORITIES.flatMap((p) => timeIds[p]),
      ),
    },
    csat: { months: csatMonths, total: csatTotal },
    nps: {
      months: npsMonths,
      total: {
        ...npsSummary(allNps.flatMap((b) => b.scores)),
        activityIds: allNps.flatMap((b) => b.ids),
      },
    },
  };
}

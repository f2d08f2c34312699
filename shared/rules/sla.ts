import { DEFAULT_SLA_POLICY, DEFAULT_SLA_POLICY_KEY, type SlaPolicyValue } from '../domain';
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from './business-hours';
import { inboxItemKey, type InboxItem } from './inbox-items';
import type { TeamDirectory } from './team-managers';
import { addDays, localDay } from './working-calendar';

/**
 * SLA clocks (issue 21). A ticket's policy (`pickSlaPolicy`) gives two targets in business minutes by its
 * priority: the first response and the resolution. Each clock counts the business time (business-hours.ts) from
 * the ticket's creation to its stop (the first response, the resolution) or to `now`; the resolution clock leaves
 * out the time the ticket waited on the customer (status `pending`: `slaPausedMs` so far, plus the wait going on
 * since `slaWaitingSince`). A clock is `ok`, `warning` (at `warnAtPercent` of its target), `breached`, or `met`
 * (stopped within its target). Everything takes an explicit `now`: the same answers on a laptop, on the server
 * and in a test with a controlled clock.
 */
export interface SlaPolicyEntry {
  /** The setting's key (the policy's id). */
  key: string;
  value: SlaPolicyValue;
}

export type SlaClockName = 'firstResponse' | 'resolution';
export type SlaState = 'ok' | 'warning' | 'breached' | 'met';

/** What the SLA rules read of a ticket. */
export interface SlaTicket {
  id: string;
  subject: string;
  status: string;
  priority: string;
  assigneeId: string;
  createdAt: number;
  firstResponseAt?: number;
  resolvedAt?: number;
  slaPausedMs: number;
  slaWaitingSince: number;
  deleted: boolean;
}

export interface SlaClock {
  name: SlaClockName;
  targetMs: number;
  /** Business time counted so far (pauses left out). */
  elapsedMs: number;
  /** Target minus elapsed: negative when overdue. */
  leftMs: number;
  state: SlaState;
  /** Stopped (responded, resolved): the clock no longer moves. */
  stopped: boolean;
  /** Waiting on the customer: the clock holds still until they answer. */
  paused: boolean;
  /** The instant the warning was or will be reached (Infinity: not while paused or stopped before it). */
  warnAt: number;
  /** The instant the breach was or will be reached (Infinity: not while paused or stopped before it). */
  breachAt: number;
}

export interface SlaStatus {
  policy: SlaPolicyEntry;
  firstResponse: SlaClock;
  resolution: SlaClock;
  /** The earliest warning instant reached by `now` (0: none yet): what the server records as `slaWarnedAt`. */
  warnedAt: number;
  /** The earliest breach instant reached by `now` (0: none yet): what the server records as `slaBreachedAt`. */
  breachedAt: number;
  /** When a clock next changes state by the clock alone (Infinity: not by the clock). */
  nextAt: number;
}

/** Ticket statuses whose resolution clock has stopped. */
export const SLA_DONE_STATUSES: readonly string[] = ['resolved', 'closed'];
/** The status of a ticket waiting on the customer: its resolution clock pauses. */
export const SLA_WAITING_STATUS = 'pending';

/** The policies in force: the stored ones, or the default policy while a workspace has stored none. */
export function effectiveSlaPolicies(stored: readonly SlaPolicyEntry[]): SlaPolicyEntry[] {
  return stored.length > 0
    ? [...stored].sort((a, b) => a.key.localeCompare(b.key))
    : [{ key: DEFAULT_SLA_POLICY_KEY, value: DEFAULT_SLA_POLICY }];
}

/**
 * The policy of a ticket of an account of `tier` ('' for no account or no tier): a policy naming the tier wins
 * over one for any tier (empty `tiers`); among equals the first by key. Null when none applies.
 */
export function pickSlaPolicy(
  policies: readonly SlaPolicyEntry[],
  tier: string,
): SlaPolicyEntry | null {
  const sorted = [...policies].sort((a, b) => a.key.localeCompare(b.key));
  return (
    (tier ? sorted.find((p) => (p.value.tiers as readonly string[]).includes(tier)) : undefined) ??
    sorted.find((p) => p.value.tiers.length === 0) ??
    null
  );
}

/** The targets of a priority (an unknown priority is held to 'normal'). */
function targetsOf(policy: SlaPolicyValue, priority: string) {
  return policy.targets[
    (priority in policy.targets ? priority : 'normal') as keyof SlaPolicyValue['targets']
  ];
}

/**
 * Keeps the customer-wait fields right on a status change (one function for the app's repository and the
 * server's write path): entering `pending` starts the wait (`slaWaitingSince` = now); leaving it adds the wait's
 * business time to `slaPausedMs`. Null when they are already right (a client that applied it, an unrelated edit).
 */
export function slaPauseChanges(
  ticket: Pick<SlaTicket, 'status' | 'slaWaitingSince' | 'slaPausedMs'>,
  now: number,
  calendar: BusinessCalendar,
): { slaWaitingSince: number; slaPausedMs: number } | null {
  const waiting = ticket.status === SLA_WAITING_STATUS;
  if (waiting && !ticket.slaWaitingSince)
    return { slaWaitingSince: now, slaPausedMs: ticket.slaPausedMs || 0 };
  if (!waiting && ticket.slaWaitingSince > 0)
    return {
      slaWaitingSince: 0,
      slaPausedMs:
        (ticket.slaPausedMs || 0) +
        businessMsBetween(ticket.slaWaitingSince, Math.max(now, ticket.slaWaitingSince), calendar),
    };
  return null;
}

function clockOf(
  name: SlaClockName,
  targetMs: number,
  warnPercent: number,
  ticket: SlaTicket,
  stopAt: number | undefined,
  pausedMs: number,
  waitingSince: number,
  calendar: BusinessCalendar,
  now: number,
): SlaClock {
  const stopped = stopAt !== undefined;
  const end = stopped ? Math.max(stopAt, ticket.createdAt) : now;
  const waitingNow = !stopped && waitingSince > 0;
  const current = waitingNow
    ? businessMsBetween(waitingSince, Math.max(end, waitingSince), calendar)
    : 0;
  const elapsedMs = Math.max(
    0,
    businessMsBetween(ticket.createdAt, end, calendar) - pausedMs - current,
  );
  const warnMs = Math.round((targetMs * warnPercent) / 100);
  const breached = stopped ? elapsedMs > targetMs : elapsedMs >= targetMs;
  const state: SlaState = breached
    ? 'breached'
    : stopped
      ? 'met'
      : elapsedMs >= warnMs
        ? 'warning'
        : 'ok';
  // A threshold already reached happened at the instant its business time was used up, counting the pauses so
  // far as before it (never later than the clock's end); one still ahead is reached only if the clock runs on.
  const instant = (ms: number) => {
    if (elapsedMs >= ms)
      return Math.min(addBusinessMs(ticket.createdAt, ms + pausedMs, calendar), end);
    if (stopped || waitingNow) return Infinity;
    return addBusinessMs(now, ms - elapsedMs, calendar);
  };
  return {
    name,
    targetMs,
    elapsedMs,
    leftMs: targetMs - elapsedMs,
    state,
    stopped,
    paused: waitingNow,
    warnAt: instant(warnMs),
    breachAt: breached || !stopped ? instant(targetMs) : Infinity,
  };
}

/**
 * Both clocks of a ticket under `policy` at `now`. The first response stops at `firstResponseAt` (a ticket that
 * is no longer new without one — created already answered — counts as answered at once); the resolution at
 * `resolvedAt` (or now, for a resolved or closed ticket without one).
 */
export function slaStatus(
  ticket: SlaTicket,
  policy: SlaPolicyEntry,
  calendar: BusinessCalendar,
  now: number,
): SlaStatus {
  const targets = targetsOf(policy.value, ticket.priority);
  const warn = policy.value.warnAtPercent;
  const done = SLA_DONE_STATUSES.includes(ticket.status);
  const responseStop =
    ticket.firstResponseAt ??
    (ticket.status !== 'new'
      ? done
        ? (ticket.resolvedAt ?? ticket.createdAt)
        : ticket.createdAt
      : undefined);
  const resolutionStop = ticket.resolvedAt ?? (done ? now : undefined);
  const firstResponse = clockOf(
    'firstResponse',
    targets.firstResponseMinutes * 60_000,
    warn,
    ticket,
    responseStop,
    0,
    0,
    calendar,
    now,
  );
  const resolution = clockOf(
    'resolution',
    targets.resolutionMinutes * 60_000,
    warn,
    ticket,
    resolutionStop,
    ticket.slaPausedMs || 0,
    ticket.slaWaitingSince || 0,
    calendar,
    now,
  );
  const reached = (pick: (c: SlaClock) => number) =>
    Math.min(...[firstResponse, resolution].map(pick).filter((t) => t <= now), Infinity);
  const warnedAt = reached((c) => c.warnAt);
  const breachedAt = reached((c) => c.breachAt);
  const nextAt = Math.min(
    ...[firstResponse, resolution].flatMap((c) => [c.warnAt, c.breachAt]).filter((t) => t > now),
    Infinity,
  );
  return {
    policy,
    firstResponse,
    resolution,
    warnedAt: Number.isFinite(warnedAt) ? warnedAt : 0,
    breachedAt: Number.isFinite(breachedAt) ? breachedAt : 0,
    nextAt,
  };
}

/** The clock a person watches: the first response until it stops, then the resolution. */
export function watchedClock(status: SlaStatus): SlaClock {
  return status.firstResponse.stopped ? status.resolution : status.firstResponse;
}

/** The fields only the server's sweep writes (slaRecordChanges); a client's write keeps the stored values. */
export const SLA_SWEEP_FIELDS = ['slaWarnedAt', 'slaBreachedAt'] as const;

/**
 * What the server's sweep records on a ticket (written once: a recorded value never changes): the warning and
 * breach instants reached by `now` that are not recorded yet. Null when there is nothing to record.
 */
export function slaRecordChanges(
  ticket: SlaTicket & { slaWarnedAt: number; slaBreachedAt: number },
  status: SlaStatus,
): { slaWarnedAt: number; slaBreachedAt: number } | null {
  const warnedAt = ticket.slaWarnedAt || status.warnedAt;
  const breachedAt = ticket.slaBreachedAt || status.breachedAt;
  if (warnedAt === ticket.slaWarnedAt && breachedAt === ticket.slaBreachedAt) return null;
  return { slaWarnedAt: warnedAt, slaBreachedAt: breachedAt };
}

/** The window before a contract's end in which its account counts as up for renewal (days). */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * A high-value account (issue 21): tier A, or an active contract ending within the next 90 days (a renewal in
 * play). Its urgent tickets escalate to the service manager at once.
 */
export function isHighValueAccount(
  account: { tier: string } | null,
  contracts: readonly { endDate: string; status: string; deleted: boolean }[],
  now: number,
  utcOffsetMinutes: number,
): boolean {
  if (account?.tier === 'A') return true;
  const today = localDay(now, utcOffsetMinutes);
  const until = addDays(today, RENEWAL_WINDOW_DAYS);
  return contracts.some(
    (c) => !c.deleted && c.status === 'active' && c.endDate >= today && c.endDate <= until,
  );
}

export interface SlaInboxContext {
  now: number;
  team: TeamDirectory;
  /** The ticket's account is high-value (isHighValueAccount). */
  highValue: boolean;
}

/**
 * The inbox items of a ticket's SLA (issue 21): for each clock, its warning and its breach go to the assignee;
 * a breach escalates to the assignee's managers (team-managers.ts: the service manager). An urgent ticket of a
 * high-value account escalates at once. Only open tickets raise items; a clock met in time raises none.
 */
export function slaInboxItems(
  ticket: SlaTicket,
  status: SlaStatus,
  ctx: SlaInboxContext,
): { items: InboxItem[]; nextAt: number } {
  if (ticket.deleted || SLA_DONE_STATUSES.includes(ticket.status))
    return { items: [], nextAt: Infinity };
  const items: InboxItem[] = [];
  const base = {
    recordCollection: 'tickets' as const,
    recordId: ticket.id,
    recordTitle: ticket.subject,
  };
  const params = (clock: SlaClock): Record<string, string> => ({
    clock: clock.name,
    priority: ticket.priority,
    policy: status.policy.value.name,
    assigneeId: ticket.assigneeId,
    percent: String(status.policy.value.warnAtPercent),
    breachAt: String(clock.breachAt),
  });
  const managers = ticket.assigneeId ? ctx.team.managersOf(ticket.assigneeId) : [];
  for (const clock of [status.firstResponse, status.resolution]) {
    if (clock.state === 'met') continue;
    if (clock.warnAt <= ctx.now && ticket.assigneeId)
      items.push({
        ...base,
        key: inboxItemKey('slaWarning', 'tickets', ticket.id, clock.name),
        kind: 'reminder',
        rule: 'slaWarning',
        recipientId: ticket.assigneeId,
        dueAt: clock.warnAt,
        params: params(clock),
      });
    if (clock.breachAt > ctx.now) continue;
    if (ticket.assigneeId)
      items.push({
        ...base,
        key: inboxItemKey('slaBreach', 'tickets', ticket.id, clock.name),
        kind: 'reminder',
        rule: 'slaBreach',
        recipientId: ticket.assigneeId,
        dueAt: clock.breachAt,
        params: params(clock),
      });
    for (const managerId of managers)
      items.push({
        ...base,
        key: inboxItemKey('slaBreachEscalation', 'tickets', ticket.id, clock.name),
        kind: 'escalation',
        rule: 'slaBreachEscalation',
        recipientId: managerId,
        dueAt: clock.breachAt,
        params: params(clock),
      });
  }
  if (ticket.priority === 'urgent' && ctx.highValue)
    for (const managerId of managers)
      items.push({
        ...base,
        key: inboxItemKey('slaUrgentEscalation', 'tickets', ticket.id, 'urgent'),
        kind: 'escalation',
        rule: 'slaUrgentEscalation',
        recipientId: managerId,
        dueAt: ticket.createdAt,
        params: params(watchedClock(status)),
      });
  return { items, nextAt: status.nextAt };
}

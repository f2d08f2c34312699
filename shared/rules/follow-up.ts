import type { Contract, FollowUpRulesValue } from '../domain/entities';
import { overdueAmount } from './contract-math';
import { inboxItemKey, type InboxItem } from './inbox-items';
import type { TeamDirectory } from './team-managers';
import {
  addDays,
  addWorkingMs,
  DAY_MS,
  everyDayCalendar,
  HOUR_MS,
  localDay,
  startOfLocalDay,
  subtractWorkingMs,
  type WorkingCalendar,
} from './working-calendar';

/**
 * Follow-up rules (issue 18): who must act on a record that nobody has touched for too long, and whom it escalates
 * to. Each function takes one record and returns its inbox items now plus `nextAt`, the next instant its items
 * change while the record does not (Infinity: never), so a caller can set one timer instead of polling.
 *
 * The lapse in each key is what starts the occurrence: the instant the idle time counts from (the last customer
 * activity, or the creation of a record without any), the due date of a task or of an instalment. A new activity
 * starts a new lapse (a new key); recomputing the same lapse gives the same key, so an escalation already raised
 * and dismissed is not raised again. Reminders go to the record's owner as it is now (a reassigned record reminds
 * its new owner); escalations to the owner's managers (`team-managers.ts`). Deleted records raise nothing, nor do
 * records without an owner.
 */
export interface FollowUpContext {
  now: number;
  rules: FollowUpRulesValue;
  /** The working calendar idle times count in (used when `rules.workingDaysOnly`; its offset always). */
  calendar: WorkingCalendar;
  team: TeamDirectory;
}

export interface RuleOutcome {
  items: InboxItem[];
  /** When this record's items change next by the clock alone (Infinity: not by the clock). */
  nextAt: number;
}

const NOTHING: RuleOutcome = { items: [], nextAt: Infinity };

export interface IdleLead {
  id: string;
  name: string;
  status: string;
  ownerId: string;
  createdAt: number;
  lastActivityAt: number;
  deleted: boolean;
}

export interface IdleDeal {
  id: string;
  name: string;
  status: string;
  stage: string;
  ownerId: string;
  createdAt: number;
  lastActivityAt: number;
  deleted: boolean;
}

export interface TaskLike {
  id: string;
  type: string;
  subject: string;
  done: boolean;
  dueDate: string;
  ownerId: string;
  relatedType: string;
  relatedId: string;
  deleted: boolean;
}

export interface CollectingContract extends Pick<Contract, 'amount' | 'paymentPlan' | 'payments'> {
  id: string;
  title: string;
  number: string;
  status: string;
  ownerId: string;
  collectionDueDate: string;
  deleted: boolean;
}

/** Lead statuses a "no activity" reminder watches: not yet qualified, disqualified or converted. */
export const LEAD_FOLLOW_UP_STATUSES = ['new', 'contacted'] as const;
/** Contract statuses whose overdue instalments are chased (a draft owes nothing yet; a terminated one is closed). */
export const COLLECTING_CONTRACT_STATUSES = ['active', 'expired'] as const;

/** The calendar idle time counts in: working days, or every day when an admin switched that off. */
export function idleCalendar(ctx: Pick<FollowUpContext, 'rules' | 'calendar'>): WorkingCalendar {
  return ctx.rules.workingDaysOnly ? ctx.calendar : everyDayCalendar(ctx.calendar.utcOffsetMinutes);
}

/** The instant a record's idle time counts from: its last customer activity, or its creation if later. */
export function idleSince(record: { createdAt: number; lastActivityAt: number }): number {
  return Math.max(record.createdAt, record.lastActivityAt);
}

/**
 * The latest `lastActivityAt` a record may have and already be due for a reminder after `thresholdMs` of idle
 * time: the upper bound of the indexed query for candidates (records created later are filtered in memory).
 */
export function idleCutoff(
  ctx: Pick<FollowUpContext, 'now' | 'rules' | 'calendar'>,
  thresholdMs: number,
): number {
  return subtractWorkingMs(ctx.now, thresholdMs, idleCalendar(ctx));
}

function idleItems(
  rule: string,
  collection: 'leads' | 'deals',
  record: { id: string; name: string; ownerId: string; createdAt: number; lastActivityAt: number },
  remindMs: number,
  escalateMs: number,
  params: Record<string, string>,
  ctx: FollowUpContext,
): RuleOutcome {
  const calendar = idleCalendar(ctx);
  const since = idleSince(record);
  const remindAt = addWorkingMs(since, remindMs, calendar);
  const escalateAt = addWorkingMs(remindAt, escalateMs, calendar);
  const items: InboxItem[] = [];
  const base = { recordCollection: collection, recordId: record.id, recordTitle: record.name };
  const common = { ...params, since: String(since) };
  if (ctx.now >= remindAt) {
    items.push({
      ...base,
      key: inboxItemKey(rule, collection, record.id, since),
      kind: 'reminder',
      rule,
      recipientId: record.ownerId,
      dueAt: remindAt,
      params: common,
    });
  }
  if (ctx.now >= escalateAt) {
    const key = inboxItemKey(`${rule}Escalation`, collection, record.id, since);
    for (const managerId of ctx.team.managersOf(record.ownerId)) {
      items.push({
        ...base,
        key,
        kind: 'escalation',
        rule: `${rule}Escalation`,
        recipientId: managerId,
        dueAt: escalateAt,
        params: { ...common, ownerId: record.ownerId },
      });
    }
  }
  const nextAt = ctx.now < remindAt ? remindAt : ctx.now < escalateAt ? escalateAt : Infinity;
  return { items, nextAt };
}

/** A new or contacted lead idle `remindAfterHours` → its owner; `escalateAfterHours` more → the owner's managers. */
export function leadFollowUps(lead: IdleLead, ctx: FollowUpContext): RuleOutcome {
  const rule = ctx.rules.leadNoActivity;
  if (!rule.enabled || lead.deleted || !lead.ownerId) return NOTHING;
  if (!(LEAD_FOLLOW_UP_STATUSES as readonly string[]).includes(lead.status)) return NOTHING;
  return idleItems(
    'leadNoActivity',
    'leads',
    lead,
    rule.remindAfterHours * HOUR_MS,
    rule.escalateAfterHours * HOUR_MS,
    { hours: String(rule.remindAfterHours) },
    ctx,
  );
}

/** The idle thresholds (days) of a deal in `stage`: the stage's override, or the rule's defaults. */
export function dealThresholds(
  rules: FollowUpRulesValue,
  stage: string,
): { remindAfterDays: number; escalateAfterDays: number } {
  const rule = rules.dealNoActivity;
  return rule.stages.find((s) => s.stageId === stage) ?? rule;
}

/** The smallest "remind after" of any stage: the widest bound of the indexed query for idle deals. */
export function shortestDealRemindDays(rules: FollowUpRulesValue): number {
  return Math.min(
    rules.dealNoActivity.remindAfterDays,
    ...rules.dealNoActivity.stages.map((s) => s.remindAfterDays),
  );
}

/** An open deal idle N working days (per stage) → its owner; M more → the owner's managers. */
export function dealFollowUps(deal: IdleDeal, ctx: FollowUpContext): RuleOutcome {
  if (!ctx.rules.dealNoActivity.enabled || deal.deleted || !deal.ownerId) return NOTHING;
  if (deal.status !== 'open') return NOTHING;
  const { remindAfterDays, escalateAfterDays } = dealThresholds(ctx.rules, deal.stage);
  return idleItems(
    'dealNoActivity',
    'deals',
    deal,
    remindAfterDays * DAY_MS,
    escalateAfterDays * DAY_MS,
    { days: String(remindAfterDays), stage: deal.stage },
    ctx,
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A task not done after its due date → its owner, from the start of the day after it was due. */
export function taskFollowUps(task: TaskLike, ctx: FollowUpContext): RuleOutcome {
  if (!ctx.rules.taskOverdue.enabled || task.deleted || task.done || task.type !== 'task')
    return NOTHING;
  if (!task.dueDate || !task.ownerId) return NOTHING;
  const offset = ctx.calendar.utcOffsetMinutes;
  const overdueAt = startOfLocalDay(addDays(task.dueDate, 1), offset);
  if (ctx.now < overdueAt) return { items: [], nextAt: overdueAt };
  const today = localDay(ctx.now, offset);
  return {
    items: [
      {
        key: inboxItemKey('taskOverdue', 'activities', task.id, task.dueDate),
        kind: 'reminder',
        rule: 'taskOverdue',
        recipientId: task.ownerId,
        recordCollection: 'activities',
        recordId: task.id,
        recordTitle: task.subject,
        dueAt: overdueAt,
        params: {
          dueDate: task.dueDate,
          days: String(daysBetween(task.dueDate, today)),
          relatedType: task.relatedType,
          relatedId: task.relatedId,
        },
      },
    ],
    nextAt: Infinity,
  };
}

/**
 * The earliest instalment not fully received is overdue (`collectionDueDate` before today) → the contract's owner;
 * overdue `escalateAfterDays` more days → the owner's managers. The lapse is that instalment's due date: once it is
 * paid the next instalment is a new lapse.
 */
export function paymentFollowUps(contract: CollectingContract, ctx: FollowUpContext): RuleOutcome {
  const rule = ctx.rules.paymentOverdue;
  if (!rule.enabled || contract.deleted || !contract.ownerId || !contract.collectionDueDate)
    return NOTHING;
  if (!(COLLECTING_CONTRACT_STATUSES as readonly string[]).includes(contract.status))
    return NOTHING;
  const offset = ctx.calendar.utcOffsetMinutes;
  const due = contract.collectionDueDate;
  const overdueAt = startOfLocalDay(addDays(due, 1), offset);
  const escalateAt = startOfLocalDay(addDays(due, 1 + rule.escalateAfterDays), offset);
  if (ctx.now < overdueAt) return { items: [], nextAt: overdueAt };
  const today = localDay(ctx.now, offset);
  const params = {
    dueDate: due,
    days: String(daysBetween(due, today)),
    amount: String(overdueAmount(contract, today)),
    number: contract.number,
  };
  const base = {
    recordCollection: 'contracts' as const,
    recordId: contract.id,
    recordTitle: contract.title,
  };
  const items: InboxItem[] = [
    {
      ...base,
      key: inboxItemKey('paymentOverdue', 'contracts', contract.id, due),
      kind: 'reminder',
      rule: 'paymentOverdue',
      recipientId: contract.ownerId,
      dueAt: overdueAt,
      params,
    },
  ];
  if (ctx.now >= escalateAt) {
    for (const managerId of ctx.team.managersOf(contract.ownerId)) {
      items.push({
        ...base,
        key: inboxItemKey('paymentOverdueEscalation', 'contracts', contract.id, due),
        kind: 'escalation',
        rule: 'paymentOverdueEscalation',
        recipientId: managerId,
        dueAt: escalateAt,
        params: { ...params, ownerId: contract.ownerId },
      });
    }
  }
  return { items, nextAt: ctx.now < escalateAt ? escalateAt : Infinity };
}

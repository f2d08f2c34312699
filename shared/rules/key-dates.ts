import type { FollowUpContext, RuleOutcome } from './follow-up';
import { inboxItemKey } from './inbox-items';
import { addDays, DAY_MS, localDay, startOfLocalDay } from './working-calendar';

/**
 * Key dates (issue 18): a contract's renewal windows before its end date, contacts' birthdays and customers'
 * anniversaries (from `customerSince`), each reminding the record's owner ahead of the date by its lead time. The
 * lapse is the occurrence: the end date and window for a renewal, the year for a birthday or anniversary, so next
 * year's birthday is a new item. An item shows from its lead time until the day itself, then goes.
 */
export interface RenewingContract {
  id: string;
  title: string;
  number: string;
  status: string;
  ownerId: string;
  endDate: string;
  deleted: boolean;
}

export interface BirthdayContact {
  id: string;
  name: string;
  ownerId: string;
  birthday: string;
  deleted: boolean;
}

export interface AnniversaryAccount {
  id: string;
  name: string;
  ownerId: string;
  customerSince: string;
  deleted: boolean;
}

const NOTHING: RuleOutcome = { items: [], nextAt: Infinity };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date 'MM-DD' falls on in `year` (29 February on the 28th in other years). */
function inYear(monthDay: string, year: number): string {
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/** The first day on or after `today` that is `monthDay` ('MM-DD'). */
export function nextOccurrence(monthDay: string, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = inYear(monthDay, year);
  return thisYear >= today ? thisYear : inYear(monthDay, year + 1);
}

/**
 * The 'MM-DD' ranges (inclusive) of the days from `today` to `leadDays` ahead, split at the year's end, for an
 * indexed query on `birthdayMonthDay` / `anniversaryMonthDay`. A range ending on 28 February of a common year
 * reaches the 29th, whose people celebrate on the 28th then.
 */
export function monthDayRanges(today: string, leadDays: number): [string, string][] {
  const end = addDays(today, leadDays);
  const stretch = (from: string, to: string): [string, string] => {
    const year = Number(to.slice(0, 4));
    const last = to.slice(5);
    return [from.slice(5), last === '02-28' && !isLeapYear(year) ? '02-29' : last];
  };
  if (end.slice(0, 4) === today.slice(0, 4)) return [stretch(today, end)];
  return [stretch(today, `${today.slice(0, 4)}-12-31`), stretch(`${end.slice(0, 4)}-01-01`, end)];
}

function dayStart(day: string, ctx: FollowUpContext): number {
  return startOfLocalDay(day, ctx.calendar.utcOffsetMinutes);
}

/**
 * An active contract ending within a renewal window (default 90/60/30 days before its end date) → its owner. Each
 * window is its own item; only the narrowest window reached shows (the 30-day item replaces the 60-day one), up to
 * and including the end date.
 */
export function renewalItems(contract: RenewingContract, ctx: FollowUpContext): RuleOutcome {
  const rule = ctx.rules.contractRenewal;
  if (!rule.enabled || contract.deleted || contract.status !== 'active') return NOTHING;
  if (!contract.endDate || !contract.ownerId) return NOTHING;
  const today = localDay(ctx.now, ctx.calendar.utcOffsetMinutes);
  const daysLeft = daysBetween(today, contract.endDate);
  if (daysLeft < 0) return NOTHING;
  const windows = [...rule.windowsDays].sort((a, b) => b - a);
  const reached = windows.filter((w) => daysLeft <= w);
  const upcoming = windows.filter((w) => daysLeft > w);
  const nextAt =
    upcoming.length > 0
      ? dayStart(addDays(contract.endDate, -upcoming[0]), ctx)
      : dayStart(addDays(contract.endDate, 1), ctx);
  if (reached.length === 0) return { items: [], nextAt };
  const window = reached[reached.length - 1];
  return {
    items: [
      {
        key: inboxItemKey(
          'contractRenewal',
          'contracts',
          contract.id,
          `${contract.endDate}/${window}`,
        ),
        kind: 'keyDate',
        rule: 'contractRenewal',
        recipientId: contract.ownerId,
        recordCollection: 'contracts',
        recordId: contract.id,
        recordTitle: contract.title,
        dueAt: dayStart(addDays(contract.endDate, -window), ctx),
        params: {
          endDate: contract.endDate,
          days: String(daysLeft),
          window: String(window),
          number: contract.number,
        },
      },
    ],
    nextAt,
  };
}

function yearlyItem(
  rule: 'birthday' | 'anniversary',
  collection: 'contacts' | 'accounts',
  record: { id: string; name: string; ownerId: string },
  date: string,
  leadDays: number,
  ctx: FollowUpContext,
): RuleOutcome {
  const today = localDay(ctx.now, ctx.calendar.utcOffsetMinutes);
  const occurrence = nextOccurrence(date.slice(5), today);
  const years = Number(occurrence.slice(0, 4)) - Number(date.slice(0, 4));
  const showFrom = addDays(occurrence, -leadDays);
  if (today < showFrom) return { items: [], nextAt: dayStart(showFrom, ctx) };
  if (rule === 'anniversary' && years < 1)
    return { items: [], nextAt: dayStart(addDays(occurrence, 1), ctx) };
  return {
    items: [
      {
        key: inboxItemKey(rule, collection, record.id, occurrence.slice(0, 4)),
        kind: 'keyDate',
        rule,
        recipientId: record.ownerId,
        recordCollection: collection,
        recordId: record.id,
        recordTitle: record.name,
        dueAt: dayStart(showFrom, ctx),
        params: {
          date: occurrence,
          days: String(daysBetween(today, occurrence)),
          years: String(years),
        },
      },
    ],
    nextAt: dayStart(addDays(occurrence, 1), ctx),
  };
}

/** A contact's birthday within `leadDays` (default 3) → the contact's owner. */
export function birthdayItems(contact: BirthdayContact, ctx: FollowUpContext): RuleOutcome {
  const rule = ctx.rules.birthday;
  if (!rule.enabled || contact.deleted || !contact.ownerId || !contact.birthday) return NOTHING;
  return yearlyItem('birthday', 'contacts', contact, contact.birthday, rule.leadDays, ctx);
}

/** A customer's anniversary (years since `customerSince`) within `leadDays` (default 7) → the account's owner. */
export function anniversaryItems(account: AnniversaryAccount, ctx: FollowUpContext): RuleOutcome {
  const rule = ctx.rules.anniversary;
  if (!rule.enabled || account.deleted || !account.ownerId || !account.customerSince)
    return NOTHING;
  return yearlyItem('anniversary', 'accounts', account, account.customerSince, rule.leadDays, ctx);
}

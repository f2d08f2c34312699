import type { InboxItem } from './inbox-items';

/**
 * When the inbox tells a person about new items (issue 18): desktop notifications for items not notified before
 * on this device, never a burst (more than `MAX_SINGLE_NOTIFICATIONS` new at once → one grouped notification), and
 * nothing during the person's quiet hours (held, then one grouped notification when they end). Pure: the clock, the
 * time zone and what was notified before are arguments; the caller shows the notifications and stores the state.
 */

/** More new items than this at once make one grouped notification ("12 follow-ups are overdue"). */
export const MAX_SINGLE_NOTIFICATIONS = 3;

/** Quiet hours as local wall-clock minutes after midnight; `start > end` spans midnight (22:00–08:00). */
export interface QuietHours {
  enabled: boolean;
  /** Minutes after local midnight, 0…1439. */
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: false, start: 22 * 60, end: 8 * 60 };

/** What a device remembers between runs: the keys it already notified (or held back) about. */
export interface NotifyState {
  notified: readonly string[];
  /** Items were held back by quiet hours: when they end, whatever is new goes out as one grouped notification. */
  holding: boolean;
}

export const EMPTY_NOTIFY_STATE: NotifyState = { notified: [], holding: false };

export type PlannedNotification =
  { kind: 'single'; item: InboxItem } | { kind: 'group'; items: readonly InboxItem[] };

export interface NotifyPlan {
  notifications: PlannedNotification[];
  state: NotifyState;
  /** When to decide again although nothing changed (the end of quiet hours while holding), or null. */
  recheckAt: number | null;
}

const DAY_MINUTES = 24 * 60;
const MINUTE_MS = 60_000;

/** Local minutes after midnight of `now` in a zone `utcOffsetMinutes` east of UTC (480 for China). */
function localMinutes(now: number, utcOffsetMinutes: number): number {
  const minutes = Math.floor((now + utcOffsetMinutes * MINUTE_MS) / MINUTE_MS);
  return ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Is `now` inside the quiet hours? Start is inclusive, end exclusive; equal start and end mean none. */
export function isQuietAt(quiet: QuietHours, now: number, utcOffsetMinutes: number): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const at = localMinutes(now, utcOffsetMinutes);
  return quiet.start < quiet.end
    ? at >= quiet.start && at < quiet.end
    : at >= quiet.start || at < quiet.end;
}

/** The first moment at or after `now` when the quiet hours end (their `end` minute, local time). */
export function quietHoursEnd(quiet: QuietHours, now: number, utcOffsetMinutes: number): number {
  const at = localMinutes(now, utcOffsetMinutes);
  const wait = (quiet.end - at + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
  const startOfMinute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  return startOfMinute + wait * MINUTE_MS;
}

/**
 * Which notifications to show now for the inbox's visible `items`. New are the items whose key this device has not
 * notified: up to three become one notification each, more become one grouped notification, and after quiet hours
 * everything held back becomes one (grouped when more than one). Items that left the inbox are forgotten, so the
 * remembered list stays as small as the inbox, and a snoozed item is notified again when it comes back.
 */
export function planNotifications(input: {
  items: readonly InboxItem[];
  state: NotifyState;
  now: number;
  quiet: QuietHours;
  utcOffsetMinutes: number;
}): NotifyPlan {
  const { items, state, now, quiet, utcOffsetMinutes } = input;
  const known = new Set(state.notified);
  const fresh = items.filter((item) => !known.has(item.key));
  // Remember only what is still in the inbox: an item done or dismissed never comes back under its key, and one
  // snoozed comes back as new, so the person is told when the snooze ends.
  const stillThere = new Set(items.map((item) => item.key));
  const kept = state.notified.filter((key) => stillThere.has(key));
  if (isQuietAt(quiet, now, utcOffsetMinutes)) {
    return {
      notifications: [],
      state: { notified: trim(kept), holding: state.holding || fresh.length > 0 },
      recheckAt: quietHoursEnd(quiet, now, utcOffsetMinutes),
    };
  }
  const notified = trim([...kept, ...fresh.map((item) => item.key)]);
  if (fresh.length === 0)
    return { notifications: [], state: { notified, holding: false }, recheckAt: null };
  const newestFirst = [...fresh].sort((a, b) => b.dueAt - a.dueAt);
  const grouped =
    newestFirst.length > MAX_SINGLE_NOTIFICATIONS || (state.holding && newestFirst.length > 1);
  return {
    notifications: grouped
      ? [{ kind: 'group', items: newestFirst }]
      : newestFirst.map((item) => ({ kind: 'single', item })),
    state: { notified, holding: false },
    recheckAt: null,
  };
}

/** The remembered keys are bounded (the newest kept): a device never grows its state without end. */
export const MAX_REMEMBERED_KEYS = 5000;
function trim(keys: string[]): string[] {
  return keys.length > MAX_REMEMBERED_KEYS ? keys.slice(keys.length - MAX_REMEMBERED_KEYS) : keys;
}

export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'nextWeek'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** The hour (local) a "tomorrow" or "next week" snooze ends. */
export const SNOOZE_MORNING_HOUR = 9;

/**
 * When a snooze chosen at `now` ends: in one hour, tomorrow at 09:00, or next Monday at 09:00 (a Monday snoozed
 * "next week" goes to the following Monday), local time in a zone `utcOffsetMinutes` east of UTC.
 */
export function snoozeUntil(choice: SnoozeChoice, now: number, utcOffsetMinutes: number): number {
  if (choice === 'hour') return now + 60 * MINUTE_MS;
  const offsetMs = utcOffsetMinutes * MINUTE_MS;
  const local = new Date(now + offsetMs);
  const day = local.getUTCDay(); // 0 Sunday … 6 Saturday
  const addDays = choice === 'tomorrow' ? 1 : (8 - day) % 7 || 7;
  const morning = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + addDays,
    SNOOZE_MORNING_HOUR,
  );
  return morning - offsetMs;
}

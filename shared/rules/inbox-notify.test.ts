import { describe, expect, it } from 'vitest';
import type { InboxItem } from './inbox-items';
import {
  EMPTY_NOTIFY_STATE,
  isQuietAt,
  planNotifications,
  quietHoursEnd,
  snoozeUntil,
  type NotifyState,
  type QuietHours,
} from './inbox-notify';

// Beijing time (UTC+8): 2026-12-07 is a Monday.
const CN = 480;
const at = (day: number, hour: number, minute = 0) =>
  Date.UTC(2026, 11, day, hour, minute) - CN * 60_000;

const item = (n: number, dueAt = at(7, 10)): InboxItem => ({
  key: `leadNoActivity:leads:lead-${n}:1`,
  kind: 'reminder',
  rule: 'leadNoActivity',
  recipientId: 'rep',
  recordCollection: 'leads',
  recordId: `lead-${n}`,
  recordTitle: `线索 ${n}`,
  dueAt: dueAt + n,
  params: {},
});
const items = (count: number) => Array.from({ length: count }, (_, i) => item(i + 1));
const night: QuietHours = { enabled: true, start: 22 * 60, end: 8 * 60 };
const off: QuietHours = { ...night, enabled: false };
const plan = (list: InboxItem[], state: NotifyState, now = at(7, 10), quiet = off) =>
  planNotifications({ items: list, state, now, quiet, utcOffsetMinutes: CN });

describe('planNotifications', () => {
  it('notifies up to three new items one by one, newest first, and remembers them', () => {
    const first = plan(items(3), EMPTY_NOTIFY_STATE);
    expect(
      first.notifications.map((n) => (n.kind === 'single' ? n.item.recordId : 'group')),
    ).toEqual(['lead-3', 'lead-2', 'lead-1']);
    expect(first.state.notified).toHaveLength(3);
    // Recomputed with nothing new: nothing more.
    expect(plan(items(3), first.state).notifications).toEqual([]);
  });

  it('groups more than three new items into one notification (a week offline)', () => {
    const result = plan(items(12), EMPTY_NOTIFY_STATE);
    expect(result.notifications).toHaveLength(1);
    expect(result.notifications[0]).toMatchObject({ kind: 'group' });
    expect(result.notifications[0].kind === 'group' && result.notifications[0].items).toHaveLength(
      12,
    );
  });

  it('notifies only the item that is new beside those already notified', () => {
    const before = plan(items(5), EMPTY_NOTIFY_STATE).state;
    const result = plan([...items(5), item(6)], before);
    expect(result.notifications).toEqual([{ kind: 'single', item: item(6) }]);
  });

  it('holds new items during quiet hours, then sends one grouped notification when they end', () => {
    const known = plan(items(1), EMPTY_NOTIFY_STATE).state;
    const atNight = plan(items(3), known, at(7, 23), night);
    expect(atNight.notifications).toEqual([]);
    expect(atNight.state.holding).toBe(true);
    expect(atNight.recheckAt).toBe(at(8, 8));
    // Still quiet at 07:59, more arrived: still held.
    const early = plan(items(4), atNight.state, at(8, 7, 59), night);
    expect(early.notifications).toEqual([]);
    const morning = plan(items(4), early.state, at(8, 8), night);
    expect(morning.notifications).toHaveLength(1);
    expect(
      morning.notifications[0].kind === 'group' && morning.notifications[0].items,
    ).toHaveLength(3);
    expect(morning.state.holding).toBe(false);
  });

  it('sends a single notification when quiet hours held back only one item', () => {
    const held = plan(items(1), EMPTY_NOTIFY_STATE, at(7, 23), night);
    expect(plan(items(1), held.state, at(8, 9), night).notifications).toEqual([
      { kind: 'single', item: item(1) },
    ]);
  });

  it('forgets items that left the inbox, so a snoozed item is notified again when it comes back', () => {
    const notified = plan(items(2), EMPTY_NOTIFY_STATE).state;
    const snoozed = plan([item(2)], notified);
    expect(snoozed.notifications).toEqual([]);
    expect(snoozed.state.notified).toEqual([item(2).key]);
    expect(plan(items(2), snoozed.state).notifications).toEqual([
      { kind: 'single', item: item(1) },
    ]);
  });
});

describe('quiet hours', () => {
  it('span midnight: 22:00 is quiet, 08:00 is not, and a disabled or empty range never is', () => {
    expect(isQuietAt(night, at(7, 22), CN)).toBe(true);
    expect(isQuietAt(night, at(8, 3), CN)).toBe(true);
    expect(isQuietAt(night, at(8, 8), CN)).toBe(false);
    expect(isQuietAt(night, at(7, 21, 59), CN)).toBe(false);
    expect(isQuietAt(off, at(8, 3), CN)).toBe(false);
    expect(isQuietAt({ enabled: true, start: 600, end: 600 }, at(8, 10), CN)).toBe(false);
  });

  it('within a day (12:00–14:00 lunch) and across time zones', () => {
    const lunch = { enabled: true, start: 12 * 60, end: 14 * 60 };
    expect(isQuietAt(lunch, at(7, 13), CN)).toBe(true);
    // 13:00 in Beijing is 06:00 in Berlin (UTC+1).
    expect(isQuietAt(lunch, at(7, 13), 60)).toBe(false);
    expect(quietHoursEnd(lunch, at(7, 13, 30), CN)).toBe(at(7, 14));
  });
});

describe('snoozeUntil', () => {
  it('one hour later', () => {
    expect(snoozeUntil('hour', at(7, 10, 15), CN)).toBe(at(7, 11, 15));
  });

  it('tomorrow at 09:00, local time (late at night too)', () => {
    expect(snoozeUntil('tomorrow', at(7, 10), CN)).toBe(at(8, 9));
    // 00:30 local on the 8th is still the 7th in UTC: tomorrow is the 9th, local.
    expect(snoozeUntil('tomorrow', at(8, 0, 30), CN)).toBe(at(9, 9));
  });

  it('next week: the next Monday at 09:00 (from a Monday, the Monday after; from Sunday, the next day)', () => {
    expect(snoozeUntil('nextWeek', at(7, 10), CN)).toBe(at(14, 9)); // Monday → next Monday
    expect(snoozeUntil('nextWeek', at(11, 18), CN)).toBe(at(14, 9)); // Friday
    expect(snoozeUntil('nextWeek', at(13, 20), CN)).toBe(at(14, 9)); // Sunday
    expect(snoozeUntil('nextWeek', at(12, 10), CN)).toBe(at(14, 9)); // Saturday
  });
});

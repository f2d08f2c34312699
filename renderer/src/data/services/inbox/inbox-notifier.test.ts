import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  EMPTY_NOTIFY_STATE,
  type InboxItem,
  type NotifyState,
  type PlannedNotification,
  type QuietHours,
} from '@shared/rules';
import type { InboxSnapshot } from './inbox-service';
import { InboxNotifier } from './inbox-notifier';

const item = (n: number): InboxItem => ({
  key: `taskOverdue:activities:t${n}:2026-12-01`,
  kind: 'reminder',
  rule: 'taskOverdue',
  recipientId: 'u1',
  recordCollection: 'activities',
  recordId: `t${n}`,
  recordTitle: `任务 ${n}`,
  dueAt: n,
  params: {},
});

/** An inbox the test sets by hand. */
function fakeInbox() {
  let snapshot: InboxSnapshot = {
    items: [],
    counts: {} as InboxSnapshot['counts'],
    total: 0,
    ready: false,
  };
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    set(items: InboxItem[], ready = true) {
      snapshot = { ...snapshot, items, total: items.length, ready };
      for (const listener of listeners) listener();
    },
  };
}

function setUp(quiet: QuietHours = DEFAULT_QUIET_HOURS) {
  const inbox = fakeInbox();
  const shown: PlannedNotification[] = [];
  let state: NotifyState = EMPTY_NOTIFY_STATE;
  const notifier = new InboxNotifier({
    inbox,
    show: (n) => {
      shown.push(n);
      return Promise.resolve();
    },
    loadState: () => state,
    saveState: (next) => {
      state = next;
    },
    quietHours: () => quiet,
    now: () => Date.now(),
    utcOffsetMinutes: () => 0,
  });
  notifier.start();
  return { inbox, shown, notifier };
}

describe('InboxNotifier', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the whole inbox, then notifies new items once, and groups a burst', () => {
    const { inbox, shown } = setUp();
    inbox.set([item(1)], false);
    expect(shown).toEqual([]);
    inbox.set([item(1), item(2)]);
    expect(shown.map((n) => n.kind)).toEqual(['single', 'single']);
    inbox.set([item(1), item(2)]);
    expect(shown).toHaveLength(2);
    inbox.set([item(1), item(2), ...[3, 4, 5, 6, 7].map(item)]);
    expect(shown.at(-1)).toMatchObject({ kind: 'group' });
    expect(shown).toHaveLength(3);
  });

  it('holds during quiet hours and sends one grouped notification when they end (a timer)', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 7, 23, 0) });
    const { inbox, shown, notifier } = setUp({ enabled: true, start: 22 * 60, end: 7 * 60 });
    inbox.set([item(1), item(2)]);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(8 * 3_600_000 - 1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([{ kind: 'group', items: [item(2), item(1)] }]);
    notifier.stop();
  });
});

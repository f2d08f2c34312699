import type { Observable, Subscription } from 'rxjs';
import type { InboxMark } from '@shared/domain';
import {
  INBOX_ITEM_KINDS,
  isHiddenByMark,
  type InboxItem,
  type InboxItemKind,
  type InboxMarkState,
} from '@shared/rules';
import type { InboxSource } from './inbox-source';

/** The marks the service reads and writes: `InboxMarkRepository` (tests pass a fake). */
export interface InboxMarkStore {
  mine(): Promise<InboxMark[]>;
  changes$(): Observable<unknown>;
  mark(itemKey: string, state: InboxMarkState, snoozedUntil?: number): Promise<unknown>;
  unmark(itemKey: string): Promise<void>;
}

export interface InboxSnapshot {
  /** What asks the person to act now (marks applied), the most recently due first. */
  items: readonly InboxItem[];
  counts: Readonly<Record<InboxItemKind, number>>;
  total: number;
  /** Every source has computed once and the marks are read: until then the inbox is not known to be empty. */
  ready: boolean;
}

export interface InboxServiceOptions {
  sources: readonly InboxSource[];
  marks: InboxMarkStore;
  viewerId: string;
  /** The clock (Date.now; Playwright's page clock controls it in the journeys). */
  now?: () => number;
  onError?: (what: string, error: unknown) => void;
}

/** setTimeout's longest delay; a snooze further away is re-armed when this one fires. */
const MAX_TIMER_MS = 2_147_483_647;

const zeroCounts = (): Record<InboxItemKind, number> =>
  Object.fromEntries(INBOX_ITEM_KINDS.map((kind) => [kind, 0])) as Record<InboxItemKind, number>;

/**
 * The inbox of the signed-in member (issue 18): merges the items of its sources, hides what the person marked done,
 * dismissed or snoozed (a snoozed item comes back at its time, by a timer), and offers the actions. A plain store
 * (subscribe/getSnapshot) so React reads it with useSyncExternalStore and tests drive it without React.
 */
export class InboxService {
  private readonly now: () => number;
  private readonly itemsBySource = new Map<string, readonly InboxItem[]>();
  /** Marks as stored, by item key; `optimistic` holds actions not yet read back from the replica. */
  private marks = new Map<string, InboxMark>();
  private readonly optimistic = new Map<
    string,
    { state: InboxMarkState; snoozedUntil: number } | null
  >();
  private marksRead = false;
  private snapshot: InboxSnapshot = { items: [], counts: zeroCounts(), total: 0, ready: false };
  private readonly listeners = new Set<() => void>();
  private stops: (() => void)[] = [];
  private marksSubscription: Subscription | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private readAgain = false;
  private started = false;

  constructor(private readonly options: InboxServiceOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.marksSubscription = this.options.marks.changes$().subscribe(() => void this.readMarks());
    void this.readMarks();
    for (const source of this.options.sources) {
      try {
        this.stops.push(
          source.start(this.options.viewerId, this.now, (items) => {
            this.itemsBySource.set(source.name, items);
            this.recompute();
          }),
        );
      } catch (error) {
        // One broken source leaves the others working (and counts as computed: empty).
        this.itemsBySource.set(source.name, []);
        this.options.onError?.(`start inbox source ${source.name}`, error);
      }
    }
  }

  stop(): void {
    this.started = false;
    for (const stop of this.stops.splice(0)) stop();
    this.marksSubscription?.unsubscribe();
    this.marksSubscription = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = (): InboxSnapshot => this.snapshot;

  done(item: InboxItem): Promise<void> {
    return this.act(item.key, { state: 'done', snoozedUntil: 0 });
  }

  dismiss(item: InboxItem): Promise<void> {
    return this.act(item.key, { state: 'dismissed', snoozedUntil: 0 });
  }

  /** Hidden until `until` (epoch ms; `snoozeUntil` in shared/rules computes the choices). */
  snooze(item: InboxItem, until: number): Promise<void> {
    return this.act(item.key, { state: 'snoozed', snoozedUntil: until });
  }

  /** Takes back what was done with the item: it is in the inbox again, on every laptop. */
  async undo(item: InboxItem): Promise<void> {
    this.optimistic.set(item.key, null);
    this.recompute();
    try {
      await this.options.marks.unmark(item.key);
    } finally {
      await this.readMarks();
    }
  }

  private async act(
    key: string,
    mark: { state: InboxMarkState; snoozedUntil: number },
  ): Promise<void> {
    // Shown at once; the replica write follows (and syncs to the person's other laptops).
    this.optimistic.set(key, mark);
    this.recompute();
    try {
      await this.options.marks.mark(key, mark.state, mark.snoozedUntil);
    } finally {
      await this.readMarks();
    }
  }

  /** Reads the person's marks again; calls that arrive while reading coalesce into one more read. */
  private async readMarks(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.readAgain = false;
        const marks = await this.options.marks.mine();
        this.marks = new Map(marks.map((mark) => [mark.itemKey, mark]));
        this.optimistic.clear();
        this.marksRead = true;
        if (this.started) this.recompute();
      } while (this.readAgain);
    } catch (error) {
      this.options.onError?.('read inbox marks', error);
    } finally {
      this.reading = false;
    }
  }

  private markOf(key: string): { state: InboxMarkState; snoozedUntil: number } | undefined {
    if (this.optimistic.has(key)) return this.optimistic.get(key) ?? undefined;
    return this.marks.get(key);
  }

  private recompute(): void {
    const now = this.now();
    const byKey = new Map<string, InboxItem>();
    for (const items of this.itemsBySource.values())
      for (const item of items) if (!byKey.has(item.key)) byKey.set(item.key, item);
    const visible: InboxItem[] = [];
    let nextWake = Infinity;
    for (const item of byKey.values()) {
      const mark = this.markOf(item.key);
      if (!isHiddenByMark(mark, now)) visible.push(item);
      else if (mark?.state === 'snoozed') nextWake = Math.min(nextWake, mark.snoozedUntil);
    }
    visible.sort((a, b) => b.dueAt - a.dueAt || a.key.localeCompare(b.key));
    const counts = zeroCounts();
    for (const item of visible) counts[item.kind] += 1;
    this.snapshot = {
      items: visible,
      counts,
      total: visible.length,
      ready: this.marksRead && this.itemsBySource.size >= this.options.sources.length,
    };
    this.armTimer(nextWake, now);
    for (const listener of [...this.listeners]) listener();
  }

  /** A snoozed item comes back at its time even when nothing else changes. */
  private armTimer(at: number, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.started || !Number.isFinite(at)) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.recompute();
      },
      Math.min(Math.max(0, at - now), MAX_TIMER_MS),
    );
  }
}

import type { Subscription } from 'rxjs';
import type { SalesDeal } from '@shared/rules/dashboards/filters';
import type {
  DealFeedCheckpoint,
  DealRepository,
  SalesDealChange,
} from '../../repositories/deal-repository';
import {
  encodeSalesSnapshot,
  type SalesSnapshot,
  type StoredSalesSnapshot,
} from './sales-deal-snapshot';

/** What the sales dashboard reads: every deal of the replica (not deleted), and a number that changes with them. */
export interface SalesDealsView {
  /** A new array after every change (the old one is never written again): safe to memoize on. */
  deals: readonly SalesDeal[];
  version: number;
}

/** One deal's change between two views (null before: new; null after: gone). */
export interface SalesDealEdit {
  before: SalesDeal | null;
  after: SalesDeal | null;
}

/** Views whose edits are kept for `changesSince` (a reader further behind starts over from `deals`). */
const KEPT_VIEWS = 64;
/** Past this many edits in one view (a large catch-up) the edits are not kept: starting over is as cheap. */
const MAX_EDITS_PER_VIEW = 5_000;

/** Snapshot deals indexed between two yields to the page. */
const SNAPSHOT_SLICE = 20_000;

export type SalesSourceMeasure = 'snapshot' | 'catch-up' | 'full-read' | 'change' | 'save';

/** Where the source keeps its head start between sessions (SalesSnapshotStore; none in some tests). */
export interface SalesSnapshotPort {
  read(): Promise<SalesSnapshot | null>;
  write(snapshot: StoredSalesSnapshot): Promise<void>;
  close(): Promise<void>;
}

export interface SalesDealSourceOptions {
  deals: Pick<DealRepository, 'salesDealsSince' | 'salesDealChanges$'>;
  snapshots?: SalesSnapshotPort | null;
  /** Deals read per page of the change feed (one IndexedDB transaction each, a yield to the page between). */
  pageSize?: number;
  /** Save the snapshot this long after the last change (and at least this often while changes keep coming). */
  saveDelayMs?: number;
  saveMaxWaitMs?: number;
  /** How long each step took (ms): the B8 benchmark reads it. */
  onMeasure?: (what: SalesSourceMeasure, ms: number) => void;
  onError?: (what: string, error: unknown) => void;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Feed order: RxDB's local write time, then id (getChangedDocumentsSince sorts so). */
function isAfter(position: DealFeedCheckpoint, checkpoint: DealFeedCheckpoint | null): boolean {
  if (!checkpoint) return true;
  return (
    position.lwt > checkpoint.lwt ||
    (position.lwt === checkpoint.lwt && position.id > checkpoint.id)
  );
}

/**
 * The sales dashboard's deals in memory, one per replica (issue 22, BENCHMARKS.md B8): loaded once — from its
 * snapshot, then caught up through the replica's change feed; without a snapshot, from the whole feed in pages —
 * and then kept current from the change stream, one deal at a time (a map from id to position, so an edit is a
 * constant-time replace plus a copy of the array's pointers). The metrics recompute from `deals`, a pass over
 * small objects; nothing here reads a whole collection after the first load.
 */
export class SalesDealSource {
  private deals: SalesDeal[] = [];
  /** `deals` was handed out in a view: the next write copies it first. */
  private published = false;
  private readonly indexById = new Map<string, number>();
  /**
   * The write time of the newest state applied per deal (removed ones too). RxDB stamps a write's time when it is
   * issued, and two writes can commit out of that order (a replication bulk and a local write), so an event is
   * judged against its own deal's last state, never against the feed checkpoint: a late commit with an older stamp
   * is still applied, and an older state never overwrites a newer one.
   */
  private readonly lwtById = new Map<string, number>();
  private checkpoint: DealFeedCheckpoint | null = null;
  private view: SalesDealsView | undefined;
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private live = false;
  private pending: SalesDealChange[] = [];
  private subscription: Subscription | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt = 0;
  private saving: Promise<void> | null = null;
  private stopped = false;
  /** Edits since the last view (null: too many to keep), and the kept views' edits in version order. */
  private edits: SalesDealEdit[] | null = [];
  private readonly log: { version: number; edits: readonly SalesDealEdit[] }[] = [];
  /** The oldest version `changesSince` can answer from. */
  private logBase = Number.POSITIVE_INFINITY;

  constructor(private readonly options: SalesDealSourceOptions) {}

  /** For useSyncExternalStore: the first subscriber starts the load. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start().catch(() => undefined);
    return () => void this.listeners.delete(listener);
  };

  /** The current deals; undefined until the first load is complete (a partial set would show wrong numbers). */
  readonly getView = (): SalesDealsView | undefined => this.view;

  /**
   * The edits from view `version` to the current one, in order (what an incremental reader applies to catch up);
   * null when they are no longer kept (the reader recounts from `deals`).
   */
  changesSince(version: number): readonly SalesDealEdit[] | null {
    if (version === this.version) return [];
    if (version < this.logBase || version > this.version) return null;
    return this.log.filter((entry) => entry.version > version).flatMap((entry) => entry.edits);
  }

  /** Loads once; resolves when the deals are current (snapshot caught up, or the whole feed read). */
  start(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** Stops following the replica; `save` writes the snapshot first if something changed since the last one. */
  async stop(options: { save: boolean }): Promise<void> {
    if (this.stopped) return;
    if (options.save && this.live && this.saveTimer) await this.save().catch(() => undefined);
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.saving?.catch(() => undefined);
    await this.options.snapshots?.close().catch(() => undefined);
    this.listeners.clear();
  }

  private measure(what: SalesSourceMeasure, since: number): void {
    this.options.onMeasure?.(what, performance.now() - since);
  }

  private async load(): Promise<void> {
    // Subscribe before reading, so nothing written meanwhile is missed (applied once the read is done).
    this.subscription = this.options.deals
      .salesDealChanges$()
      .subscribe((changes) => this.onChanges(changes));
    let started = performance.now();
    const snapshot = await this.readSnapshot();
    if (this.stopped) return;
    let changed: number;
    if (snapshot) {
      // In slices with a yield between: indexing every deal of a large set in one go held the page (a long task).
      const deals = snapshot.deals;
      for (let i = 0; i < deals.length; i++) {
        this.put(deals[i]);
        if ((i + 1) % SNAPSHOT_SLICE === 0) {
          await yieldToPage();
          if (this.stopped) return;
        }
      }
      this.checkpoint = snapshot.checkpoint;
      this.measure('snapshot', started);
      this.publish();
      started = performance.now();
      changed = await this.catchUp();
      this.measure('catch-up', started);
    } else {
      changed = await this.catchUp();
      this.measure('full-read', started);
    }
    if (this.stopped) return;
    this.live = true;
    const pending = this.pending;
    this.pending = [];
    changed += this.applyChanges(pending);
    if (changed > 0 || !snapshot) this.publish();
    if (changed > 0) this.scheduleSave(0);
    // A user-timing mark: the deals are current (the B8 benchmark edits only after it).
    performance.mark('crm:sales-source-live');
  }

  private async readSnapshot(): Promise<SalesSnapshot | null> {
    if (!this.options.snapshots) return null;
    try {
      return await this.options.snapshots.read();
    } catch (error) {
      this.options.onError?.('read the sales snapshot', error);
      return null;
    }
  }

  /** Reads the change feed after the checkpoint to its end; returns how many deals it applied. */
  private async catchUp(): Promise<number> {
    const pageSize = this.options.pageSize ?? 2000;
    let applied = 0;
    for (;;) {
      const page = await this.options.deals.salesDealsSince(this.checkpoint, pageSize);
      if (this.stopped) return applied;
      page.deals.forEach((deal, i) => this.apply(deal.id, deal, page.lwts[i]));
      applied += page.deals.length;
      this.checkpoint = page.checkpoint;
      if (page.deals.length < pageSize) return applied;
      await yieldToPage();
    }
  }

  private onChanges(changes: SalesDealChange[]): void {
    if (this.stopped) return;
    if (!this.live) {
      this.pending.push(...changes);
      return;
    }
    const started = performance.now();
    if (this.applyChanges(changes) === 0) return;
    // A user-timing mark: B8 times from it to the dashboard's numbers changing on screen.
    performance.mark('crm:sales-deals-changed');
    this.publish();
    this.measure('change', started);
    this.scheduleSave(this.options.saveDelayMs ?? 5_000);
  }

  /** Applies the changes newer than what each deal already shows; returns how many. */
  private applyChanges(changes: readonly SalesDealChange[]): number {
    let applied = 0;
    for (const change of changes) {
      if (isAfter(change.position, this.checkpoint)) this.checkpoint = change.position;
      if (this.apply(change.id, change.deal, change.position.lwt)) applied += 1;
    }
    return applied;
  }

  /** One deal's state at write time `lwt` (null: gone); false when the deal already shows a newer state. */
  private apply(id: string, deal: SalesDeal | null, lwt: number): boolean {
    const known = this.lwtById.get(id);
    if (known !== undefined && known > lwt) return false;
    this.lwtById.set(id, lwt);
    if (deal) this.put(deal);
    else this.remove(id);
    return true;
  }

  private writable(): SalesDeal[] {
    if (this.published) {
      this.deals = this.deals.slice();
      this.published = false;
    }
    return this.deals;
  }

  private put(deal: SalesDeal): void {
    if (deal.deleted) return this.remove(deal.id);
    const deals = this.writable();
    const at = this.indexById.get(deal.id);
    this.record(at === undefined ? null : deals[at], deal);
    if (at === undefined) {
      this.indexById.set(deal.id, deals.length);
      deals.push(deal);
    } else deals[at] = deal;
  }

  /** Notes an edit for `changesSince` once there is a view to be behind of. */
  private record(before: SalesDeal | null, after: SalesDeal | null): void {
    if (!this.view || !this.edits) return;
    if (this.edits.length >= MAX_EDITS_PER_VIEW) this.edits = null;
    else this.edits.push({ before, after });
  }

  /** Swap-remove: the last deal takes the removed one's place (order carries no meaning). */
  private remove(id: string): void {
    const at = this.indexById.get(id);
    if (at === undefined) return;
    const deals = this.writable();
    this.record(deals[at], null);
    const last = deals.pop() as SalesDeal;
    this.indexById.delete(id);
    if (at < deals.length) {
      deals[at] = last;
      this.indexById.set(last.id, at);
    }
  }

  private publish(): void {
    this.published = true;
    this.version += 1;
    if (!this.view || !this.edits) {
      this.log.length = 0;
      this.logBase = this.version;
    } else {
      this.log.push({ version: this.version, edits: this.edits });
      if (this.log.length > KEPT_VIEWS) this.logBase = this.log.shift()!.version;
    }
    this.edits = [];
    this.view = { deals: this.deals, version: this.version };
    for (const listener of [...this.listeners]) listener();
  }

  private scheduleSave(delayMs: number): void {
    if (!this.options.snapshots || this.stopped) return;
    const now = performance.now();
    if (!this.saveTimer) this.firstUnsavedAt = now;
    else clearTimeout(this.saveTimer);
    const maxWait = this.options.saveMaxWaitMs ?? 60_000;
    const wait = Math.max(0, Math.min(delayMs, this.firstUnsavedAt + maxWait - now));
    this.saveTimer = setTimeout(() => {
      this.save().catch((error: unknown) =>
        this.options.onError?.('save the sales snapshot', error),
      );
    }, wait);
  }

  /** Writes the deals as they are now with the checkpoint they are current to. */
  private async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const snapshots = this.options.snapshots;
    if (!snapshots || !this.checkpoint) return;
    await this.saving?.catch(() => undefined);
    const started = performance.now();
    // The array is frozen from here on (the next change copies it): encode exactly what the checkpoint covers.
    this.published = true;
    const stored = encodeSalesSnapshot(this.deals, this.checkpoint);
    this.saving = snapshots.write(stored);
    await this.saving;
    performance.mark('crm:sales-snapshot-saved');
    this.measure('save', started);
  }
}

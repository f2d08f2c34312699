import {
  NgramIndex,
  type AccountListFilter,
  type AccountListSort,
  type IndexHit,
  type IndexSnapshot,
  type IndexStats,
} from './ngram-index';
import type { SearchDoc, SearchKind } from './search-text';

/** RxDB's change-feed position of one collection (`_meta.lwt` + id of the last document seen). */
export interface FeedCheckpoint {
  id: string;
  lwt: number;
}
export type FeedCheckpoints = Partial<Record<SearchKind, FeedCheckpoint>>;

/** Messages the main thread sends; those with `reqId` get exactly one reply. */
export type HostRequest =
  | { type: 'open'; reqId: number; name: string; persist: boolean }
  | { type: 'apply'; docs: SearchDoc[]; checkpoints?: FeedCheckpoints }
  | { type: 'caughtUp' }
  | { type: 'search'; reqId: number; query: string; perKind: number }
  | { type: 'matchIds'; reqId: number; kind: SearchKind; query: string }
  | {
      type: 'matchAccounts';
      reqId: number;
      query: string;
      filter: AccountListFilter;
      sort: AccountListSort;
    }
  | { type: 'countAccounts'; reqId: number; query: string; filter: AccountListFilter }
  | { type: 'stats'; reqId: number }
  | { type: 'flush'; reqId: number }
  | { type: 'drop'; reqId: number };

export interface OpenResult {
  checkpoints: FeedCheckpoints;
  documents: number;
  fromSnapshot: boolean;
  loadMs: number;
}

export interface HostStats extends IndexStats {
  snapshotSavedAt: number | null;
  lastSaveMs: number | null;
}

export type HostReply =
  { reqId: number; ok: true; value: unknown } | { reqId: number; ok: false; error: string };

/** Bump when what is indexed or how changes: older snapshots are ignored and the index is rebuilt. */
const SNAPSHOT_FORMAT = 2;
const STORE = 'snapshots';
const KEY = 'index';
/** Save a snapshot this long after the last change (and at least this often while changes keep coming). */
const SAVE_DELAY_MS = 5_000;
const SAVE_MAX_WAIT_MS = 60_000;

interface StoredSnapshot {
  format: number;
  checkpoints: FeedCheckpoints;
  index: IndexSnapshot;
}

function openStore(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

function idbRequest<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = run(tx.objectStore(STORE));
    let result: T;
    request.onsuccess = () => {
      result = request.result;
    };
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? new Error('indexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
  });
}

/**
 * Owns the search index where it runs (a Web Worker in the app; in-process in tests): applies changes fed
 * by the main thread, answers queries, and keeps a snapshot with the change-feed checkpoints in its own
 * IndexedDB database so the next start loads it instead of re-reading the replica.
 */
export class SearchHost {
  private index = new NgramIndex();
  private checkpoints: FeedCheckpoints = {};
  private db: IDBDatabase | null = null;
  private caughtUp = false;
  private dirty = false;
  private firstDirtyAt = 0;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private snapshotSavedAt: number | null = null;
  private lastSaveMs: number | null = null;
  private dbName = '';

  async handle(message: HostRequest): Promise<unknown> {
    switch (message.type) {
      case 'open':
        return this.open(message.name, message.persist);
      case 'apply':
        this.index.apply(message.docs);
        if (message.checkpoints) Object.assign(this.checkpoints, message.checkpoints);
        this.markDirty();
        return undefined;
      case 'caughtUp':
        this.caughtUp = true;
        this.markDirty();
        return undefined;
      case 'search':
        return this.index.search(message.query, message.perKind) satisfies IndexHit[];
      case 'matchIds':
        return this.index.matchIds(message.kind, message.query);
      case 'matchAccounts':
        return this.index.matchAccounts(message.query, message.filter, message.sort);
      case 'countAccounts':
        return this.index.countAccounts(message.query, message.filter);
      case 'stats':
        return {
          ...this.index.stats(),
          snapshotSavedAt: this.snapshotSavedAt,
          lastSaveMs: this.lastSaveMs,
        } satisfies HostStats;
      case 'flush':
        await this.save();
        return undefined;
      case 'drop':
        return this.drop();
    }
  }

  private async open(name: string, persist: boolean): Promise<OpenResult> {
    const started = performance.now();
    this.dbName = name;
    if (!persist || typeof indexedDB === 'undefined')
      return { checkpoints: {}, documents: 0, fromSnapshot: false, loadMs: 0 };
    try {
      this.db = await openStore(name);
      const stored = await idbRequest<StoredSnapshot | undefined>(
        this.db,
        'readonly',
        (s) => s.get(KEY) as IDBRequest<StoredSnapshot | undefined>,
      );
      if (stored && stored.format === SNAPSHOT_FORMAT) {
        this.index = NgramIndex.fromSnapshot(stored.index);
        this.checkpoints = stored.checkpoints;
        return {
          checkpoints: this.checkpoints,
          documents: this.index.size,
          fromSnapshot: true,
          loadMs: performance.now() - started,
        };
      }
    } catch {
      // A damaged or unreadable snapshot only costs a rebuild from the replica.
      this.index = new NgramIndex();
      this.checkpoints = {};
    }
    return {
      checkpoints: {},
      documents: 0,
      fromSnapshot: false,
      loadMs: performance.now() - started,
    };
  }

  private markDirty(): void {
    if (!this.db || !this.caughtUp) return;
    const now = Date.now();
    if (!this.dirty) this.firstDirtyAt = now;
    this.dirty = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const wait = Math.max(0, Math.min(SAVE_DELAY_MS, this.firstDirtyAt + SAVE_MAX_WAIT_MS - now));
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      // A failed save is logged; the next change saves the whole index again.
      void this.save().catch((error: unknown) => console.error('[crm search] save failed', error));
    }, wait);
  }

  /** Writes a compacted snapshot (and adopts it: dead entries and growth slack are dropped from memory). */
  async save(): Promise<void> {
    if (this.saving) await this.saving;
    if (!this.db || !this.caughtUp || !this.dirty) return;
    const db = this.db;
    this.dirty = false;
    this.saving = (async () => {
      const started = performance.now();
      const snapshot = this.index.export();
      this.index = NgramIndex.fromSnapshot(snapshot);
      const value: StoredSnapshot = {
        format: SNAPSHOT_FORMAT,
        checkpoints: { ...this.checkpoints },
        index: snapshot,
      };
      await idbRequest(db, 'readwrite', (s) => s.put(value, KEY));
      this.snapshotSavedAt = Date.now();
      this.lastSaveMs = performance.now() - started;
    })();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  private async drop(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.dirty = false;
    this.db?.close();
    this.db = null;
    this.index = new NgramIndex();
    if (this.dbName && typeof indexedDB !== 'undefined') {
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(this.dbName);
        request.onsuccess = () => resolve();
        request.onerror = () => resolve();
        request.onblocked = () => resolve();
      });
    }
  }
}

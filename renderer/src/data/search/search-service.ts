import type { RxCollection } from 'rxdb';
import { readChangeFeed } from '../change-feed';
import type { Subscription } from 'rxjs';
import type { CrmDatabase } from '../database';
import type { AccountListFilter, AccountListSort, IndexHit } from './ngram-index';
import {
  SearchHost,
  type FeedCheckpoint,
  type HostReply,
  type HostRequest,
  type HostStats,
  type OpenResult,
} from './search-host';
import { SEARCH_KINDS, searchDocOf, type SearchKind } from './search-text';

/** What repositories and global search need from the index (repositories/entity-repository.ts TextIndex). */
export interface TextIndex {
  /** Ids of the records of a kind matching a text query, newest first. */
  matchIds(kind: SearchKind, text: string): Promise<string[]>;
  /** The best few records of every kind (global search). */
  search(text: string, perKind: number): Promise<IndexHit[]>;
  /** Accounts matching a text query (may be '') and list filters, in list order. */
  matchAccounts(text: string, filter: AccountListFilter, sort: AccountListSort): Promise<string[]>;
  countAccounts(text: string, filter: AccountListFilter): Promise<number>;
  /** True once every change in the replica is in the index (lists may then filter through it). */
  isCaughtUp(): boolean;
}

export interface SearchServiceOptions {
  /** The index's own IndexedDB database (one per replica), e.g. `crm-search-<replica name>`. */
  name: string;
  /** Keep a snapshot between starts (default true). */
  persist?: boolean;
  /** Run the index in a Web Worker (default: when the platform has workers). */
  worker?: boolean;
  /** Documents read from the replica per catch-up step (default 2000). */
  batchSize?: number;
}

export type SearchState = 'starting' | 'indexing' | 'ready' | 'stopped';

type Request = HostRequest extends infer R
  ? R extends { reqId: number }
    ? Omit<R, 'reqId'>
    : never
  : never;

interface Transport {
  post(message: HostRequest): void;
  close(): void;
}

/**
 * The index in a Web Worker. Until the worker has answered once, messages are also kept: if its script cannot
 * be loaded (the web build offline before the chunk was fetched, a strict policy), they are replayed to an
 * in-process host, so search degrades to the UI thread instead of hanging.
 */
function workerTransport(onReply: (reply: HostReply) => void): Transport | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
      type: 'module',
      name: 'crm-search',
    });
  } catch {
    return null;
  }
  let confirmed = false;
  let fallback: Transport | null = null;
  const unconfirmed: HostRequest[] = [];
  worker.onmessage = (event: MessageEvent<HostReply>) => {
    confirmed = true;
    unconfirmed.length = 0;
    onReply(event.data);
  };
  worker.onerror = (event) => {
    if (confirmed || fallback) return;
    event.preventDefault();
    worker.terminate();
    fallback = inProcessTransport(onReply);
    for (const message of unconfirmed.splice(0)) fallback.post(message);
  };
  return {
    post(message) {
      if (fallback) return fallback.post(message);
      if (!confirmed) unconfirmed.push(message);
      worker.postMessage(message);
    },
    close() {
      worker.terminate();
      fallback?.close();
    },
  };
}

function inProcessTransport(onReply: (reply: HostReply) => void): Transport {
  const host = new SearchHost();
  let queue: Promise<void> = Promise.resolve();
  return {
    post(message) {
      queue = queue.then(async () => {
        try {
          const value = await host.handle(message);
          if ('reqId' in message) onReply({ reqId: message.reqId, ok: true, value });
        } catch (error) {
          if ('reqId' in message)
            onReply({
              reqId: message.reqId,
              ok: false,
              error: error instanceof Error ? error.message : String(error),
            });
        }
      });
    },
    close: () => undefined,
  };
}

/** Deletes an IndexedDB database (a snapshot the index never opened in this session). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Global search and list text filters over the whole replica without scanning it (BENCHMARKS.md B3). The index
 * lives in a Web Worker (search-worker.ts) and is kept current from RxDB's change stream; on start it loads
 * its snapshot and reads only what changed since (RxDB's change feed by `_meta.lwt`), so start-up does not
 * re-read the replica. The first start on an existing replica builds it in the background, in batches.
 */
export class SearchService implements TextIndex {
  private transport: Transport | null = null;
  private nextReqId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly subscriptions: Subscription[] = [];
  private opened: Promise<OpenResult> | null = null;
  private caughtUp = false;
  private readyPromise: Promise<void> | null = null;
  private stateValue: SearchState = 'starting';
  private stopped = false;

  constructor(
    private readonly db: CrmDatabase,
    private readonly options: SearchServiceOptions,
  ) {}

  get state(): SearchState {
    return this.stateValue;
  }

  isCaughtUp(): boolean {
    return this.caughtUp && !this.stopped;
  }

  /** Resolves once every change in the replica is in the index (starting it if it has not started). */
  get ready(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('search stopped'));
    return this.readyPromise ?? this.start();
  }

  /**
   * Creates the worker (so the web build fetches its script while the network is surely there) without
   * loading anything: start() does the work later. Reading the snapshot (large on set L) would hold up
   * the first list's IndexedDB reads (one backing store per origin), so the app starts the index only once the
   * first screen is up (BENCHMARKS.md B6); whatever needs it earlier starts it.
   */
  prepare(): void {
    if (this.transport || this.stopped) return;
    const onReply = (reply: HostReply) => {
      const waiter = this.pending.get(reply.reqId);
      if (!waiter) return;
      this.pending.delete(reply.reqId);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.error));
    };
    this.transport =
      (this.options.worker === false ? null : workerTransport(onReply)) ??
      inProcessTransport(onReply);
  }

  /** Starts the worker, loads the snapshot and catches up in the background (idempotent). */
  start(): Promise<void> {
    if (this.readyPromise) return this.readyPromise;
    if (this.stopped) return Promise.reject(new Error('search stopped'));
    this.prepare();
    this.opened = this.request<OpenResult>({
      type: 'open',
      name: this.options.name,
      persist: this.options.persist !== false,
    });
    // Subscribe before catching up, so nothing written meanwhile is missed; the index keeps the newest state.
    for (const kind of SEARCH_KINDS) {
      const collection = this.db[kind] as unknown as RxCollection | undefined;
      if (!collection) continue;
      this.subscriptions.push(
        collection.eventBulks$.subscribe((bulk) => {
          const docs = bulk.events.map((event) =>
            searchDocOf(kind, event.documentData as unknown as Record<string, unknown>),
          );
          const checkpoint = (bulk as { checkpoint?: FeedCheckpoint }).checkpoint;
          this.post({
            type: 'apply',
            docs,
            ...(this.caughtUp && checkpoint ? { checkpoints: { [kind]: checkpoint } } : {}),
          });
        }),
      );
    }
    this.readyPromise = this.catchUp();
    // Marks the rejection handled here; whoever awaits ready() gets the error.
    this.readyPromise.catch(() => undefined);
    return this.readyPromise;
  }

  private async catchUp(): Promise<void> {
    const opened = await (this.opened ?? Promise.reject(new Error('not opened')));
    this.stateValue = 'indexing';
    const batchSize = this.options.batchSize ?? 2000;
    for (const kind of SEARCH_KINDS) {
      const collection = this.db[kind] as unknown as RxCollection | undefined;
      if (!collection) continue;
      let checkpoint: FeedCheckpoint | null = opened.checkpoints[kind] ?? null;
      for (;;) {
        if (this.stopped) return;
        const result = await readChangeFeed<Record<string, unknown>>(
          collection,
          checkpoint,
          batchSize,
        );
        if (result.documents.length === 0) break;
        const docs = result.documents.map((d) => searchDocOf(kind, d));
        checkpoint = result.checkpoint;
        this.post({ type: 'apply', docs, checkpoints: { [kind]: checkpoint } });
        if (result.documents.length < batchSize) break;
        await yieldToUi();
      }
    }
    this.caughtUp = true;
    this.post({ type: 'caughtUp' });
    this.stateValue = 'ready';
  }

  private post(message: HostRequest): void {
    if (!this.stopped) this.transport?.post(message);
  }

  private request<T>(message: Request): Promise<T> {
    if (!this.transport || this.stopped) return Promise.reject(new Error('search stopped'));
    const reqId = this.nextReqId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(reqId, { resolve: resolve as (value: unknown) => void, reject });
      this.transport?.post({ ...message, reqId });
    });
  }

  /** What the index has loaded (snapshot or not, how long it took) — for benchmarks and diagnostics. */
  async openResult(): Promise<OpenResult> {
    return this.opened ?? Promise.reject(new Error('search not started'));
  }

  async search(text: string, perKind: number): Promise<IndexHit[]> {
    if (!this.opened) void this.start();
    await this.opened;
    return this.request<IndexHit[]>({ type: 'search', query: text, perKind });
  }

  async matchIds(kind: SearchKind, text: string): Promise<string[]> {
    if (!this.opened) void this.start();
    await this.opened;
    return this.request<string[]>({ type: 'matchIds', kind, query: text });
  }

  /** Waits until caught up: a list's filter and count must not show a half-built index. */
  async matchAccounts(
    text: string,
    filter: AccountListFilter,
    sort: AccountListSort,
  ): Promise<string[]> {
    await this.start();
    return this.request<string[]>({ type: 'matchAccounts', query: text, filter, sort });
  }

  async countAccounts(text: string, filter: AccountListFilter): Promise<number> {
    await this.start();
    return this.request<number>({ type: 'countAccounts', query: text, filter });
  }

  async stats(): Promise<HostStats> {
    return this.request<HostStats>({ type: 'stats' });
  }

  /** Saves the snapshot now (benchmarks; closing does it too). */
  async flush(): Promise<void> {
    await this.request({ type: 'flush' });
  }

  /** Stops feeding, saves the snapshot (when caught up) and ends the worker. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    for (const sub of this.subscriptions.splice(0)) sub.unsubscribe();
    // Stopping goes on if the last save fails (the index catches up from the replica next time).
    if (this.transport && this.opened)
      await this.request({ type: 'flush' }).catch((error: unknown) =>
        console.error('[crm] save the search index', error),
      );
    this.close();
  }

  /** Stops and deletes the persisted index (the replica is being wiped). */
  async destroy(): Promise<void> {
    for (const sub of this.subscriptions.splice(0)) sub.unsubscribe();
    if (this.transport && this.opened)
      await this.request({ type: 'drop' }).catch((error: unknown) =>
        console.error('[crm] delete the search index', error),
      );
    else if (this.options.persist !== false && typeof indexedDB !== 'undefined')
      await deleteDatabase(this.options.name);
    this.close();
  }

  private close(): void {
    this.stopped = true;
    this.stateValue = 'stopped';
    this.transport?.close();
    this.transport = null;
    for (const waiter of this.pending.values()) waiter.reject(new Error('search stopped'));
    this.pending.clear();
  }
}

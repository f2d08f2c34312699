import { BehaviorSubject, Subject, type Subscription } from 'rxjs';
import type { RxCollection, RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import { MAX_PULL_BATCH, sameRecord, type Checkpoint, type Rejection, type WireDoc } from '@shared/sync';
import { SyncConnection, type WebSocketFactory } from './sync-connection';
import type { RejectedRegistry } from './conflict-handler';
import { PendingTracker, type KeyValueStore } from './pending-tracker';
import { DirectChanges } from './direct-changes';

export interface SyncStatus {
  connection: 'offline' | 'connecting' | 'online';
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  lastSyncedAt: number | null;
  /** During the first full download: documents received so far and the total expected. */
  initialDownload: { done: number; total: number } | null;
  /** The device was revoked: the replica must be wiped. */
  revoked: boolean;
}

export interface SyncEngineOptions {
  db: RxDatabase;
  serverUrl: string;
  /** Identifies this replica's replication state (server + workspace + user). */
  replicaKey: string;
  getAccessToken: () => Promise<string>;
  onUnauthorized: () => Promise<void>;
  createSocket: WebSocketFactory;
  rejected: RejectedRegistry;
  /** Receives every change the server did not accept (the app keeps them in an inbox). */
  onRejected: (rejection: Rejection) => Promise<void> | void;
  store: KeyValueStore;
  collections?: CollectionName[];
  pullBatchSize?: number;
  retryTimeMs?: number;
}

/**
 * The sync engine (CONVENTIONS.md 3: a library with start/stop/status$, no React). One connection carries
 * every collection; per collection an RxDB replication with custom handlers pulls by server sequence,
 * pushes with the assumed master state and resyncs whenever the server announces changes or the socket
 * reconnects. See sync/README.md.
 */
export class SyncEngine {
  readonly status$ = new BehaviorSubject<SyncStatus>({ connection: 'offline', pending: 0, lastSyncedAt: null, initialDownload: null, revoked: false });
  readonly connection: SyncConnection;
  private readonly replications = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>();
  private readonly streams = new Map<CollectionName, Subject<'RESYNC'>>();
  private readonly pending: PendingTracker;
  /** Changes the server sent as documents: they answer the next pull without a round trip (direct-changes.ts). */
  private readonly direct = new DirectChanges();
  private readonly subscriptions: Subscription[] = [];
  private initialRemaining = new Map<CollectionName, number>();
  private initialDone = 0;
  private started = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.connection = new SyncConnection({
      serverUrl: options.serverUrl,
      getAccessToken: options.getAccessToken,
      onUnauthorized: options.onUnauthorized,
      createSocket: options.createSocket,
    });
    this.pending = new PendingTracker(options.store, `crm.sync.pending.${options.replicaKey}`);
  }

  private get collections(): CollectionName[] {
    return this.options.collections ?? COLLECTION_NAMES;
  }

  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    const firstRun = this.options.store.get(`crm.sync.initialized.${this.options.replicaKey}`) !== 'yes';
    if (firstRun) this.patchStatus({ initialDownload: { done: 0, total: 0 } });
    this.subscriptions.push(
      this.connection.state$.subscribe((state) => {
        this.patchStatus({ connection: state });
        // After every reconnect, pull everything missed while away (ARCHITECTURE.md: RESYNC on reconnect).
        if (state === 'online') {
          for (const [name, stream] of this.streams) {
            this.direct.reset(name);
            stream.next('RESYNC');
          }
        }
      }),
      this.connection.messages$.subscribe((message) => {
        if (message.type === 'changed') {
          for (const name of message.collections) {
            this.direct.requireServerPull(name);
            this.streams.get(name)?.next('RESYNC');
          }
        }
        // The documents themselves: buffered, and the pull they trigger is answered from them.
        if (message.type === 'changes' && this.streams.has(message.collection)) {
          this.direct.receive(message);
          this.streams.get(message.collection)?.next('RESYNC');
        }
        if (message.type === 'wipe') this.patchStatus({ revoked: true });
      }),
      this.connection.fatal$.subscribe(() => this.patchStatus({ revoked: true })),
    );
    for (const name of this.collections) this.startCollection(name);
    this.connection.start();
    if (firstRun) {
      void Promise.all([...this.replications.values()].map((r) => r.awaitInitialReplication())).then(() => {
        this.options.store.set(`crm.sync.initialized.${this.options.replicaKey}`, 'yes');
        this.patchStatus({ initialDownload: null, lastSyncedAt: Date.now() });
      }, () => undefined);
    }
    return Promise.resolve();
  }

  private startCollection(name: CollectionName): void {
    const collection = this.options.db.collections[name] as RxCollection | undefined;
    if (!collection) return;
    const stream = new Subject<'RESYNC'>();
    this.streams.set(name, stream);
    this.direct.reset(name);
    const batchSize = this.options.pullBatchSize ?? MAX_PULL_BATCH;
    const replication = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: `crm-sync:${this.options.replicaKey}:${name}`,
      live: true,
      retryTime: this.options.retryTimeMs ?? 1000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize,
        stream$: stream.asObservable(),
        handler: async (checkpoint, size) => {
          const local = this.direct.take(name, checkpoint);
          if (local) return local as { documents: never[]; checkpoint: Checkpoint };
          const ticket = this.direct.serverPullStarted(name);
          const reply = await this.connection.request({ type: 'pull', collection: name, checkpoint: checkpoint ?? null, batchSize: Math.min(size, MAX_PULL_BATCH) });
          if (reply.type !== 'pull-result') throw new Error(`unexpected reply ${reply.type}`);
          this.direct.serverPullDone(name, ticket, reply.remaining === 0 && reply.documents.length < Math.min(size, MAX_PULL_BATCH));
          this.trackInitial(name, reply.documents.length, reply.remaining);
          this.patchStatus({ lastSyncedAt: Date.now() });
          return { documents: reply.documents as never[], checkpoint: reply.checkpoint ?? checkpoint ?? { seq: 0 } };
        },
      },
      push: {
        batchSize: 200,
        handler: async (rows) => {
          const reply = await this.connection.request({
            type: 'push',
            collection: name,
            rows: rows.map((row) => ({ assumedMasterState: (row.assumedMasterState ?? null) as WireDoc | null, newDocumentState: row.newDocumentState as WireDoc })),
          });
          if (reply.type !== 'push-result') throw new Error(`unexpected reply ${reply.type}`);
          for (const rejection of reply.rejected) {
            this.options.rejected.mark(name, rejection.id);
            await this.options.onRejected(rejection);
          }
          for (const row of rows) this.pending.remove(name, (row.newDocumentState as unknown as { id: string }).id);
          this.patchStatus({ pending: this.pending.count, lastSyncedAt: Date.now() });
          return reply.conflicts as never[];
        },
      },
    });
    this.replications.set(name, replication);
    // Count local writes as pending until a push acknowledges them. Writes made by the replication itself
    // (documents arriving from the server, conflict resolutions) carry a 'replication-…' context.
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context.startsWith('replication-')) return;
        for (const event of bulk.events) this.pending.add(name, event.documentId);
        this.patchStatus({ pending: this.pending.count });
      }),
    );
  }

  private trackInitial(name: CollectionName, received: number, remaining: number): void {
    const status = this.status$.value;
    if (!status.initialDownload) return;
    this.initialDone += received;
    this.initialRemaining.set(name, remaining);
    const left = [...this.initialRemaining.values()].reduce((a, b) => a + b, 0);
    this.patchStatus({ initialDownload: { done: this.initialDone, total: this.initialDone + left } });
  }

  /** Resolves when every collection has pushed and pulled everything it knows of. */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.replications.values()].map((r) => r.awaitInSync()));
  }

  /** Asks every collection to pull now (e.g. when the app regains focus). */
  reSync(): void {
    for (const [name, stream] of this.streams) {
      this.direct.requireServerPull(name);
      stream.next('RESYNC');
    }
  }

  /** Goes offline on purpose (the OS says there is no network); local work continues. */
  pause(): void {
    this.connection.stop();
  }

  resume(): void {
    this.connection.reconnectNow();
  }

  async stop(): Promise<void> {
    this.connection.stop();
    for (const sub of this.subscriptions) sub.unsubscribe();
    this.subscriptions.length = 0;
    await Promise.all([...this.replications.values()].map((r) => r.cancel()));
    this.replications.clear();
    this.streams.clear();
    this.started = false;
  }

  get pendingCount(): number {
    return this.pending.count;
  }

  /** 'collection/id' of every local change the server has not acknowledged yet. */
  pendingKeys(): string[] {
    return this.pending.keys();
  }

  private patchStatus(patch: Partial<SyncStatus>): void {
    this.status$.next({ ...this.status$.value, ...patch });
  }
}

export { sameRecord };

import { BehaviorSubject, Subject, filter, firstValueFrom, type Subscription } from 'rxjs';
import type { RxCollection, RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import {
  MAX_PULL_BATCH,
  sameRecord,
  type Checkpoint,
  type Overruled,
  type Rejection,
  type ServerMessage,
  type Stamp,
  type WireDoc,
  wallOf,
} from '@shared/sync';
import { SyncConnection, type WebSocketFactory } from './sync-connection';
import type { RejectedRegistry } from './conflict-handler';
import type { KeyValueStore } from './key-value-store';
import { EditLog } from './edit-log';
import { DeviceClock } from './device-clock';
import type { PendingChange } from './pending-change';
import { DirectChanges } from './direct-changes';
import { PushOrder } from './push-order';
import { PushRebase } from './push-rebase';
import { awaitUpstreamSettled } from './rxdb-upstream';
import { completeBareTombstones, withoutReplicationFields } from './bare-tombstones';
import { completeFromServer } from './complete-from-server';
import { markStage } from './stage-marks';
import { UnsentWrites } from './unsent-writes';
import { BootstrapStopped, CollectionBootstrap, inBootstrapOrder } from './bootstrap';
import { ForkWriter, replicationIdentifierOf } from './rxdb-fork-writes';

/** How often the list of waiting changes is published at most (ms). */
const PUBLISH_PENDING_MS = 50;

export interface SyncStatus {
  connection: 'offline' | 'connecting' | 'online';
  /** Records with local changes not yet acknowledged by the server. */
  pending: number;
  /** Local edits (writes) of those records not yet acknowledged. */
  pendingEdits: number;
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
  /** Values of this client's pushes that lost to a later edit made elsewhere (the app keeps them in its inbox). */
  onOverruled?: (overruled: Overruled[]) => Promise<void> | void;
  store: KeyValueStore;
  /** This device's id: the node of its edit stamps. Default: an id generated once and kept in `store`. */
  deviceId?: string;
  /** The local clock (epoch ms; tests run a laptop a day fast). Default: Date.now. */
  now?: () => number;
  collections?: CollectionName[];
  pullBatchSize?: number;
  /**
   * A collection the replica does not hold yet downloads through the bootstrap (bootstrap.ts) before its
   * replication starts. Default true; false replicates it the old way, through RxDB's downstream (tests).
   */
  bootstrap?: boolean;
  retryTimeMs?: number;
}

/**
 * The sync engine (CONVENTIONS.md 3: a library with start/stop/status$, no React). One connection carries
 * every collection; per collection an RxDB replication with custom handlers pulls by server sequence,
 * pushes with the assumed master state and resyncs whenever the server announces changes or the socket
 * reconnects. See sync/README.md.
 */
export class SyncEngine {
  readonly status$ = new BehaviorSubject<SyncStatus>({
    connection: 'offline',
    pending: 0,
    pendingEdits: 0,
    lastSyncedAt: null,
    initialDownload: null,
    revoked: false,
  });
  readonly connection: SyncConnection;
  /** Every local change waiting for the server, per record and field (edit-log.ts); the app shows them. */
  readonly pendingChanges$: BehaviorSubject<readonly PendingChange[]>;
  /** Collections whose replication runs (for a fresh replica: their bootstrap is done), in the order they started. */
  readonly replicating$ = new BehaviorSubject<readonly CollectionName[]>([]);
  /** The stamps of local edits (device-clock.ts). */
  readonly clock: DeviceClock;
  private readonly replications = new Map<
    CollectionName,
    RxReplicationState<unknown, Checkpoint>
  >();
  private readonly streams = new Map<CollectionName, Subject<'RESYNC'>>();
  private readonly edits: EditLog;
  private readonly now: () => number;
  /** Changes the server sent as documents: they answer the next pull without a round trip (direct-changes.ts). */
  private readonly direct = new DirectChanges();
  /** This client's pushes, to drop received documents their replies made stale (push-order.ts). */
  private readonly order = new PushOrder();
  /** Pushes rebased onto a merged reply RxDB could not adopt (push-rebase.ts). */
  private readonly rebase = new PushRebase();
  /** Local writes whose push has not left yet: the app renders after it (unsent-writes.ts). */
  private readonly unsent = new UnsentWrites();
  private readonly subscriptions: Subscription[] = [];
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private initialRemaining = new Map<CollectionName, number>();
  private initialDone = 0;
  private started = false;
  /** Emits when the engine stops: a waiting bootstrap gives up. */
  private readonly stopping$ = new Subject<void>();
  /** Per collection, what tells a document written by the bootstrap (still unchanged) from a local one. */
  private readonly forkWriters = new Map<CollectionName, ForkWriter>();
  /** Starting the collections (bootstraps first where needed): stop waits for it. */
  private opening: Promise<void> = Promise.resolve();

  constructor(private readonly options: SyncEngineOptions) {
    this.connection = new SyncConnection({
      serverUrl: options.serverUrl,
      getAccessToken: options.getAccessToken,
      onUnauthorized: options.onUnauthorized,
      createSocket: options.createSocket,
    });
    this.now = options.now ?? Date.now;
    this.edits = new EditLog(options.store, `crm.sync.edits.${options.replicaKey}`, {
      legacyKey: `crm.sync.pending.${options.replicaKey}`,
      now: this.now,
    });
    this.clock = new DeviceClock(
      options.store,
      `crm.sync.clock.${options.replicaKey}`,
      options.deviceId ?? storedDeviceId(options.store, options.replicaKey),
      this.now,
    );
    this.pendingChanges$ = new BehaviorSubject(this.edits.changes());
    this.status$.next({
      ...this.status$.value,
      pending: this.edits.recordCount,
      pendingEdits: this.edits.editCount,
    });
  }

  private get collections(): CollectionName[] {
    return this.options.collections ?? COLLECTION_NAMES;
  }

  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    const firstRun =
      this.options.store.get(`crm.sync.initialized.${this.options.replicaKey}`) !== 'yes';
    if (firstRun) this.patchStatus({ initialDownload: { done: 0, total: 0 } });
    this.subscriptions.push(
      this.connection.state$.subscribe((state) => {
        this.patchStatus({ connection: state });
        if (state !== 'online') this.unsent.clear();
        // After every reconnect, pull everything missed while away (sync/README.md "Replication").
        if (state === 'online') {
          for (const [name, stream] of this.streams) {
            this.direct.reset(name);
            stream.next('RESYNC');
          }
        }
      }),
      this.connection.messages$.subscribe((message) => {
        if (message.type === 'changed' || message.type === 'changes') markStage('received');
        if (message.type === 'changed') {
          for (const name of message.collections) {
            this.direct.requireServerPull(name);
            this.streams.get(name)?.next('RESYNC');
          }
        }
        // The documents themselves: buffered, and the pull they trigger is answered from them.
        if (message.type === 'changes' && this.streams.has(message.collection)) {
          this.direct.receive(message, this.connection.arrivalOf(message));
          this.streams.get(message.collection)?.next('RESYNC');
        }
        if (message.type === 'wipe') this.patchStatus({ revoked: true });
        if (message.type === 'welcome' && message.clock) this.clock.observeServer(message.clock);
      }),
      this.connection.fatal$.subscribe(() => this.patchStatus({ revoked: true })),
    );
    for (const name of this.collections) this.logLocalWrites(name);
    this.connection.start();
    const opened = this.openCollections();
    this.opening = opened;
    if (firstRun) {
      void opened
        .then(() =>
          Promise.all([...this.replications.values()].map((r) => r.awaitInitialReplication())),
        )
        .then(
          () => {
            if (!this.started) return;
            this.options.store.set(`crm.sync.initialized.${this.options.replicaKey}`, 'yes');
            this.patchStatus({ initialDownload: null, lastSyncedAt: Date.now() });
          },
          () => undefined,
        );
    }
    return Promise.resolve();
  }

  /**
   * Starts every collection's replication: at once for a collection the replica already holds, after the
   * bootstrap for one it does not (one collection at a time, in BOOTSTRAP_ORDER: the small and most needed
   * first, history last). Resolves when every replication has started (or the engine stopped).
   */
  private async openCollections(): Promise<void> {
    const token = await this.options.db.storageToken;
    const plans = await Promise.all(
      this.collections.map(async (name) => ({
        name,
        bootstrap: await this.needsBootstrap(name, token),
      })),
    );
    if (!this.started) return;
    for (const plan of plans) if (!plan.bootstrap) this.startCollection(plan.name);
    for (const plan of inBootstrapOrder(plans)) {
      if (!plan.bootstrap) continue;
      let from: { pull: Checkpoint | undefined; push: unknown };
      try {
        from = await this.bootstrap(plan.name, token);
      } catch (error) {
        if (error instanceof BootstrapStopped || !this.started) return;
        // A page the storage refused (e.g. a document its schema rejects): RxDB's replication takes over from
        // the last page written and reports the document as any pulled one (its error$, retried).
        const saved = CollectionBootstrap.load(
          this.options.store,
          this.bootstrapKey(plan.name),
          token,
        );
        from = { pull: saved?.pull ?? undefined, push: saved?.push };
      }
      if (!this.started) return;
      this.startCollection(plan.name, from);
    }
  }

  /** A collection downloads through the bootstrap when it has begun to here, or when the replica holds none of it. */
  private async needsBootstrap(name: CollectionName, storageToken: string): Promise<boolean> {
    const collection = this.options.db.collections[name] as RxCollection | undefined;
    if (!collection || this.options.bootstrap === false) return false;
    if (CollectionBootstrap.load(this.options.store, this.bootstrapKey(name), storageToken))
      return true;
    return (await collection.count().exec()) === 0;
  }

  private bootstrapKey(name: CollectionName): string {
    return `crm.sync.bootstrap.${this.options.replicaKey}.${name}`;
  }

  private async bootstrap(
    name: CollectionName,
    storageToken: string,
  ): Promise<{ pull: Checkpoint | undefined; push: unknown }> {
    const collection = this.options.db.collections[name];
    const retryMs = this.options.retryTimeMs ?? 1000;
    return new CollectionBootstrap({
      name,
      collection,
      replicationIdentifier: replicationIdentifierOf(this.options.replicaKey, name),
      store: this.options.store,
      key: this.bootstrapKey(name),
      storageToken,
      pageSize: Math.min(this.options.pullBatchSize ?? MAX_PULL_BATCH, MAX_PULL_BATCH),
      pullPage: async (checkpoint, size) => {
        const page = await this.pullPageFromServer(name, checkpoint, size);
        const completed = await completeBareTombstones(page.documents, (ids) =>
          this.heldDocuments(name, ids),
        );
        return {
          documents: completed.documents,
          checkpoint: page.checkpoint,
          remaining: page.remaining,
        };
      },
      complete: (doc) => completeFromServer(name, doc),
      hasLocalWrites: () => this.edits.hasRecordsOf(name),
      isStopped: () => !this.started,
      waitToRetry: async () => {
        if (!this.started) throw new BootstrapStopped();
        const stopped = firstValueFrom(this.stopping$).then(() => {
          throw new BootstrapStopped();
        });
        stopped.catch(() => undefined);
        // Offline (or still connecting): ask again as soon as the connection is up. Online: the server failed
        // the request, so wait a little first.
        const online = firstValueFrom(
          this.connection.state$.pipe(filter((state) => state === 'online')),
        );
        await Promise.race([
          this.connection.isOnline
            ? new Promise((resolve) => setTimeout(resolve, retryMs))
            : online,
          stopped,
        ]);
      },
    }).run();
  }

  /** `from`: where the bootstrap left the collection (RxDB uses it only when it has no checkpoint of its own). */
  private startCollection(
    name: CollectionName,
    from?: { pull: Checkpoint | undefined; push: unknown },
  ): void {
    const collection = this.options.db.collections[name] as RxCollection | undefined;
    if (!collection) return;
    const stream = new Subject<'RESYNC'>();
    this.streams.set(name, stream);
    this.direct.reset(name);
    const batchSize = this.options.pullBatchSize ?? MAX_PULL_BATCH;
    const replication = replicateRxCollection<unknown, Checkpoint>({
      collection,
      replicationIdentifier: replicationIdentifierOf(this.options.replicaKey, name),
      live: true,
      retryTime: this.options.retryTimeMs ?? 1000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize,
        ...(from?.pull ? { initialCheckpoint: from.pull } : {}),
        stream$: stream.asObservable(),
        // A record stored on the server before a field existed reads like a new one (defaults, derived values).
        modifier: (doc: Record<string, unknown> & { _deleted: boolean }) =>
          completeFromServer(name, doc),
        handler: async (checkpoint, size) => {
          const answer =
            this.direct.take(name, checkpoint) ??
            (await this.pullFromServer(name, checkpoint, size));
          return {
            documents: (await this.withoutStale(
              name,
              answer.documents,
              answer.arrivals,
            )) as never[],
            checkpoint: answer.checkpoint,
          };
        },
      },
      push: {
        batchSize: 200,
        ...(from?.push ? { initialCheckpoint: from.push } : {}),
        handler: async (rows) =>
          (await this.push(
            name,
            rows.map((row) => ({
              assumed: (row.assumedMasterState ?? null) as WireDoc | null,
              next: row.newDocumentState as WireDoc,
            })),
          )) as never[],
      },
    });
    this.replications.set(name, replication);
    this.replicating$.next([...this.replicating$.value, name]);
  }

  /**
   * Stamps every local write of `name` when it is made and keeps it in the edit log until a push acknowledges it,
   * from the start (also while the collection's bootstrap runs, before its replication exists). Writes made by
   * the replication itself (documents arriving from the server, conflict resolutions, the bootstrap) carry a
   * 'replication-…' context: they are not edits of this person.
   */
  private logLocalWrites(name: CollectionName): void {
    const collection = this.options.db.collections[name] as RxCollection | undefined;
    if (!collection) return;
    this.subscriptions.push(
      collection.eventBulks$.subscribe((bulk) => {
        if (bulk.context === 'replication-up-write-conflict') {
          for (const event of bulk.events) this.rebase.adopted(name, event.documentId);
        }
        if (bulk.context.startsWith('replication-')) {
          markStage('replica-write');
          return;
        }
        markStage('local-write');
        const online = this.connection.state$.value === 'online';
        let logged = false;
        for (const event of bulk.events) {
          this.rebase.edited(name, event.documentId);
          const previous = (event.previousDocumentData ?? null) as Record<string, unknown> | null;
          const next = event.documentData as Record<string, unknown>;
          if (
            this.edits.record(
              name,
              event.documentId,
              previous,
              next,
              this.clock.stamp(),
              this.now(),
            )
          ) {
            logged = true;
            // A write that changed nothing is not pushed: nobody should wait for it.
            if (online) this.unsent.written(name, [event.documentId]);
          }
        }
        if (logged) this.publishPending();
      }),
    );
  }

  /**
   * Sends a push for RxDB's rows (`assumed`: its assumed master state, `next`: the replica's document) and returns
   * the conflicts RxDB must resolve. A row built on a merged reply RxDB could not adopt is rebased onto it first
   * (push-rebase.ts); RxDB takes "no conflict" to mean the server stored the document it gave, so a rebased row
   * always gets the stored state back as a conflict when that differs.
   */
  private async push(
    name: CollectionName,
    rxdbRows: { assumed: WireDoc | null; next: WireDoc }[],
  ): Promise<WireDoc[]> {
    const rows = await this.withBases(name, rxdbRows);
    if (rows.length === 0) return [];
    const prepared = rows.map((row) => this.rebase.prepare(name, row.assumed, row.next));
    const ids = rows.map((row) => row.next.id);
    // Writes stamped after this were made while the push was out: they stay pending (edit-log.ts).
    const watermark: Stamp = this.clock.last;
    const stamped = prepared.map((row) => ({
      assumedMasterState: row.assumed,
      newDocumentState: row.next,
      stamps: this.edits.stampsFor(name, row.next.id, row.assumed, row.next, () =>
        this.clock.stamp(),
      ),
    }));
    this.order.sent(name, ids);
    this.rebase.sent(name, ids);
    let reply: ServerMessage | undefined;
    markStage('push-sent');
    try {
      const request = this.connection.request({
        type: 'push',
        collection: name,
        rows: stamped.map((row) =>
          Object.keys(row.stamps).length > 0
            ? row
            : {
                assumedMasterState: row.assumedMasterState,
                newDocumentState: row.newDocumentState,
              },
        ),
      });
      // The request is on the socket (or refused at once): whoever waited for this push may render now.
      this.unsent.sent(name, ids);
      reply = await request;
    } catch (error) {
      this.unsent.sent(name, ids);
      this.rebase.failed(name, ids);
      throw error;
    } finally {
      this.order.settled(name, ids, reply ? this.connection.arrivalOf(reply) : null);
    }
    markStage('push-acked');
    if (reply.type !== 'push-result') {
      this.rebase.failed(name, ids);
      throw new Error(`unexpected reply ${reply.type}`);
    }
    if (reply.clock) this.clock.observeServer(reply.clock);
    const refused = new Set<string>();
    for (const rejection of reply.rejected) {
      refused.add(rejection.id);
      this.options.rejected.mark(name, rejection.id);
      await this.options.onRejected(rejection);
    }
    const overruled = [...(reply.overruled ?? []), ...this.lostInRebase(name, prepared, refused)];
    if (overruled.length > 0) await this.options.onOverruled?.(overruled);
    const conflicts = new Map(reply.conflicts.map((doc) => [doc.id, doc]));
    for (const row of rows)
      if (!conflicts.has(row.next.id)) this.options.rejected.forgetBase(name, row.next.id);
    rows.forEach((row, i) => {
      const sent = prepared[i];
      if (sent.rebased && !conflicts.has(row.next.id) && !sameRecord(sent.next, row.next))
        conflicts.set(row.next.id, sent.next);
      this.rebase.answered(name, row.assumed, row.next, conflicts.get(row.next.id) ?? null);
    });
    prepared.forEach((row, i) => {
      if (refused.has(row.next.id)) this.edits.drop(name, row.next.id);
      // Against the replica's document as RxDB read it: a rebased row may have decided against a local
      // change (an item deleted here that another laptop edited stays), which no later push would carry.
      else this.edits.acknowledge(name, row.next.id, rows[i].next, watermark);
    });
    this.publishPending();
    this.patchStatus({ lastSyncedAt: Date.now() });
    return [...conflicts.values()];
  }

  /**
   * RxDB's push rows with the base the server merges against: RxDB's assumed master state, else, for a record
   * the bootstrap wrote and this laptop then edited, the state the edit log kept before the first edit
   * (copy-on-write: the bootstrap writes no assumed-master copies, bootstrap.ts). A row of a record the bootstrap
   * wrote and nobody changed is left out: the server holds it (RxDB then records it as the assumed master).
   */
  private async withBases(
    name: CollectionName,
    rows: { assumed: WireDoc | null; next: WireDoc }[],
  ): Promise<{ assumed: WireDoc | null; next: WireDoc }[]> {
    const unknown = rows
      .filter((row) => row.assumed === null && !this.edits.has(name, row.next.id))
      .map((row) => row.next.id);
    const fromServer = new Set<string>();
    if (unknown.length > 0) {
      const collection = this.options.db.collections[name];
      const writer = await this.forkWriter(name);
      for (const doc of await collection.storageInstance.findDocumentsById(unknown, true)) {
        const stored = doc as Record<string, unknown>;
        if (writer.holdsServerState(stored)) fromServer.add(String(stored.id));
      }
    }
    return rows
      .filter((row) => !fromServer.has(row.next.id))
      .map((row) => {
        if (row.assumed !== null) return row;
        const base = this.edits.baseOf(name, row.next.id) as WireDoc | null;
        // RxDB resolves a conflict with the base it knows (none): the conflict handler is told this one.
        if (base) this.options.rejected.rememberBase(name, row.next.id, base);
        return { assumed: base, next: row.next };
      });
  }

  private async forkWriter(name: CollectionName): Promise<ForkWriter> {
    let writer = this.forkWriters.get(name);
    if (!writer) {
      writer = await ForkWriter.open(
        this.options.db.collections[name],
        replicationIdentifierOf(this.options.replicaKey, name),
      );
      this.forkWriters.set(name, writer);
    }
    return writer;
  }

  /**
   * Local changes a rebased row decided against (push-rebase.ts): reported like values the server overruled, so
   * nothing typed disappears without a word (CONVENTIONS.md 12). Kept by whoever last wrote the stored state.
   */
  private lostInRebase(
    name: CollectionName,
    prepared: ReturnType<PushRebase['prepare']>[],
    refused: ReadonlySet<string>,
  ): Overruled[] {
    const out: Overruled[] = [];
    for (const row of prepared) {
      if (!row.lost || !row.assumed || refused.has(row.next.id)) continue;
      const stored = row.assumed;
      for (const conflict of row.lost) {
        const lostStamp = this.edits.latestStamp(name, row.next.id, conflict.path);
        out.push({
          collection: name,
          id: row.next.id,
          field: conflict.field,
          ...(conflict.itemId === undefined ? {} : { itemId: conflict.itemId }),
          ...(conflict.key === undefined ? {} : { key: conflict.key }),
          lost: conflict.lost,
          kept: conflict.kept,
          lostAt: lostStamp ? wallOf(lostStamp) : this.clock.wallNow(),
          keptAt: typeof stored.updatedAt === 'number' ? stored.updatedAt : 0,
          keptBy: typeof stored.updatedBy === 'string' ? stored.updatedBy : '',
          reason: conflict.reason,
        });
      }
    }
    return out;
  }

  /**
   * A pull from the server, its bare tombstones completed from the replica or dropped (bare-tombstones.ts).
   * When dropping leaves a full page short, the next page is asked for at once: RxDB stops pulling after a
   * short answer, and would leave a back-fill half done until the next poke.
   */
  private async pullFromServer(
    name: CollectionName,
    checkpoint: Checkpoint | undefined,
    size: number,
  ): Promise<{ documents: WireDoc[]; arrivals: number[]; checkpoint: Checkpoint }> {
    const documents: WireDoc[] = [];
    const arrivals: number[] = [];
    let at = checkpoint;
    for (;;) {
      const page = await this.pullPageFromServer(name, at, size);
      const completed = await completeBareTombstones(page.documents, (ids) =>
        this.heldDocuments(name, ids),
      );
      documents.push(...completed.documents);
      arrivals.push(...completed.kept.map((i) => page.arrivals[i]));
      // Merged key by key, as RxDB merges checkpoints: a later page's answer does not repeat an ended `fill: null`.
      at = { ...at, ...page.checkpoint };
      const full = page.documents.length >= Math.min(size, MAX_PULL_BATCH);
      if (!full || documents.length >= size) return { documents, arrivals, checkpoint: at };
    }
  }

  /** The replica's live documents of these ids, as wire documents. */
  private async heldDocuments(name: CollectionName, ids: string[]): Promise<Map<string, WireDoc>> {
    const collection = this.options.db.collections[name] as RxCollection | undefined;
    const found = collection ? await collection.storageInstance.findDocumentsById(ids, false) : [];
    return new Map(
      found.map((doc) => {
        const wire = withoutReplicationFields(doc as Record<string, unknown>);
        return [wire.id, wire];
      }),
    );
  }

  /** One pull page from the server; `arrivals`: where its answer arrived, once per document. */
  private async pullPageFromServer(
    name: CollectionName,
    checkpoint: Checkpoint | undefined,
    size: number,
  ): Promise<{
    documents: WireDoc[];
    arrivals: number[];
    checkpoint: Checkpoint;
    remaining: number;
  }> {
    const ticket = this.direct.serverPullStarted(name);
    const reply = await this.connection.request({
      type: 'pull',
      collection: name,
      checkpoint: checkpoint ?? null,
      batchSize: Math.min(size, MAX_PULL_BATCH),
    });
    if (reply.type !== 'pull-result') throw new Error(`unexpected reply ${reply.type}`);
    if (reply.clock) this.clock.observeServer(reply.clock);
    this.direct.serverPullDone(
      name,
      ticket,
      reply.remaining === 0 && reply.documents.length < Math.min(size, MAX_PULL_BATCH),
    );
    this.trackInitial(name, reply.documents.length, reply.remaining);
    this.patchStatus({ lastSyncedAt: Date.now() });
    const arrival = this.connection.arrivalOf(reply);
    return {
      documents: reply.documents,
      arrivals: reply.documents.map(() => arrival),
      checkpoint: reply.checkpoint ?? checkpoint ?? { seq: 0 },
      remaining: reply.remaining,
    };
  }

  /**
   * A pull answer without the documents this client's own push replies made stale (push-order.ts, sync/README.md
   * "Push replies and received documents"). First it waits for RxDB's upstream as it stands: every push that was
   * out when these documents arrived is then answered and its reply applied to the replica. Without that wait a
   * document newer than a reply could reach RxDB while the replica still showed the pushed change as unpushed:
   * RxDB skips such a document (the push is expected to bring the server's state) and the checkpoint moves past
   * it, but that push's reply is older. Tombstones are always kept: they mean the record left this person's
   * scope, which none of their pushes can undo (the server refuses them).
   */
  private async withoutStale(
    name: CollectionName,
    documents: WireDoc[],
    arrivals: number[],
  ): Promise<WireDoc[]> {
    if (documents.length > 0) await awaitUpstreamSettled(this.replications.get(name));
    const kept = documents.filter(
      (doc, i) => doc._deleted === true || !this.order.isStale(name, doc.id, arrivals[i]),
    );
    this.order.prune(name, this.direct.oldestHeld(name));
    return kept;
  }

  private trackInitial(name: CollectionName, received: number, remaining: number): void {
    const status = this.status$.value;
    if (!status.initialDownload) return;
    this.initialDone += received;
    this.initialRemaining.set(name, remaining);
    const left = [...this.initialRemaining.values()].reduce((a, b) => a + b, 0);
    this.patchStatus({
      initialDownload: { done: this.initialDone, total: this.initialDone + left },
    });
  }

  /**
   * Resolves once every local write made so far has been handed to the socket in a push (at once when there is
   * none, or offline), after `maxWaitMs` at most. The app waits for it before re-rendering after a save, so the
   * push does not queue behind its own screen's render (BENCHMARKS.md "B4.ui").
   */
  localWritesSent(maxWaitMs: number): Promise<void> {
    return this.unsent.whenSent(maxWaitMs);
  }

  /** Resolves when every collection has pushed and pulled everything it knows of. */
  async awaitInSync(): Promise<void> {
    // Every replication has started: the bootstraps are done.
    await this.opening;
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
    this.started = false;
    this.stopping$.next();
    this.connection.stop();
    // A bootstrap finishes the page it is writing (its state is saved after each page) before the replica closes.
    await this.opening.catch(() => undefined);
    this.unsent.clear();
    for (const sub of this.subscriptions) sub.unsubscribe();
    this.subscriptions.length = 0;
    await Promise.all([...this.replications.values()].map((r) => r.cancel()));
    this.replications.clear();
    this.replicating$.next([]);
    this.streams.clear();
    this.started = false;
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    this.publishTimer = null;
    this.edits.flush();
  }

  /** Records with local changes the server has not acknowledged yet. */
  get pendingCount(): number {
    return this.edits.recordCount;
  }

  /** Local edits the server has not acknowledged yet. */
  get pendingEditCount(): number {
    return this.edits.editCount;
  }

  /** Every local change waiting, as it stands now (`pendingChanges$` publishes it at most every 50 ms). */
  pendingChanges(): readonly PendingChange[] {
    return this.edits.changes();
  }

  /** 'collection/id' of every local change the server has not acknowledged yet. */
  pendingKeys(): string[] {
    return this.edits.keys();
  }

  /**
   * Tells the app what waits: the counts at once, the list at most every PUBLISH_PENDING_MS (building it is linear
   * in what waits, and a run of thousands of offline saves or acknowledged rows would rebuild it for every one).
   */
  private publishPending(): void {
    this.patchStatus({ pending: this.edits.recordCount, pendingEdits: this.edits.editCount });
    if (this.publishTimer !== null) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.pendingChanges$.next(this.edits.changes());
    }, PUBLISH_PENDING_MS);
  }

  private patchStatus(patch: Partial<SyncStatus>): void {
    this.status$.next({ ...this.status$.value, ...patch });
  }
}

/** A device id for stamps when the app gave none: generated once per replica and kept. */
function storedDeviceId(store: KeyValueStore, replicaKey: string): string {
  const key = `crm.sync.device.${replicaKey}`;
  const saved = store.get(key);
  if (saved) return saved;
  const id = `dev-${globalThis.crypto.randomUUID()}`;
  store.set(key, id);
  return id;
}

export { sameRecord };

import { z } from 'zod';
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { CollectionName } from '@shared/domain';
import { checkpointSchema, type Checkpoint, type WireDoc } from '@shared/sync';
import type { KeyValueStore } from './key-value-store';
import { BOOTSTRAP_WRITE_CONTEXT, ForkWriter } from './rxdb-fork-writes';

/**
 * The order collections download in: what the first screens need first (who is who, the workspace's
 * settings, the person's inbox state), then the records people open most, history (activities) last.
 */
export const BOOTSTRAP_ORDER: readonly CollectionName[] = [
  'members',
  'settings',
  'inbox_marks',
  'accounts',
  'contacts',
  'deals',
  'leads',
  'tickets',
  'approvals',
  'contracts',
  'activities',
];

/** `names` in download order (a collection missing from BOOTSTRAP_ORDER goes last). */
export function inBootstrapOrder<T extends { name: CollectionName }>(plans: readonly T[]): T[] {
  const rank = (name: CollectionName) => {
    const at = BOOTSTRAP_ORDER.indexOf(name);
    return at === -1 ? BOOTSTRAP_ORDER.length : at;
  };
  return [...plans].sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * Where one collection's fresh-replica download stands (persisted, so a reload or a crash resumes it):
 * - `pull`: the server checkpoint of the last page written (the replication's pull starts from it when done);
 * - `push`: the storage checkpoint of the last bootstrap write made before any local write to the collection
 *   (the replication's push starts from it: nothing written by the bootstrap before it is a local change);
 * - `pushFrozen`: a local write came in, so `push` no longer moves;
 * - `done`: the server had nothing more; the replication took over.
 */
const bootstrapStateSchema = z.object({
  version: z.literal(1),
  /** The replica's storage (RxDB's storage token): a state saved for a replica since wiped is not used. */
  storage: z.string(),
  pull: checkpointSchema.nullable(),
  push: z.unknown(),
  pushFrozen: z.boolean(),
  written: z.number().int().min(0),
  done: z.boolean(),
});
export type BootstrapState = z.infer<typeof bootstrapStateSchema>;

export interface BootstrapPage {
  documents: WireDoc[];
  checkpoint: Checkpoint;
  /** The server's count of what is left after this page. */
  remaining: number;
}

export interface CollectionBootstrapOptions {
  name: CollectionName;
  collection: RxCollection;
  replicationIdentifier: string;
  store: KeyValueStore;
  key: string;
  /** RxDB's storage token of the replica (see `storage` above). */
  storageToken: string;
  /** One page of the server's pull from `checkpoint` (bare tombstones already completed or dropped). */
  pullPage: (checkpoint: Checkpoint | undefined, size: number) => Promise<BootstrapPage>;
  /** A pulled document as the replica's schema needs it (complete-from-server.ts). */
  complete: (doc: WireDoc) => WireDoc;
  pageSize: number;
  /** True when the collection already has local writes waiting (the edit log): the push start stays put. */
  hasLocalWrites: () => boolean;
  /** Resolves when a failed page may be asked again (the connection is back); rejects when stopping. */
  waitToRetry: () => Promise<void>;
  isStopped: () => boolean;
}

/** Thrown out of `run` when the engine stops mid-download; the state saved so far resumes it. */
export class BootstrapStopped extends Error {
  constructor() {
    super('bootstrap stopped');
  }
}

/**
 * The download of one collection into a fresh replica, written straight into the collection's storage in
 * pages (rxdb-fork-writes.ts) instead of through RxDB's replication, which writes every document twice after
 * four reads (BENCHMARKS.md "B1"). It pulls with the replication's own messages, so it sees exactly the
 * documents, scope and masking a pull would; when the server has nothing more, the collection's replication
 * starts from the checkpoints it returns (sync/README.md "Bootstrap of a fresh replica").
 */
export class CollectionBootstrap {
  constructor(private readonly options: CollectionBootstrapOptions) {}

  /**
   * The saved state of this collection's download in this replica, or null when none was started here (or it
   * was unreadable).
   */
  static load(store: KeyValueStore, key: string, storageToken: string): BootstrapState | null {
    const raw = store.get(key);
    if (!raw) return null;
    try {
      const parsed = bootstrapStateSchema.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.storage === storageToken ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Downloads what is left and returns the replication's starting checkpoints. */
  async run(): Promise<{ pull: Checkpoint | undefined; push: unknown }> {
    const { store, key, storageToken } = this.options;
    const state: BootstrapState = CollectionBootstrap.load(store, key, storageToken) ?? {
      version: 1,
      storage: storageToken,
      pull: null,
      push: undefined,
      pushFrozen: false,
      written: 0,
      done: false,
    };
    if (this.options.hasLocalWrites()) state.pushFrozen = true;
    if (!state.done) {
      const writer = await ForkWriter.open(
        this.options.collection,
        this.options.replicationIdentifier,
      );
      const watch = this.watchPushStart(state);
      try {
        await this.download(writer, state, watch);
      } finally {
        watch.subscription.unsubscribe();
      }
    }
    return { pull: state.pull ?? undefined, push: state.push ?? undefined };
  }

  /**
   * Follows the storage's change stream: the checkpoint after each bootstrap write, until the first write of
   * anyone else (a local edit) freezes the push start before it.
   */
  private watchPushStart(state: BootstrapState): {
    subscription: Subscription;
    latest: () => unknown;
  } {
    let latest: unknown = state.push;
    const subscription = this.options.collection.storageInstance
      .changeStream()
      .subscribe((bulk) => {
        if (bulk.context !== BOOTSTRAP_WRITE_CONTEXT) state.pushFrozen = true;
        else if (!state.pushFrozen) latest = bulk.checkpoint;
      });
    return { subscription, latest: () => latest };
  }

  private async download(
    writer: ForkWriter,
    state: BootstrapState,
    watch: { latest: () => unknown },
  ): Promise<void> {
    const { pageSize } = this.options;
    let next = this.fetch(state.pull ?? undefined);
    for (;;) {
      const page = await next;
      const at = { ...state.pull, ...page.checkpoint };
      const last = page.documents.length < pageSize && page.remaining === 0;
      // The next page is on its way while this one is written (a stop leaves it unawaited: not an error).
      if (!last) {
        next = this.fetch(at);
        next.catch(() => undefined);
      }
      await writer.write(page.documents.map((doc) => this.options.complete(doc)));
      state.pull = at;
      state.written += page.documents.length;
      if (!state.pushFrozen) state.push = watch.latest();
      state.done = last;
      this.save(state);
      if (last) return;
      if (this.options.isStopped()) throw new BootstrapStopped();
    }
  }

  /** One page, asked again (from the same checkpoint) after the connection comes back. */
  private async fetch(checkpoint: Checkpoint | undefined): Promise<BootstrapPage> {
    for (;;) {
      if (this.options.isStopped()) throw new BootstrapStopped();
      try {
        return await this.options.pullPage(checkpoint, this.options.pageSize);
      } catch {
        await this.options.waitToRetry();
      }
    }
  }

  private save(state: BootstrapState): void {
    this.options.store.set(this.options.key, JSON.stringify(state));
  }
}

import type { RxCollection, RxDocumentData, RxStorageInstance } from 'rxdb';
import { createRevision, getHeightOfRevision, now } from 'rxdb/plugins/utils';
import type { WireDoc } from '@shared/sync';

/**
 * The one place that writes documents into a collection's storage the way RxDB's replication downstream writes
 * a pulled document (CONVENTIONS.md 14), for the fresh-replica bootstrap (bootstrap.ts): the document with the
 * `_meta.o` origin mark, but without RxDB's assumed-master copy in the replication's meta store. RxDB reads the
 * mark (`{ hash: hash(identifier), _rev: revision height }`, replication-protocol/downstream.ts) as "this state
 * came from the master": a later pull replaces it instead of waiting for a push that will never come. What this
 * relies on is pinned by rxdb-fork-writes.test.ts against the installed RxDB, so an upgrade that changes the
 * mark fails there, not silently in sync.
 */

/** RxDB's replication identifier of one collection of one replica (the engine and the bootstrap use it). */
export function replicationIdentifierOf(replicaKey: string, collection: string): string {
  return `crm-sync:${replicaKey}:${collection}`;
}

/** The write context of bootstrap writes: `replication-…`, so the engine never takes them for local edits. */
export const BOOTSTRAP_WRITE_CONTEXT = 'replication-bootstrap';

interface OriginMark {
  hash: string;
  _rev: number;
}

type StoredDoc = RxDocumentData<Record<string, unknown>>;
interface Row {
  previous?: StoredDoc;
  document: StoredDoc;
}

/** Writes server documents into the collection's storage as RxDB's downstream would, stamped with its origin. */
export class ForkWriter {
  private constructor(
    private readonly collection: RxCollection,
    private readonly originHash: string,
  ) {}

  static async open(collection: RxCollection, replicationIdentifier: string): Promise<ForkWriter> {
    // replicateRxCollection runs the protocol under 'rxdbreplication' + the identifier it was given.
    const hash = await collection.database.hashFunction('rxdbreplication' + replicationIdentifier);
    return new ForkWriter(collection, hash);
  }

  /**
   * Writes `docs` (live server documents; tombstones of records the replica holds delete them). A record
   * already in the replica is replaced only when it still holds a server state (`holdsServerState`): a local
   * edit made meanwhile is kept and its push merges with the server (the edit log keeps its base).
   */
  async write(docs: readonly WireDoc[]): Promise<{ written: number }> {
    // Below the collection's wrapper, which would replace the origin mark and revision of an insert with its
    // own (what RxDB's downstream writes through it keeps only on updates); the storage's own wrappers
    // (validation) still run, and the change stream is the same one.
    const storage = this.collection.storageInstance.originalStorageInstance as RxStorageInstance<
      Record<string, unknown>,
      unknown,
      unknown
    >;
    const byId = new Map(docs.map((doc) => [doc.id, doc]));
    // Most documents are new to a fresh replica: written as inserts. The few already there (a record changed
    // again while the download ran) come back as conflicts carrying the stored state, and are replaced.
    let rows: Row[] = docs
      .filter((doc) => doc._deleted !== true)
      .map((doc) => ({ document: this.stored(doc) }));
    const tombstones = docs.filter((doc) => doc._deleted === true).map((doc) => doc.id);
    if (tombstones.length > 0) {
      const held = (await storage.findDocumentsById(tombstones, false)) as StoredDoc[];
      rows.push(
        ...held.flatMap((previous) => this.replacing(byId.get(previous.id as string), previous)),
      );
    }
    let written = 0;
    // A record written locally between the read and the write conflicts again: a few rounds settle it.
    for (let round = 0; rows.length > 0 && round < 3; round++) {
      const batch = rows;
      const result = await this.collection.database.lockedRun(() =>
        storage.bulkWrite(batch, BOOTSTRAP_WRITE_CONTEXT),
      );
      written += rows.length - result.error.length;
      const next: Row[] = [];
      for (const error of result.error) {
        if (error.status !== 409 || !error.documentInDb)
          throw new Error(
            `bootstrap write refused ${error.documentId} (status ${error.status}): ${JSON.stringify(error).slice(0, 200)}`,
          );
        next.push(...this.replacing(byId.get(error.documentId), error.documentInDb));
      }
      rows = next;
    }
    return { written };
  }

  /** The row replacing `previous` with the server's `doc`, or none when `previous` holds a local edit. */
  private replacing(doc: WireDoc | undefined, previous: StoredDoc): Row[] {
    if (!doc || !this.holdsServerState(previous)) return [];
    return [{ previous, document: this.stored(doc, previous) }];
  }

  /** True while the stored document is the state its last server write left (no local edit since). */
  holdsServerState(stored: Record<string, unknown>): boolean {
    const meta = stored._meta as { o?: Partial<OriginMark> } | undefined;
    const rev = stored._rev;
    return (
      typeof rev === 'string' &&
      meta?.o?.hash === this.originHash &&
      meta.o._rev === getHeightOfRevision(rev)
    );
  }

  private stored(doc: WireDoc, previous?: StoredDoc): StoredDoc {
    const height = previous ? getHeightOfRevision(previous._rev) + 1 : 1;
    return {
      ...(doc as Record<string, unknown>),
      _deleted: doc._deleted === true,
      _attachments: {},
      _meta: { lwt: now(), o: { hash: this.originHash, _rev: height } },
      _rev: createRevision(this.originHash, previous),
    };
  }
}

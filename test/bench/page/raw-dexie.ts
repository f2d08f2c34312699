import { Dexie } from 'dexie';
import { COLLECTION_INDEXES, type CollectionName } from '@shared/domain';

/**
 * The reference for B1: the same documents written with Dexie's own `bulkPut`, in the shape RxDB's Dexie
 * storage keeps them (one IndexedDB database per collection, a `docs` table, booleans as '0'/'1', `_meta`),
 * without RxDB or replication on top. Two layouts: the replica's indexes (what a queryable replica must
 * maintain) and the primary key alone (the bare write floor).
 */
export type RawLayout = 'indexed' | 'plain';

function storeSchema(collection: CollectionName, layout: RawLayout): string {
  if (layout === 'plain') return 'id';
  // As rxdb/plugins/storage-dexie getDexieStoreSchema: primary key, [_deleted+id], every schema index with
  // _deleted in front and the primary key behind, and the change-feed indexes.
  const parts: string[][] = [['id'], ['_deleted', 'id']];
  for (const index of COLLECTION_INDEXES[collection]) parts.push(['_deleted', ...index, 'id']);
  parts.push(['_meta.lwt', 'id'], ['_meta.lwt']);
  const rows = parts.map((p) => (p.length === 1 ? p[0] : `[${p.join('+')}]`));
  return [...new Set(rows)].join(', ');
}

const BOOLEAN_INDEX_FIELDS = new Set(['deleted', 'done', 'active']);

/** A document as RxDB's Dexie storage writes it. */
export function toStoredShape(doc: Record<string, unknown>, lwt: number): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...doc, _deleted: '0', _meta: { lwt }, _rev: '1-bench', _attachments: {} };
  for (const field of BOOLEAN_INDEX_FIELDS) if (typeof stored[field] === 'boolean') stored[field] = stored[field] ? '1' : '0';
  return stored;
}

export class RawDexieTarget {
  private readonly dbs = new Map<CollectionName, Dexie>();

  constructor(private readonly prefix: string, private readonly layout: RawLayout) {}

  private async db(collection: CollectionName): Promise<Dexie> {
    let db = this.dbs.get(collection);
    if (!db) {
      db = new Dexie(`${this.prefix}--${collection}`);
      db.version(1).stores({ docs: storeSchema(collection, this.layout) });
      await db.open();
      this.dbs.set(collection, db);
    }
    return db;
  }

  /** Writes one batch in one transaction; returns the milliseconds spent inside bulkPut. */
  async put(collection: CollectionName, docs: Record<string, unknown>[]): Promise<number> {
    const db = await this.db(collection);
    const started = performance.now();
    await db.table('docs').bulkPut(docs);
    return performance.now() - started;
  }

  async destroy(): Promise<void> {
    for (const db of this.dbs.values()) {
      db.close();
      await db.delete();
    }
    this.dbs.clear();
  }
}

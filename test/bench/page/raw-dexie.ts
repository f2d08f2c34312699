import { Dexie } from 'dexie';
import { COLLECTION_INDEXES, type CollectionName } from '@shared/domain';

/**
 * The reference for B1: the same documents written with Dexie's own `bulkPut`, in the shape RxDB's Dexie
 * storage keeps them (one IndexedDB database per collection, a `docs` table, booleans as '0'/'1', `_meta`),
 * without RxDB or replication on top. Layouts: the replica's indexes (what a queryable replica must maintain:
 * the B1 reference), the primary key alone (the bare write floor), and `replica` — the indexed documents
 * plus the copy RxDB's replication protocol keeps of every pulled document in its meta store (the floor of
 * any RxDB replication on Dexie, to show where the B1 ceiling is).
 */
export type RawLayout = 'indexed' | 'plain' | 'replica';

const META_SCHEMA = 'id, [_deleted+id], [_meta.lwt+id], _meta.lwt';

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
  const stored: Record<string, unknown> = {
    ...doc,
    _deleted: '0',
    _meta: { lwt },
    _rev: '1-bench',
    _attachments: {},
  };
  for (const field of BOOLEAN_INDEX_FIELDS)
    if (typeof stored[field] === 'boolean') stored[field] = stored[field] ? '1' : '0';
  return stored;
}

export class RawDexieTarget {
  private readonly dbs = new Map<string, Dexie>();

  constructor(
    private readonly prefix: string,
    private readonly layout: RawLayout,
  ) {}

  private async db(name: string, schema: string): Promise<Dexie> {
    let db = this.dbs.get(name);
    if (!db) {
      db = new Dexie(`${this.prefix}--${name}`);
      db.version(1).stores({ docs: schema });
      await db.open();
      this.dbs.set(name, db);
    }
    return db;
  }

  /** Writes one batch in one transaction (per store); returns the milliseconds spent inside bulkPut. */
  async put(collection: CollectionName, docs: Record<string, unknown>[]): Promise<number> {
    const db = await this.db(collection, storeSchema(collection, this.layout));
    const meta =
      this.layout === 'replica' ? await this.db(`${collection}-meta`, META_SCHEMA) : null;
    const started = performance.now();
    await db.table('docs').bulkPut(docs);
    if (meta) {
      await meta.table('docs').bulkPut(
        docs.map((doc) => ({
          id: `${String(doc.id)}|0`,
          isCheckpoint: '0',
          itemId: doc.id,
          docData: doc,
          _deleted: '0',
          _meta: doc._meta,
          _rev: '1-bench',
          _attachments: {},
        })),
      );
    }
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

import { Dexie, type Table } from 'dexie';
import type { RxCollection } from 'rxdb';

/**
 * Reads one page of a collection in the order of one of its indexes — forwards or BACKWARDS — and stops as
 * soon as `limit` documents passed `filter`.
 *
 * Why not an RxDB query: RxDB's query planner treats every descending sort as "not satisfied by the index"
 * (rxdb/src/query-planner.ts: most storages have no descending indexes) and then reads the WHOLE index range,
 * sorts it in memory and slices the page. Lists here sort newest first, so on set L every page of the accounts
 * list read all 100,000 documents into memory (docs/architecture.md "Scale"). IndexedDB cursors
 * run backwards natively; this walks one with Dexie over the same index RxDB maintains.
 *
 * This reads RxDB's Dexie storage layout (rxdb/plugins/storage-dexie: one `docs` table per collection,
 * compound indexes `[_deleted+<schema index>+id]`, booleans stored as '0'/'1'). When the collection is not on
 * that storage (RxDB memory storage in tests) it returns null and the caller uses an ordinary RxDB query.
 */

interface DexieStorageInternals {
  dexieDb: Dexie;
  dexieTable: Table;
  booleanIndexes: string[];
}

export interface IndexScan<T> {
  /** A schema index (COLLECTION_INDEXES), without RxDB's leading `_deleted` and trailing primary key. */
  index: readonly string[];
  /** Values of the first fields of the index (equality). */
  equal: readonly (string | number | boolean)[];
  /** An inclusive range on the index field right after the equal ones. */
  range?: { lower: string | number; upper: string | number };
  direction: 'asc' | 'desc';
  /**
   * Keyset paging: continue strictly after this key — the values of the remaining index fields of the last
   * row seen, then its id (see keyOf).
   */
  after?: readonly (string | number)[] | null;
  /** Rows to pass over before collecting (offset paging); prefer `after`. */
  skip?: number;
  limit: number;
  /** Conditions the index cannot express (tags, status …), checked on each row in index order. */
  filter?: (doc: T) => boolean;
}

const internalsCache = new WeakMap<object, Promise<DexieStorageInternals | null>>();

function findInternals(collection: RxCollection): Promise<DexieStorageInternals | null> {
  let cached = internalsCache.get(collection);
  if (!cached) {
    cached = (async () => {
      // RxDB wraps storage instances (collection wrapper, dev-mode validation); each wrapper keeps the
      // wrapped instance in `originalStorageInstance` and passes `internals` through.
      let instance: unknown = collection.storageInstance;
      for (let depth = 0; depth < 6 && instance; depth++) {
        const internals = (await (instance as { internals?: unknown }).internals) as
          Partial<DexieStorageInternals> | undefined;
        if (internals && internals.dexieTable && Array.isArray(internals.booleanIndexes))
          return internals as DexieStorageInternals;
        instance = (instance as { originalStorageInstance?: unknown }).originalStorageInstance;
      }
      return null;
    })();
    internalsCache.set(collection, cached);
  }
  return cached;
}

function toStored(value: string | number | boolean): string | number {
  return typeof value === 'boolean' ? (value ? '1' : '0') : value;
}

/** The plain record of a stored Dexie row: booleans back from '0'/'1', RxDB bookkeeping (`_…`) dropped. */
export function plainFromStored<T>(
  row: Record<string, unknown>,
  booleanIndexes: readonly string[],
): T {
  const out: Record<string, unknown> = {};
  for (const key in row) if (key.charCodeAt(0) !== 95 /* _ */) out[key] = row[key];
  for (const field of booleanIndexes) if (field in out) out[field] = out[field] === '1';
  return out as T;
}

/** The keyset cursor of a row for a scan over `index` with `equalCount` equal fields. */
export function keyOf(
  doc: Record<string, unknown>,
  index: readonly string[],
  equalCount: number,
): (string | number)[] {
  return [
    ...index.slice(equalCount).map((field) => toStored(doc[field] as string | number | boolean)),
    doc.id as string,
  ];
}

/** Runs the scan on Dexie storage; null when the collection is on another storage (use an RxDB query). */
export async function scanIndex<T>(
  collection: RxCollection<T>,
  scan: IndexScan<T>,
): Promise<T[] | null> {
  const internals = await findInternals(collection);
  if (!internals) return null;
  return runScan(internals, scan);
}

/**
 * Several scans of one collection in ONE read transaction (each null whose index Dexie lacks); null when the
 * collection is not on Dexie storage. A
 * manager's inbox reads hundreds of small ranges (per owner and status), and one IndexedDB transaction each cost
 * more than the reads themselves.
 */
export async function scanIndexBatch<T>(
  collection: RxCollection<T>,
  scans: readonly IndexScan<T>[],
): Promise<(T[] | null)[] | null> {
  const internals = await findInternals(collection);
  if (!internals) return null;
  if (scans.length === 0) return [];
  return internals.dexieDb.transaction('r', internals.dexieTable, () =>
    Promise.all(scans.map((scan) => runScan(internals, scan))),
  );
}

async function runScan<T>(
  internals: DexieStorageInternals,
  scan: IndexScan<T>,
): Promise<T[] | null> {
  const indexName = `[${['_deleted', ...scan.index, 'id'].join('+')}]`;
  if (!internals.dexieTable.schema.idxByName[indexName]) return null;
  const prefix: (string | number)[] = ['0', ...scan.equal.map(toStored)];
  const restLength = scan.index.length - scan.equal.length + 1;
  let lower: unknown[] = [...prefix];
  let upper: unknown[] = [...prefix];
  if (scan.range) {
    lower.push(toStored(scan.range.lower));
    upper.push(toStored(scan.range.upper));
  }
  // A shorter array sorts before every longer one with the same prefix; maxKey closes the upper end.
  upper.push(Dexie.maxKey);
  let includeLower = true;
  let includeUpper = true;
  if (scan.after && scan.after.length === restLength) {
    if (scan.direction === 'desc') {
      upper = [...prefix, ...scan.after];
      includeUpper = false;
    } else {
      lower = [...prefix, ...scan.after];
      includeLower = false;
    }
  }
  const { booleanIndexes } = internals;
  let query = internals.dexieTable
    .where(indexName)
    .between(lower, upper, includeLower, includeUpper);
  if (scan.direction === 'desc') query = query.reverse();
  const filter = scan.filter;
  if (filter)
    query = query.filter((row: Record<string, unknown>) =>
      filter(plainFromStored<T>(row, booleanIndexes)),
    );
  if (scan.skip) query = query.offset(scan.skip);
  const rows = (await query.limit(scan.limit).toArray()) as Record<string, unknown>[];
  return rows.map((row) => plainFromStored<T>(row, booleanIndexes));
}

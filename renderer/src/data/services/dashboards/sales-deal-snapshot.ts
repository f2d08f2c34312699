import { SALES_DEAL_FIELDS, type SalesDeal } from '@shared/rules/dashboards/filters';
import type { DealFeedCheckpoint } from '../../repositories/deal-repository';

/**
 * The sales dashboard's deals as it last held them, with the change-feed checkpoint they are current to (issue 22,
 * BENCHMARKS.md B8). Reading 100k full deals from the replica takes seconds; this snapshot is one IndexedDB value
 * in columns — per field a dictionary of its distinct values and a Uint32Array of codes — which IndexedDB clones
 * back in a few milliseconds (typed arrays are copied, not parsed), so the dashboard's first render waits for one
 * small read and a decode instead of the replica.
 *
 * It lives in its own IndexedDB database (not an RxDB collection, CONVENTIONS.md: at most 13), one per replica.
 */

/** Bump when what is stored changes meaning: a snapshot of another format is ignored (and rebuilt). */
export const SALES_SNAPSHOT_FORMAT = 1;
const STORE = 'snapshots';
const KEY = 'sales-deals';

type Field = (typeof SALES_DEAL_FIELDS)[number];

/** What kind of value each field holds (typeof), checked on every distinct value of a stored snapshot. */
const VALUE_KINDS = {
  id: 'string',
  name: 'string',
  ownerId: 'string',
  teamId: 'string',
  accountId: 'string',
  pipelineId: 'string',
  stage: 'string',
  status: 'string',
  amount: 'number',
  probability: 'number',
  closeDate: 'string',
  createdAt: 'number',
  updatedAt: 'number',
  source: 'string',
  campaignId: 'string',
  forecastCategory: 'string',
  deleted: 'boolean',
} as const satisfies Record<Field, 'string' | 'number' | 'boolean'>;

interface Column {
  values: unknown[];
  codes: Uint32Array;
}

export interface StoredSalesSnapshot {
  format: number;
  checkpoint: DealFeedCheckpoint;
  count: number;
  fields: string[];
  columns: Column[];
}

export interface SalesSnapshot {
  deals: SalesDeal[];
  checkpoint: DealFeedCheckpoint;
}

/** The deals in columns (what `writeSalesSnapshot` stores). */
export function encodeSalesSnapshot(
  deals: readonly SalesDeal[],
  checkpoint: DealFeedCheckpoint,
): StoredSalesSnapshot {
  const columns = SALES_DEAL_FIELDS.map((field) => {
    const codeOf = new Map<unknown, number>();
    const values: unknown[] = [];
    const codes = new Uint32Array(deals.length);
    for (let i = 0; i < deals.length; i++) {
      const value = deals[i][field];
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        codeOf.set(value, code);
      }
      codes[i] = code;
    }
    return { values, codes };
  });
  return {
    format: SALES_SNAPSHOT_FORMAT,
    checkpoint,
    count: deals.length,
    fields: [...SALES_DEAL_FIELDS],
    columns,
  };
}

function isCheckpoint(value: unknown): value is DealFeedCheckpoint {
  const c = value as Partial<DealFeedCheckpoint> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.lwt === 'number'
  );
}

/** Checks one column: codes for every deal, each pointing into a dictionary of values of the field's kind. */
function isColumn(value: unknown, count: number, field: Field): value is Column {
  const column = value as Partial<Column> | null;
  if (typeof column !== 'object' || column === null) return false;
  // By tag, not instanceof: a clone from IndexedDB may come from another realm (a worker, a test's DOM).
  const codes = column.codes as unknown;
  if (Object.prototype.toString.call(codes) !== '[object Uint32Array]') return false;
  if ((codes as Uint32Array).length !== count) return false;
  if (!Array.isArray(column.values)) return false;
  const kind = VALUE_KINDS[field];
  // undefined: a field an older replica's deal lacks (the dashboard sees the same deal either way).
  for (const v of column.values) if (v !== undefined && typeof v !== kind) return false;
  const size = column.values.length;
  for (const code of codes as Uint32Array) if (code >= size) return false;
  return true;
}

/**
 * The deals of a stored snapshot; null when it is not one this code wrote (another format or field list,
 * a malformed column): the caller then reads the replica. Checked per distinct value, not per deal, so a check of
 * 100k deals stays in the milliseconds.
 */
export function decodeSalesSnapshot(stored: unknown): SalesSnapshot | null {
  const s = stored as Partial<StoredSalesSnapshot> | null;
  if (typeof s !== 'object' || s === null || s.format !== SALES_SNAPSHOT_FORMAT) return null;
  if (!isCheckpoint(s.checkpoint) || typeof s.count !== 'number' || s.count < 0) return null;
  const { fields, columns, count } = s;
  if (!Array.isArray(fields) || fields.length !== SALES_DEAL_FIELDS.length) return null;
  if (SALES_DEAL_FIELDS.some((field, i) => fields[i] !== field)) return null;
  if (!Array.isArray(columns) || columns.length !== SALES_DEAL_FIELDS.length) return null;
  if (!SALES_DEAL_FIELDS.every((field, i) => isColumn(columns[i], count, field))) return null;
  const deals = new Array<SalesDeal>(count);
  for (let i = 0; i < count; i++) {
    const deal: Record<string, unknown> = {};
    for (let f = 0; f < SALES_DEAL_FIELDS.length; f++)
      deal[SALES_DEAL_FIELDS[f]] = columns[f].values[columns[f].codes[i]];
    deals[i] = deal as SalesDeal;
  }
  return { deals, checkpoint: s.checkpoint };
}

/** The snapshot's database for a replica (databaseNameFor: one per workspace and, in a team, per user). */
export function salesSnapshotDatabaseName(replicaName: string): string {
  return `crm-sales-deals-${replicaName}`;
}

function openStore(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

function inStore<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = run(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('indexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('indexedDB transaction aborted'));
  });
}

/** Reads and writes one replica's snapshot. Failures are the caller's to log: a snapshot is only a head start. */
export class SalesSnapshotStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(readonly databaseName: string) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= openStore(this.databaseName);
    return this.db;
  }

  /** The stored snapshot, decoded; null when there is none or it is not usable. */
  async read(): Promise<SalesSnapshot | null> {
    const db = await this.open();
    const stored = await inStore<unknown>(db, 'readonly', (store) => store.get(KEY));
    return decodeSalesSnapshot(stored);
  }

  async write(snapshot: StoredSalesSnapshot): Promise<void> {
    const db = await this.open();
    await inStore(db, 'readwrite', (store) => store.put(snapshot, KEY));
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) (await db.catch(() => null))?.close();
  }
}

/** Deletes a replica's snapshot (sign-out, revoked device: the deals must not outlive the replica). */
export function deleteSalesSnapshot(replicaName: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(salesSnapshotDatabaseName(replicaName));
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

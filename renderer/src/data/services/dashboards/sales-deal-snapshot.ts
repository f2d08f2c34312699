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
export const SALES_SNAPSHOT_FORMAT = 2;
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

/**
 * Fields nearly every deal holds its own value of: stored as one value per deal. A dictionary of them only costs
 * (hashing 100k distinct strings took 100+ ms per field on set L) and saves nothing.
 */
const PLAIN_FIELDS: ReadonlySet<Field> = new Set([
  'id',
  'name',
  'accountId',
  'amount',
  'createdAt',
  'updatedAt',
]);

/** Codes into a dictionary of the field's distinct values, or (`codes` null) one value per deal. */
interface Column {
  values: unknown[];
  codes: Uint32Array | null;
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

function dictionaryColumn(deals: readonly SalesDeal[], field: Field): Column {
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
}

function plainColumn(deals: readonly SalesDeal[], field: Field): Column {
  const values = new Array<unknown>(deals.length);
  for (let i = 0; i < deals.length; i++) values[i] = deals[i][field];
  return { values, codes: null };
}

/** The deals in columns (what `writeSalesSnapshot` stores). */
export function encodeSalesSnapshot(
  deals: readonly SalesDeal[],
  checkpoint: DealFeedCheckpoint,
): StoredSalesSnapshot {
  return {
    format: SALES_SNAPSHOT_FORMAT,
    checkpoint,
    count: deals.length,
    fields: [...SALES_DEAL_FIELDS],
    columns: SALES_DEAL_FIELDS.map((field) =>
      PLAIN_FIELDS.has(field) ? plainColumn(deals, field) : dictionaryColumn(deals, field),
    ),
  };
}

function isCheckpoint(value: unknown): value is DealFeedCheckpoint {
  const c = value as Partial<DealFeedCheckpoint> | null;
  return (
    typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.lwt === 'number'
  );
}

/**
 * Checks one column: a value of the field's kind for every deal, or codes for every deal each pointing into a
 * dictionary of such values.
 */
function isColumn(value: unknown, count: number, field: Field): value is Column {
  const column = value as Partial<Column> | null;
  if (typeof column !== 'object' || column === null) return false;
  if (!Array.isArray(column.values)) return false;
  const kind = VALUE_KINDS[field];
  // undefined: a field an older replica's deal lacks (the dashboard sees the same deal either way).
  for (const v of column.values) if (v !== undefined && typeof v !== kind) return false;
  const codes = column.codes as unknown;
  if (PLAIN_FIELDS.has(field)) return codes === null && column.values.length === count;
  // By tag, not instanceof: a clone from IndexedDB may come from another realm (a worker, a test's DOM).
  if (Object.prototype.toString.call(codes) !== '[object Uint32Array]') return false;
  if ((codes as Uint32Array).length !== count) return false;
  const size = column.values.length;
  for (const code of codes as Uint32Array) if (code >= size) return false;
  return true;
}

/** Reads one column's value of deal `i` (typed by the caller: isColumn checked the kind). */
type ColumnReader = (i: number) => never;

function readerOf(column: Column): ColumnReader {
  const { values, codes } = column;
  return (codes ? (i: number) => values[codes[i]] : (i: number) => values[i]) as ColumnReader;
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
  const column = (field: Field) => readerOf(columns[SALES_DEAL_FIELDS.indexOf(field)]);
  const [id, name, ownerId, teamId, accountId, pipelineId, stage, status] = [
    column('id'),
    column('name'),
    column('ownerId'),
    column('teamId'),
    column('accountId'),
    column('pipelineId'),
    column('stage'),
    column('status'),
  ];
  const [amount, probability, closeDate, createdAt, updatedAt] = [
    column('amount'),
    column('probability'),
    column('closeDate'),
    column('createdAt'),
    column('updatedAt'),
  ];
  const [source, campaignId, forecastCategory, deleted] = [
    column('source'),
    column('campaignId'),
    column('forecastCategory'),
    column('deleted'),
  ];
  // One object literal per deal: every deal gets the same shape (adding fields one by one by name made V8 build
  // a dictionary object per deal; BENCHMARKS.md "B8 and B12 on set L").
  const deals = new Array<SalesDeal>(count);
  for (let i = 0; i < count; i++)
    deals[i] = {
      id: id(i),
      name: name(i),
      ownerId: ownerId(i),
      teamId: teamId(i),
      accountId: accountId(i),
      pipelineId: pipelineId(i),
      stage: stage(i),
      status: status(i),
      amount: amount(i),
      probability: probability(i),
      closeDate: closeDate(i),
      createdAt: createdAt(i),
      updatedAt: updatedAt(i),
      source: source(i),
      campaignId: campaignId(i),
      forecastCategory: forecastCategory(i),
      deleted: deleted(i),
    };
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

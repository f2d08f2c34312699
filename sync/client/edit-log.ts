import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import {
  changedPaths,
  compareStamps,
  encodeStamp,
  parseStampPath,
  stableStringify,
  stampSchema,
  valueAtPath,
  type Stamp,
} from '@shared/sync';
import type { KeyValueStore } from './key-value-store';
import { withoutReplicationFields } from './bare-tombstones';
import type { PendingChange, PendingField } from './pending-change';

type Doc = Record<string, unknown>;

const storedRecordSchema = z.object({
  /** Created on this laptop and never acknowledged: every field is new (no per-field entries for the creation). */
  created: z.literal(true).optional(),
  /** Deleted on this laptop and not acknowledged. */
  deleted: z.literal(true).optional(),
  /** Carried over from the old pending list (ids only): fields unknown, the record as a whole is waiting. */
  unknown: z.literal(true).optional(),
  /** The stamp of the creation (every field of a created record is stamped with it unless edited later). */
  createdStamp: stampSchema.optional(),
  /** Per stamp path: the stamp of its latest local edit and a hash of the value that edit left. */
  paths: z.record(z.string(), z.object({ stamp: stampSchema, hash: z.string() })),
  /** The local writes waiting, oldest first: when, their stamp, the paths they changed. */
  writes: z.array(z.object({ at: z.number(), stamp: stampSchema, paths: z.array(z.string()) })),
});
type StoredRecord = z.infer<typeof storedRecordSchema>;

const storedLogSchema = z.object({
  version: z.literal(1),
  records: z.record(z.string(), storedRecordSchema),
});

/** The old PendingTracker's list (`crm.sync.pending.<replicaKey>`): 'collection/id' strings. */
const legacyIdsSchema = z.array(z.string());

/**
 * The local edits the server has not acknowledged yet (issue 15, "pending changes where they are"), per record and
 * per stamp path (shared/sync/field-paths.ts), persisted through the engine's KeyValueStore so the list and the
 * stamps survive a restart.
 *
 * - Every local write is recorded with the one stamp the engine gave it (one save of a form = one edit); a
 *   created record keeps only `created` (and its stamp), a deleted one `deleted`.
 * - Push rows take their stamps from here (`stampsFor`): per changed path the stamp of its latest edit.
 * - A push acknowledges exactly what it carried (`acknowledge`): a path is done when the pushed document holds the
 *   value its latest edit left (compared by hash). An edit made while the push was out changed the value again,
 *   so its path stays, with the edits made after the push was sent.
 * - A refused row clears the record (the inbox keeps what was typed).
 */
export class EditLog {
  private readonly records = new Map<string, StoredRecord>();
  private cached: PendingChange[] | null = null;
  private saveQueued = false;
  /**
   * Per record waiting: its state before its first local edit here (without RxDB's bookkeeping), the base its push
   * merges against when RxDB has no assumed master state of it (a record the bootstrap wrote, bootstrap.ts). Kept
   * in memory only: the log is saved whole after every change, and full documents would make long offline
   * sessions slow to save (B5). After a restart such a record's push has no base (see sync/README.md).
   */
  private readonly bases = new Map<string, Doc>();

  /**
   * `legacyKey`: where the old PendingTracker kept its ids; they are carried over once (fields unknown, stamped
   * with `fresh()` when pushed) so an upgrade still shows what was waiting.
   */
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    options: { legacyKey?: string; now?: () => number } = {},
  ) {
    this.load();
    if (options.legacyKey) this.migrate(options.legacyKey, (options.now ?? Date.now)());
  }

  /**
   * Records a local write of `collection/id` from `previous` (null: inserted) to `next`, stamped `stamp` at
   * `at`. Returns false when the write changed nothing the merge compares (only bookkeeping fields).
   */
  record(
    collection: CollectionName,
    id: string,
    previous: Doc | null | undefined,
    next: Doc,
    stamp: Stamp,
    at: number,
  ): boolean {
    const recordKey = keyOf(collection, id);
    const existing = this.records.get(recordKey);
    const wasLive = previous !== null && previous !== undefined && previous._deleted !== true;
    let entry: StoredRecord;
    if (next._deleted === true) {
      if (!wasLive) return false;
      entry = existing ?? { paths: {}, writes: [] };
      entry.deleted = true;
      entry.writes.push({ at, stamp, paths: [] });
    } else if (!wasLive) {
      entry = existing ?? { paths: {}, writes: [] };
      delete entry.deleted;
      entry.created = true;
      entry.createdStamp = stamp;
      entry.writes.push({ at, stamp, paths: [] });
    } else {
      const paths = changedPaths(withoutBookkeeping(previous), withoutBookkeeping(next));
      if (paths.length === 0) return false;
      if (!existing) this.bases.set(recordKey, withoutReplicationFields(previous));
      entry = existing ?? { paths: {}, writes: [] };
      for (const path of paths) entry.paths[path] = { stamp, hash: hashAt(next, path) };
      // A logged path inside or around one just written (an item added, then one of its fields edited) now
      // holds another value: the push that acknowledges it must carry this one.
      for (const [logged, value] of Object.entries(entry.paths))
        if (!paths.includes(logged) && paths.some((path) => related(path, logged)))
          value.hash = hashAt(next, logged);
      entry.writes.push({ at, stamp, paths });
    }
    this.records.set(recordKey, entry);
    this.changed();
    return true;
  }

  /**
   * The stamps a push row carries: per path changed from `assumed` (the state the server is assumed to hold) to
   * `next`, the latest logged stamp of that path or of a path inside or around it (a list item added and then
   * edited), else the creation's stamp, else `fresh()` (nothing logged, e.g. the log was lost: edited now).
   */
  stampsFor(
    collection: CollectionName,
    id: string,
    assumed: Doc | null,
    next: Doc,
    fresh: () => Stamp,
  ): Record<string, Stamp> {
    if (next._deleted === true) return {};
    const live = assumed && assumed._deleted !== true ? assumed : null;
    const out: Record<string, Stamp> = {};
    let now: Stamp | undefined;
    for (const path of changedPaths(
      live ? withoutBookkeeping(live) : null,
      withoutBookkeeping(next),
    ))
      out[path] = this.latestStamp(collection, id, path) ?? (now ??= fresh());
    return out;
  }

  /**
   * The stamp of the latest logged edit of `path` or of a path inside or around it, else the creation's stamp
   * (undefined when nothing of it is logged).
   */
  latestStamp(collection: CollectionName, id: string, path: string): Stamp | undefined {
    const entry = this.records.get(keyOf(collection, id));
    if (!entry) return undefined;
    let best: Stamp | undefined;
    for (const [logged, { stamp }] of Object.entries(entry.paths))
      if (related(path, logged) && (best === undefined || compareStamps(stamp, best) > 0))
        best = stamp;
    return best ?? entry.createdStamp;
  }

  /**
   * The server stored (or merged) a push row whose document was `sent`. `watermark`: the engine's clock when the
   * row was sent; writes stamped later were made while the push was out. What `sent` holds is acknowledged; the
   * rest stays, counted by the writes that made it.
   */
  acknowledge(collection: CollectionName, id: string, sent: Doc, watermark: Stamp): void {
    const recordKey = keyOf(collection, id);
    const entry = this.records.get(recordKey);
    if (!entry) return;
    delete entry.created;
    delete entry.createdStamp;
    delete entry.unknown;
    if (sent._deleted === true) {
      this.records.delete(recordKey);
      this.bases.delete(recordKey);
      this.changed();
      return;
    }
    for (const [path, { hash }] of Object.entries(entry.paths))
      if (hashAt(sent, path) === hash) delete entry.paths[path];
    entry.writes = entry.writes.filter((write) =>
      write.paths.length === 0
        ? entry.deleted === true && compareStamps(write.stamp, watermark) > 0
        : write.paths.some((path) => {
            const left = entry.paths[path];
            // Made while the push was out, or the latest edit of a path the push did not carry (a write RxDB
            // read after it had built the row).
            return (
              left !== undefined &&
              (compareStamps(write.stamp, watermark) > 0 || write.stamp === left.stamp)
            );
          }),
    );
    if (Object.keys(entry.paths).length === 0 && entry.deleted !== true)
      this.records.delete(recordKey);
    this.bases.delete(recordKey);
    this.changed();
  }

  /** The server refused the record's push: nothing of it is waiting any more (the inbox holds it). */
  drop(collection: CollectionName, id: string): void {
    this.bases.delete(keyOf(collection, id));
    if (this.records.delete(keyOf(collection, id))) this.changed();
  }

  /** Records waiting. */
  get recordCount(): number {
    return this.records.size;
  }

  /** Local writes waiting (a record carried over from the old list counts as one). */
  get editCount(): number {
    let edits = 0;
    for (const entry of this.records.values()) edits += Math.max(1, entry.writes.length);
    return edits;
  }

  /** 'collection/id' of every record waiting. */
  keys(): string[] {
    return [...this.records.keys()];
  }

  /** True when `collection/id` has local writes waiting. */
  has(collection: CollectionName, id: string): boolean {
    return this.records.has(keyOf(collection, id));
  }

  /** True when any record of `collection` has local writes waiting. */
  hasRecordsOf(collection: CollectionName): boolean {
    const prefix = keyOf(collection, '');
    for (const key of this.records.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** The record before its first waiting local edit (see `bases` above); null for a record created here. */
  baseOf(collection: CollectionName, id: string): Doc | null {
    const recordKey = keyOf(collection, id);
    const entry = this.records.get(recordKey);
    if (!entry) this.bases.delete(recordKey);
    return entry && !entry.created ? (this.bases.get(recordKey) ?? null) : null;
  }

  /** Every record waiting, the most recently edited first. */
  changes(): readonly PendingChange[] {
    this.cached ??= [...this.records.entries()]
      .map(([recordKey, entry]) => toPendingChange(recordKey, entry))
      .filter((change): change is PendingChange => change !== null)
      .sort((a, b) => b.lastAt - a.lastAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.cached;
  }

  /**
   * Persists what changed once the current run of work is done (a push reply acknowledges hundreds of rows, a
   * bulk write records as many): saving the whole log per row made a 10,000-edit backlog quadratic (B5).
   */
  private changed(): void {
    this.cached = null;
    if (this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Writes the log to the store now (also what the queued save does). */
  flush(): void {
    this.saveQueued = false;
    const records: Record<string, StoredRecord> = {};
    for (const [recordKey, entry] of this.records) records[recordKey] = entry;
    this.store.set(this.key, JSON.stringify({ version: 1, records }));
  }

  private load(): void {
    const parsed = storedLogSchema.safeParse(parseJson(this.store.get(this.key)));
    if (!parsed.success) return;
    for (const [recordKey, entry] of Object.entries(parsed.data.records))
      if (splitKey(recordKey)) this.records.set(recordKey, entry);
  }

  private migrate(legacyKey: string, now: number): void {
    const parsed = legacyIdsSchema.safeParse(parseJson(this.store.get(legacyKey)));
    if (!parsed.success || parsed.data.length === 0) return;
    for (const recordKey of parsed.data)
      if (splitKey(recordKey) && !this.records.has(recordKey))
        // When the edits were made is unknown: shown as waiting since the upgrade, as one edit.
        this.records.set(recordKey, {
          unknown: true,
          paths: {},
          writes: [
            {
              at: now,
              stamp: encodeStamp({ wall: now, counter: 0, node: 'carried-over' }),
              paths: [],
            },
          ],
        });
    // Carried over once: the log is saved and the old list emptied, the log is the record from now on.
    this.flush();
    this.store.set(legacyKey, '[]');
  }
}

function toPendingChange(recordKey: string, entry: StoredRecord): PendingChange | null {
  const parts = splitKey(recordKey);
  if (!parts) return null;
  const fields: PendingField[] = [];
  if (!entry.created) {
    for (const [path, { stamp }] of Object.entries(entry.paths)) {
      const writes = entry.writes.filter((write) => write.paths.includes(path));
      const { field, itemId, key } = parseStampPath(path);
      fields.push({
        path,
        field,
        ...(itemId === undefined ? {} : { itemId }),
        ...(key === undefined ? {} : { key }),
        since: writes[0]?.at ?? entry.writes[0]?.at ?? 0,
        stamp,
        edits: Math.max(1, writes.length),
      });
    }
    fields.sort((a, b) => a.since - b.since || (a.path < b.path ? -1 : 1));
  }
  const first = entry.writes[0]?.at ?? 0;
  const last = entry.writes[entry.writes.length - 1]?.at ?? first;
  return {
    collection: parts.collection,
    id: parts.id,
    created: entry.created === true,
    ...(entry.deleted ? { deleted: true } : {}),
    fields,
    since: first,
    lastAt: last,
    edits: Math.max(1, entry.writes.length),
  };
}

function keyOf(collection: CollectionName, id: string): string {
  return `${collection}/${id}`;
}

function splitKey(recordKey: string): { collection: CollectionName; id: string } | null {
  const slash = recordKey.indexOf('/');
  if (slash < 0) return null;
  const collection = recordKey.slice(0, slash);
  const id = recordKey.slice(slash + 1);
  if (!(COLLECTION_NAMES as readonly string[]).includes(collection) || id === '') return null;
  return { collection: collection as CollectionName, id };
}

/** True when one path is the other or lies inside it (`lineItems` ⊃ `lineItems[a]` ⊃ `lineItems[a].qty`). */
function related(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) =>
    inner.startsWith(`${outer}[`) || inner.startsWith(`${outer}.`);
  return a === b || inside(a, b) || inside(b, a);
}

function withoutBookkeeping(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
}

function hashAt(doc: Doc, path: string): string {
  return hashString(stableStringify(valueAtPath(doc, path)));
}

/** cyrb53: a fast 53-bit string hash; enough to tell "the value pushed is the one edited" apart. */
function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

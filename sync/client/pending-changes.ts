import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import { changedPaths, parseStampPath, type Stamp } from '@shared/sync';
import type { PendingChange, PendingField } from './pending-change';
import type { KeyValueStore } from './pending-tracker';

/**
 * What is waiting to sync, per record and per field path (issue 15 "Pending changes where they are"): each local
 * write adds the paths it changed (field-paths.ts `changedPaths`), an acknowledged push of the record clears them.
 * Persisted like the pending counter, so a restart still shows what is waiting and since when.
 *
 * A minimal stand-in for the engine's edit log (edit-log.ts, built with the stamps the push sends): same
 * PendingChange shape, so the UI does not change when the edit log replaces it.
 */
export class PendingChanges {
  private readonly records = new Map<string, PendingChange>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    for (const change of readSaved(store.get(key))) this.records.set(keyOf(change), change);
  }

  /** One local write of a record (`before` null: created here). */
  record(
    collection: CollectionName,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    stamp: Stamp,
    now: number,
  ): void {
    const paths = changedPaths(before, after);
    const existing = this.records.get(`${collection}/${id}`);
    if (paths.length === 0 && !existing) return;
    const change: PendingChange = existing ?? {
      collection,
      id,
      created: before === null,
      fields: [],
      since: now,
      lastAt: now,
      edits: 0,
    };
    for (const path of paths) {
      const field = change.fields.find((f) => f.path === path);
      if (field) {
        field.stamp = stamp;
        field.edits += 1;
      } else {
        const parsed = parseStampPath(path);
        const next: PendingField = { path, field: parsed.field, since: now, stamp, edits: 1 };
        if (parsed.itemId !== undefined) next.itemId = parsed.itemId;
        if (parsed.key !== undefined) next.key = parsed.key;
        change.fields.push(next);
      }
    }
    change.edits += 1;
    change.lastAt = now;
    this.records.set(`${collection}/${id}`, change);
    this.save();
  }

  /** The server acknowledged a push of these records (stored, merged or refused: nothing waits any more). */
  acknowledge(collection: CollectionName, ids: readonly string[]): void {
    let changed = false;
    for (const id of ids) changed = this.records.delete(`${collection}/${id}`) || changed;
    if (changed) this.save();
  }

  /** Oldest first. */
  list(): PendingChange[] {
    return [...this.records.values()]
      .map((change) => ({ ...change, fields: change.fields.map((f) => ({ ...f })) }))
      .sort((a, b) => a.since - b.since);
  }

  get editCount(): number {
    let edits = 0;
    for (const change of this.records.values()) edits += change.edits;
    return edits;
  }

  clear(): void {
    this.records.clear();
    this.save();
  }

  private save(): void {
    this.store.set(this.key, JSON.stringify([...this.records.values()]));
  }
}

function keyOf(change: Pick<PendingChange, 'collection' | 'id'>): string {
  return `${change.collection}/${change.id}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A damaged or older saved value is dropped record by record (the pending counter still counts the record). */
function readSaved(raw: string | null): PendingChange[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (x): x is PendingChange =>
      isObject(x) &&
      typeof x.id === 'string' &&
      (COLLECTION_NAMES as readonly unknown[]).includes(x.collection) &&
      Array.isArray(x.fields) &&
      x.fields.every(
        (f) => isObject(f) && typeof f.path === 'string' && typeof f.since === 'number',
      ) &&
      typeof x.since === 'number' &&
      typeof x.lastAt === 'number' &&
      typeof x.edits === 'number',
  );
}

/**
 * Three-way, field-level merge of one record (sync/README.md "The merge rule"), used by the server when a
 * push was based on an older master and by the client's conflict handler.
 *
 * base     — the master state the writer last saw (RxDB's assumedMasterState)
 * current  — the state stored on the server now (the other writers' work)
 * incoming — the state the writer wants
 *
 * Rules (documented in sync/README.md):
 * 1. A field changed on one side only takes that side's value.
 * 2. A field changed on both sides to the same value takes it (no conflict).
 * 3. A field changed on both sides to different values is decided by `prefer`: on the server the incoming
 *    write wins ("last write to reach the server wins", as Dynamics 365 does), on the client the server's
 *    decision wins. The losing value is returned in `conflicts` and the server keeps it in the record's
 *    history, so nothing is silently lost.
 * Fields are compared as JSON values; arrays and objects (tags, line items, payment plans) are one value.
 * Bookkeeping fields (updatedAt, updatedBy) never conflict: they are recomputed by the caller.
 */
export type MergeSide = 'current' | 'incoming';

export interface FieldConflict {
  field: string;
  base: unknown;
  /** The value kept. */
  kept: unknown;
  /** The value that lost the tie-break (kept in history). */
  lost: unknown;
  /** Which side lost. */
  loser: MergeSide;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
  /** Fields whose value differs from `current` (what the write changes on the server). */
  changedFields: string[];
}

export const MERGE_IGNORED_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  'updatedBy',
  '_meta',
  '_rev',
  '_attachments',
]);

/** Deterministic JSON (object keys sorted) so equal values compare equal whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** True when two record states are equal, ignoring replication bookkeeping fields. */
export function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));
  return sameValue(strip(a), strip(b));
}

export function threeWayMerge<T extends Record<string, unknown>>(
  base: T | null,
  current: T,
  incoming: T,
  prefer: MergeSide,
): MergeResult<T> {
  const merged: Record<string, unknown> = { ...current };
  const conflicts: FieldConflict[] = [];
  const fields = new Set([
    ...Object.keys(current),
    ...Object.keys(incoming),
    ...(base ? Object.keys(base) : []),
  ]);
  for (const field of fields) {
    if (field.startsWith('_') || MERGE_IGNORED_FIELDS.has(field)) continue;
    const b = base ? base[field] : undefined;
    const c = current[field];
    const i = incoming[field];
    const currentChanged = base ? !sameValue(b, c) : false;
    const incomingChanged = base ? !sameValue(b, i) : !sameValue(c, i);
    if (!incomingChanged) continue;
    if (!currentChanged || sameValue(c, i)) {
      assign(merged, field, i);
      continue;
    }
    const keepIncoming = prefer === 'incoming';
    assign(merged, field, keepIncoming ? i : c);
    conflicts.push({
      field,
      base: b,
      kept: keepIncoming ? i : c,
      lost: keepIncoming ? c : i,
      loser: keepIncoming ? 'current' : 'incoming',
    });
  }
  const changedFields = [...fields].filter(
    (f) => !f.startsWith('_') && !MERGE_IGNORED_FIELDS.has(f) && !sameValue(merged[f], current[f]),
  );
  return { merged: merged as T, conflicts, changedFields };
}

function assign(target: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

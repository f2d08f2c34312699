/**
 * Where a person was in a list, and the order of the records it showed (issue 16: "the selection kept when
 * returning from a record", "next/previous record").
 *
 * - The position: per list (its route and filter, `positionKey`), the key of the row last opened. Kept in
 *   sessionStorage, so a reload of the window keeps it and a new window starts fresh; never in the URL.
 * - The sequence: the list a record was opened from, in its loaded order, with the way to load its next page.
 *   Kept in memory only (it holds a function); a record opened any other way has none.
 */

const STORAGE_PREFIX = 'crm.list-position:';

const memory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Remembers `rowKey` as the row last opened in the list `positionKey`. */
export function rememberListPosition(positionKey: string, rowKey: string): void {
  memory.set(positionKey, rowKey);
  storage()?.setItem(STORAGE_PREFIX + positionKey, rowKey);
}

/** The row last opened in the list `positionKey`, if any. */
export function recalledListPosition(positionKey: string): string | null {
  return memory.get(positionKey) ?? storage()?.getItem(STORAGE_PREFIX + positionKey) ?? null;
}

/** One record of a list, as the record pages move through it. */
export interface SequenceEntry {
  key: string;
  href: string;
}

/** The list a record was opened from. */
export interface RecordSequence {
  /** The record kind ('accounts', 'deals' …): a record page of another kind ignores the sequence. */
  kind: string;
  /** The list's address (the `u` shortcut and the "back" of the sequence go there). */
  listPath: string;
  positionKey: string;
  entries: SequenceEntry[];
  /** Loads the list's next page and returns all its entries so far; null when there is no more. */
  loadMore?: () => Promise<SequenceEntry[] | null>;
}

let current: RecordSequence | null = null;

/** Called by a list when it opens a row. */
export function startRecordSequence(sequence: RecordSequence): void {
  current = sequence;
}

/** The sequence a record page of `kind` belongs to, if the record was opened from a list of that kind. */
export function recordSequenceFor(kind: string, key: string): RecordSequence | null {
  if (!current || current.kind !== kind) return null;
  return current.entries.some((e) => e.key === key) ? current : null;
}

/**
 * The entry `step` places after (1) or before (-1) `key`, loading the list's next page when the step goes past
 * the loaded rows; null at either end. The position of the list follows, so returning to it focuses the record
 * the person moved to.
 */
export async function stepRecordSequence(
  sequence: RecordSequence,
  key: string,
  step: 1 | -1,
): Promise<SequenceEntry | null> {
  let index = sequence.entries.findIndex((e) => e.key === key);
  if (index < 0) return null;
  let target = index + step;
  if (target >= sequence.entries.length && sequence.loadMore) {
    const more = await sequence.loadMore();
    if (more) {
      sequence.entries = more;
      index = more.findIndex((e) => e.key === key);
      target = index + step;
    }
  }
  const entry = index < 0 ? undefined : sequence.entries[target];
  if (!entry || target < 0) return null;
  rememberListPosition(sequence.positionKey, entry.key);
  return entry;
}

/** For tests: forget every position and sequence. */
export function resetListPositions(): void {
  memory.clear();
  current = null;
  const store = storage();
  if (!store) return;
  for (let i = store.length - 1; i >= 0; i--) {
    const name = store.key(i);
    if (name?.startsWith(STORAGE_PREFIX)) store.removeItem(name);
  }
}

import { itemsById, parseStampPath } from './field-paths';
import { sameValue } from './merge';
import type { HistoryEntry } from './api';

type Item = Record<string, unknown> & { id: string };

/**
 * A value from a record's history to put back (issue 15, "restore an overwritten value in one click"):
 * - `value`: a whole field;
 * - `item`: one list item as a whole, by id (re-added when it was deleted since, replaced in place when it is
 *   still there; null removes it: the lost change of an `editKeepsItem` merge was a deletion);
 * - `values`: some fields of one list item, by id (the other fields and items keep their current values).
 */
export type RestoreTarget =
  | { field: string; value: unknown }
  | { field: string; itemId: string; item: Item | null }
  | { field: string; itemId: string; values: Record<string, unknown> };

function isItem(value: unknown): value is Item {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/**
 * The patch that writes `target` back into `current` as a new edit — one field, the list it belongs to rebuilt
 * item by item so only the restored item changes (the edit then syncs and merges like any other) — or null
 * when there is nothing to restore: the value is already there, or the item whose field it was is gone.
 * A null value of a whole field means "was not set" and is restored as unset.
 */
export function restorePatch(
  current: Readonly<Record<string, unknown>>,
  target: RestoreTarget,
): Record<string, unknown> | null {
  const { field } = target;
  if (!('itemId' in target)) {
    const value = target.value ?? undefined;
    return sameValue(current[field], value) ? null : { [field]: value };
  }
  const list = Array.isArray(current[field]) ? (current[field] as unknown[]) : [];
  const at = list.findIndex((element) => isItem(element) && element.id === target.itemId);
  const was = at >= 0 ? (list[at] as Item) : undefined;
  if ('values' in target) {
    if (!was) return null;
    const next = { ...was, ...target.values, id: was.id };
    return sameValue(was, next) ? null : { [field]: list.map((e, i) => (i === at ? next : e)) };
  }
  if (target.item === null) return was ? { [field]: list.filter((_, i) => i !== at) } : null;
  const item = { ...target.item, id: target.itemId };
  if (!was) return { [field]: [...list, item] };
  return sameValue(was, item) ? null : { [field]: list.map((e, i) => (i === at ? item : e)) };
}

/**
 * What a history line's overwritten value is, as a restore target: the old value of a change, the value that
 * lost a merge (on a list item's field or whole item when the line names one). Null for lines with nothing
 * overwritten (a record created or deleted) and for whole lists of items, which are restored per item
 * (`listItemRestores`).
 */
export function restoreTargetOf(entry: HistoryEntry): RestoreTarget | null {
  if (entry.kind !== 'change' && entry.kind !== 'merge') return null;
  const path = parseStampPath(entry.field);
  const itemId = path.itemId ?? entry.merge?.itemId;
  const key = path.key ?? entry.merge?.key;
  const field = path.field;
  if (itemId === undefined) {
    if (isItemListValue(entry.oldValue) || isItemListValue(entry.newValue)) return null;
    return { field, value: entry.oldValue };
  }
  if (key !== undefined) return { field, itemId, values: { [key]: entry.oldValue } };
  if (entry.oldValue === null || entry.oldValue === undefined) return { field, itemId, item: null };
  return isItem(entry.oldValue) ? { field, itemId, item: entry.oldValue } : null;
}

function isItemListValue(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isItem);
}

/** One item's part of a change to a list of items, from the list before and after the change. */
export interface ListItemChange {
  itemId: string;
  change: 'added' | 'removed' | 'changed';
  before?: Item;
  after?: Item;
  /** The fields of a changed item whose values differ. */
  keys: string[];
  /** Puts this item's before-state back: a removed item re-added, a changed item's changed fields. */
  restore?: RestoreTarget;
}

/** A change of a whole list of items read item by item (what was added, removed, changed), in list order. */
export function listItemChanges(field: string, before: unknown, after: unknown): ListItemChange[] {
  const old = itemsById(before);
  const next = itemsById(after);
  const out: ListItemChange[] = [];
  for (const [itemId, item] of next) {
    const was = old.get(itemId);
    if (!was) {
      out.push({ itemId, change: 'added', after: item, keys: [] });
      continue;
    }
    const keys = [...new Set([...Object.keys(was), ...Object.keys(item)])].filter(
      (key) => key !== 'id' && !sameValue(was[key], item[key]),
    );
    if (keys.length === 0) continue;
    const values = Object.fromEntries(keys.map((key) => [key, was[key]]));
    out.push({
      itemId,
      change: 'changed',
      before: was,
      after: item,
      keys,
      restore: { field, itemId, values },
    });
  }
  for (const [itemId, was] of old)
    if (!next.has(itemId))
      out.push({
        itemId,
        change: 'removed',
        before: was,
        keys: [],
        restore: { field, itemId, item: was },
      });
  return out;
}

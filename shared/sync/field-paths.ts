import { sameValue } from './values';

/**
 * Where an edit happened in a record, as the merge compares it (sync/README.md "The merge rule"): a field
 * (`amount`), or one field of one item of a list of items (`lineItems[<itemId>].quantity`), or a list item as a
 * whole (`lineItems[<itemId>]`: added or deleted). Lists of items are arrays whose elements are all objects with
 * a string `id` (a deal's line items, a contract's payment plan and payments); other arrays (tags) are one value.
 */
export interface FieldPath {
  field: string;
  itemId?: string;
  key?: string;
}

/** Bookkeeping fields: never stamped, never in conflict (the server sets them). */
export const UNSTAMPED_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  'updatedBy',
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
]);

export function stampPath({ field, itemId, key }: FieldPath): string {
  if (itemId === undefined) return field;
  return key === undefined ? `${field}[${itemId}]` : `${field}[${itemId}].${key}`;
}

export function parseStampPath(path: string): FieldPath {
  const open = path.indexOf('[');
  if (open < 0) return { field: path };
  const close = path.lastIndexOf(']');
  if (close < open) return { field: path };
  const field = path.slice(0, open);
  const itemId = path.slice(open + 1, close);
  const rest = path.slice(close + 1);
  return rest.startsWith('.') ? { field, itemId, key: rest.slice(1) } : { field, itemId };
}

type Item = Record<string, unknown> & { id: string };

function isItem(value: unknown): value is Item {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** True when every given value is an array (or absent) of objects with distinct string ids. */
export function isItemList(...values: unknown[]): boolean {
  let sawArray = false;
  for (const value of values) {
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) return false;
    sawArray = true;
    const ids = new Set<string>();
    for (const element of value) {
      if (!isItem(element) || ids.has(element.id)) return false;
      ids.add(element.id);
    }
  }
  return sawArray;
}

/** The items of a list by id, in order. */
export function itemsById(value: unknown): Map<string, Item> {
  const out = new Map<string, Item>();
  if (Array.isArray(value))
    for (const element of value) if (isItem(element)) out.set(element.id, element);
  return out;
}

/**
 * The paths a write from `before` to `after` changes (stamped on the device when the edit is made). A new record
 * (`before` null) changes every field. A list of items changes per item: an added or deleted item is
 * `list[id]`, an edited one `list[id].key` per key.
 */
export function changedPaths(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const out: string[] = [];
  for (const field of fields) {
    if (field.startsWith('_') || UNSTAMPED_FIELDS.has(field)) continue;
    const old = before?.[field];
    const next = after[field];
    if (sameValue(old, next)) continue;
    if (!before || !isItemList(old, next)) {
      out.push(field);
      continue;
    }
    const oldItems = itemsById(old);
    const newItems = itemsById(next);
    const itemPathsStart = out.length;
    for (const [id, item] of newItems) {
      const was = oldItems.get(id);
      if (!was) {
        out.push(stampPath({ field, itemId: id }));
        continue;
      }
      for (const key of new Set([...Object.keys(was), ...Object.keys(item)]))
        if (key !== 'id' && !sameValue(was[key], item[key]))
          out.push(stampPath({ field, itemId: id, key }));
    }
    for (const id of oldItems.keys())
      if (!newItems.has(id)) out.push(stampPath({ field, itemId: id }));
    // Only the order changed: the list as a whole.
    if (out.length === itemPathsStart) out.push(field);
  }
  return out;
}

/** The value at a stamp path of a record: the field, the list item, or the item's field (undefined if absent). */
export function valueAtPath(record: Record<string, unknown> | null, path: string): unknown {
  if (!record) return undefined;
  const { field, itemId, key } = parseStampPath(path);
  if (itemId === undefined) return record[field];
  const item = itemsById(record[field]).get(itemId);
  return key === undefined ? item : item?.[key];
}

/**
 * The stamps that still describe `record`: a path whose field is gone, or whose list item is no longer in the
 * list, is dropped (a deleted item's stamps would otherwise pile up for ever).
 */
export function pruneStamps<S>(
  stamps: Readonly<Record<string, S>>,
  record: Record<string, unknown>,
): Record<string, S> {
  const out: Record<string, S> = {};
  for (const [path, stamp] of Object.entries(stamps)) {
    const { field, itemId } = parseStampPath(path);
    if (field.startsWith('_') || UNSTAMPED_FIELDS.has(field) || record[field] === undefined)
      continue;
    if (itemId !== undefined && !itemsById(record[field]).has(itemId)) continue;
    out[path] = stamp;
  }
  return out;
}

import { changedPaths, isItemList, itemsById, pruneStamps, stampPath } from './field-paths';
import type { FieldPath } from './field-paths';
import { compareStamps, decodeStamp, laterStamp, type Stamp } from './hlc';
import type { MergeReason } from './protocol';
import { sameValue, stableStringify } from './values';

export { sameValue, stableStringify } from './values';

/**
 * Three-way, field-level merge of one record (sync/README.md "The merge rule"), written once and used by the
 * server (which decides) and by the client's conflict handler and push rebase (which adopt its decision).
 *
 * base     — the master state the writer last saw (RxDB's assumedMasterState)
 * current  — the state stored on the server now (the other writers' work)
 * incoming — the state the writer wants
 *
 * Rules:
 * 1. A field changed on one side only takes that side's value.
 * 2. A field changed on both sides to the same value takes it (no conflict).
 * 3. A field changed on both sides to different values is decided by the policy:
 *    - `{ stamps }` (the server): the LATER EDIT wins — the side whose stamp for that path (hlc.ts, made on the
 *      device when the edit was made) is later. Stamps compare as (wall, counter, node), so equal instants fall
 *      to the node id (reason `tie`) and every replica decides alike. The caller supplies the stamps with their
 *      fallbacks: a stored path without a stamp → the record's last write time (legacy), an incoming changed
 *      path without one → the server's receive time (old clients). Skew is bounded before the merge: devices
 *      correct their clocks by the offset to the server's clock measured at connect, and the server clamps every
 *      incoming stamp to its own clock + the max skew (`clampStamp`, default DEFAULT_MAX_CLOCK_SKEW_MS = 60 s,
 *      server option --max-clock-skew-ms), so a laptop whose clock is a day fast wins by at most that bound.
 *    - `'current'` / `'incoming'`: that side wins. The client's conflict handler prefers `current` (the state
 *      the server stored, already decided with stamps: re-deciding by the device clock could let a stamp the
 *      server clamped win on the next push).
 *    The loser is returned in `conflicts` (with path, both stamps and the reason); the server keeps it in the
 *    record's history, so nothing is silently lost.
 * 4. Lists of items (field-paths.ts `isItemList`: a deal's line items, a contract's payment plan and payments)
 *    merge item by item under both policies: an item added on either side survives; edits to different items or
 *    different fields of one item survive; the same field of the same item follows rule 3 (path
 *    `list[id].key`); an item deleted on one side and edited on the other is KEPT with the edit (reason
 *    `editKeepsItem`; the deletion is the losing change). Order: the list of the side that edited the list last
 *    (its latest stamp among the list's changed paths; the preferred side under a side policy; equal stamps →
 *    the greater JSON) gives the order of its items; each item only the other side has is inserted right after
 *    its nearest predecessor in the other side's list (at the start when it has none). So two offline additions
 *    both survive in a deterministic order that does not depend on which push arrived first.
 *    Other arrays (tags) and objects are one value each.
 * Totals are never merged: the caller derives them again from the merged items (a deal's amount).
 * Bookkeeping fields (updatedAt, updatedBy, `_…`) never conflict: the caller sets them.
 */
export type MergeSide = 'current' | 'incoming';

/** The server's policy: a same-path conflict is won by the later stamp. */
export interface StampPolicy {
  stamps: {
    /** The stamp of a path of `current` (with the caller's fallback for an unstamped path). */
    current: (path: string) => Stamp;
    /** The stamp of a path of `incoming` (with the caller's fallback for an unstamped path). */
    incoming: (path: string) => Stamp;
    /** The per-path stamps stored with `current`, carried into the result's `stamps`. */
    stored?: Readonly<Record<string, Stamp>>;
  };
}

export type MergePolicy = MergeSide | StampPolicy;

export interface FieldConflict extends FieldPath {
  /** The stamp path (field-paths.ts) the conflict was on: `amount`, `lineItems[<id>]`, `lineItems[<id>].qty`. */
  path: string;
  base: unknown;
  /** The value kept (for `editKeepsItem`: the edited item). */
  kept: unknown;
  /** The value that lost (kept in history; for `editKeepsItem`: null, the deletion). */
  lost: unknown;
  /** Which side lost. */
  loser: MergeSide;
  reason: MergeReason;
  /** Under the stamp policy: the stamps of the kept and the lost edit. */
  keptStamp?: Stamp;
  lostStamp?: Stamp;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
  /** Fields whose value differs from `current` (what the write changes on the server). */
  changedFields: string[];
  /**
   * Under the stamp policy: the per-path stamps of `merged` — `stored`, overlaid with the incoming stamp of
   * every path whose merged value came from `incoming`, pruned of fields and items no longer there. Empty under
   * a side policy.
   */
  stamps: Record<string, Stamp>;
}

export const MERGE_IGNORED_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  'updatedBy',
  '_meta',
  '_rev',
  '_attachments',
]);

/** True when two record states are equal, ignoring replication bookkeeping fields. */
export function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = (r: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('_')));
  return sameValue(strip(a), strip(b));
}

/**
 * A path's stamp from a record's stored stamps: the path's own, else its item's (`list[id]`, when the item was
 * added as a whole), else its field's (the list written as a whole, or the record created), else `fallback`.
 */
export function stampLookup(
  stamps: Readonly<Record<string, Stamp>>,
  fallback: Stamp,
): (path: string) => Stamp {
  return (path) => {
    const own = stamps[path];
    if (own !== undefined) return own;
    const open = path.indexOf('[');
    if (open < 0) return fallback;
    const close = path.lastIndexOf(']');
    return stamps[path.slice(0, close + 1)] ?? stamps[path.slice(0, open)] ?? fallback;
  };
}

/**
 * The stamps a record has after a write from `before` to `after`: `stored`, with `stampOf(path)` for every path
 * the write changes (field-paths.ts `changedPaths`), pruned of fields and items no longer there.
 */
export function stampsAfterWrite(
  stored: Readonly<Record<string, Stamp>>,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  stampOf: (path: string) => Stamp,
): Record<string, Stamp> {
  const out: Record<string, Stamp> = { ...stored };
  for (const path of changedPaths(before, after)) out[path] = stampOf(path);
  return pruneStamps(out, after);
}

export function threeWayMerge<T extends Record<string, unknown>>(
  base: T | null,
  current: T,
  incoming: T,
  policy: MergePolicy,
): MergeResult<T> {
  const merger = new Merger(policy);
  const merged: Record<string, unknown> = { ...current };
  const fields = new Set([
    ...Object.keys(current),
    ...Object.keys(incoming),
    ...(base ? Object.keys(base) : []),
  ]);
  for (const field of fields) {
    if (ignored(field)) continue;
    const b = base ? base[field] : undefined;
    const c = current[field];
    const i = incoming[field];
    if (sameValue(c, i)) continue;
    const incomingChanged = base ? !sameValue(b, i) : true;
    // Without a base nothing says what either side changed: the stamp policy judges every differing path; a
    // side policy takes the incoming value (what the write asks for), as before stamps existed.
    const currentChanged = base ? !sameValue(b, c) : merger.stamped;
    if (!incomingChanged) continue;
    if (!currentChanged) {
      merger.takeIncoming(field, c, i);
      assign(merged, field, i);
    } else if (isItemList(b, c, i)) {
      assign(merged, field, merger.mergeList(field, base ? b : undefined, c, i));
    } else {
      assign(merged, field, merger.decide({ field }, field, b, c, i));
    }
  }
  const changedFields = [...fields].filter((f) => !ignored(f) && !sameValue(merged[f], current[f]));
  const stamps = merger.stamped
    ? pruneStamps({ ...((policy as StampPolicy).stamps.stored ?? {}), ...merger.decided }, merged)
    : {};
  return { merged: merged as T, conflicts: merger.conflicts, changedFields, stamps };
}

function ignored(field: string): boolean {
  return field.startsWith('_') || MERGE_IGNORED_FIELDS.has(field);
}

function assign(target: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete target[field];
  else target[field] = value;
}

type Item = Record<string, unknown> & { id: string };

/** One merge's decisions: conflicts found and the incoming stamps of the paths taken from `incoming`. */
class Merger {
  readonly conflicts: FieldConflict[] = [];
  readonly decided: Record<string, Stamp> = {};
  private readonly stamps: StampPolicy['stamps'] | null;

  constructor(private readonly policy: MergePolicy) {
    this.stamps = typeof policy === 'string' ? null : policy.stamps;
  }

  get stamped(): boolean {
    return this.stamps !== null;
  }

  /** `incoming`'s value of `field` is taken as it is: its changed paths carry its stamps. */
  takeIncoming(field: string, c: unknown, i: unknown): void {
    if (!this.stamps) return;
    for (const path of changedPaths({ [field]: c }, { [field]: i }))
      this.decided[path] = this.stamps.incoming(path);
  }

  /** A path changed on both sides to different values: the winner's value, the loser in `conflicts`. */
  decide(at: FieldPath, path: string, b: unknown, c: unknown, i: unknown): unknown {
    const { side, reason, currentStamp, incomingStamp } = this.winner(path, c, i);
    const keepIncoming = side === 'incoming';
    if (keepIncoming && incomingStamp) this.decided[path] = incomingStamp;
    this.conflicts.push({
      ...at,
      path,
      base: b,
      kept: keepIncoming ? i : c,
      lost: keepIncoming ? c : i,
      loser: keepIncoming ? 'current' : 'incoming',
      reason,
      ...(currentStamp && incomingStamp
        ? {
            keptStamp: keepIncoming ? incomingStamp : currentStamp,
            lostStamp: keepIncoming ? currentStamp : incomingStamp,
          }
        : {}),
    });
    return keepIncoming ? i : c;
  }

  private winner(
    path: string,
    c: unknown,
    i: unknown,
  ): { side: MergeSide; reason: MergeReason; currentStamp?: Stamp; incomingStamp?: Stamp } {
    // A side policy stands for a decision the server already made by the later edit.
    if (!this.stamps) return { side: this.policy as MergeSide, reason: 'laterEdit' };
    const currentStamp = this.stamps.current(path);
    const incomingStamp = this.stamps.incoming(path);
    const order = compareStamps(currentStamp, incomingStamp) || compareValues(c, i);
    return {
      side: order > 0 ? 'current' : 'incoming',
      reason: sameInstant(currentStamp, incomingStamp) ? 'tie' : 'laterEdit',
      currentStamp,
      incomingStamp,
    };
  }

  /** A list of items changed on both sides: merged item by item (rule 4). */
  mergeList(field: string, b: unknown, c: unknown, i: unknown): Item[] {
    const baseItems = itemsById(b);
    const currentItems = itemsById(c);
    const incomingItems = itemsById(i);
    const kept = new Map<string, Item>();
    const ids = new Set([...currentItems.keys(), ...incomingItems.keys()]);
    for (const id of ids) {
      const bi = baseItems.get(id);
      const ci = currentItems.get(id);
      const ii = incomingItems.get(id);
      const path = stampPath({ field, itemId: id });
      if (ci && ii) kept.set(id, this.mergeItem(field, id, bi, ci, ii));
      else if (ii) {
        // Added by incoming, or deleted by current: kept unless incoming left it as it was.
        if (bi && sameValue(bi, ii)) continue;
        kept.set(id, ii);
        const stamp = this.latestEdit('incoming', field, bi, ii);
        if (stamp) this.decided[path] = stamp;
        if (bi) this.keepEditedItem(field, id, bi, ii, 'current');
      } else if (ci) {
        if (bi && sameValue(bi, ci)) continue;
        kept.set(id, ci);
        if (bi) this.keepEditedItem(field, id, bi, ci, 'incoming');
      }
    }
    const primary = this.primarySide(field, b, c, i);
    const first = primary === 'current' ? c : i;
    const second = primary === 'current' ? i : c;
    const order = [...itemsById(first).keys()].filter((id) => kept.has(id));
    let anchor = -1;
    for (const id of itemsById(second).keys()) {
      const at = order.indexOf(id);
      if (at >= 0) anchor = at;
      else if (kept.has(id)) {
        anchor += 1;
        order.splice(anchor, 0, id);
      }
    }
    return order.map((id) => kept.get(id) as Item);
  }

  /** The same item on both sides: merged field by field (an item both sides added is judged like a conflict). */
  private mergeItem(field: string, id: string, bi: Item | undefined, ci: Item, ii: Item): Item {
    const out: Record<string, unknown> = { ...ci };
    for (const key of new Set([...Object.keys(bi ?? {}), ...Object.keys(ci), ...Object.keys(ii)])) {
      if (key === 'id') continue;
      const bk = bi?.[key];
      const ck = ci[key];
      const ik = ii[key];
      if (sameValue(ck, ik) || (bi && sameValue(bk, ik))) continue;
      const path = stampPath({ field, itemId: id, key });
      if (bi && sameValue(bk, ck)) {
        assign(out, key, ik);
        if (this.stamps) this.decided[path] = this.stamps.incoming(path);
      } else assign(out, key, this.decide({ field, itemId: id, key }, path, bk, ck, ik));
    }
    return out as Item;
  }

  /** An item edited on one side and deleted on the other stays, with the edit; the deletion lost. */
  private keepEditedItem(
    field: string,
    id: string,
    bi: Item,
    edited: Item,
    loser: MergeSide,
  ): void {
    const path = stampPath({ field, itemId: id });
    const keeper: MergeSide = loser === 'current' ? 'incoming' : 'current';
    const keptStamp = this.latestEdit(keeper, field, bi, edited);
    const lostStamp = this.stamps?.[loser](path);
    this.conflicts.push({
      field,
      itemId: id,
      path,
      base: bi,
      kept: edited,
      lost: null,
      loser,
      reason: 'editKeepsItem',
      ...(keptStamp && lostStamp ? { keptStamp, lostStamp } : {}),
    });
  }

  /** The latest stamp among the fields `side` edited in an item (its add stamp when it is new). */
  private latestEdit(
    side: MergeSide,
    field: string,
    bi: Item | undefined,
    item: Item,
  ): Stamp | undefined {
    if (!this.stamps) return undefined;
    const stampOf = this.stamps[side];
    const paths = changedPaths({ [field]: bi ? [bi] : [] }, { [field]: [item] });
    return paths
      .map(stampOf)
      .reduce<Stamp | undefined>(
        (latest, stamp) => (latest === undefined ? stamp : laterStamp(latest, stamp)),
        undefined,
      );
  }

  /** Whose order a list merged item by item follows: the side that edited it last (rule 4). */
  private primarySide(field: string, b: unknown, c: unknown, i: unknown): MergeSide {
    const stamps = this.stamps;
    if (!stamps) return this.policy as MergeSide;
    const latest = (side: MergeSide, value: unknown): Stamp =>
      changedPaths({ [field]: b }, { [field]: value })
        .map((path) => stamps[side](path))
        .reduce((a, s) => laterStamp(a, s), '');
    const order = compareStamps(latest('current', c), latest('incoming', i)) || compareValues(c, i);
    return order > 0 ? 'current' : 'incoming';
  }
}

/** A deterministic order of two different values (the final tie-break: the same on every replica). */
function compareValues(a: unknown, b: unknown): number {
  const x = stableStringify(a);
  const y = stableStringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Two stamps of the same instant (wall and counter): only the node tells them apart. */
function sameInstant(a: Stamp, b: Stamp): boolean {
  const x = decodeStamp(a);
  const y = decodeStamp(b);
  return x !== null && y !== null && x.wall === y.wall && x.counter === y.counter;
}

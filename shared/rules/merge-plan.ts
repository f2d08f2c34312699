import type { CollectionName, EntityByCollection } from '../domain';
import { storedForm } from './stored-form';

/**
 * Merging duplicates (issue 19, "Duplicates" → Merge): two or more accounts, contacts or leads become one. The
 * person picks the survivor and, field by field, whose value it keeps; every related record moves to the
 * survivor; the losers become tombstones that point to it (`mergedIntoId`), so a replica or an offline edit that
 * still names a loser lands on the survivor (the server's push path follows the same references:
 * sync/server/records/merged-records.ts).
 */

/** The kinds that can be merged. */
export type MergeKind = 'accounts' | 'contacts' | 'leads';
export const MERGE_KINDS: readonly MergeKind[] = ['accounts', 'contacts', 'leads'];
export type MergeRecord<K extends MergeKind = MergeKind> = EntityByCollection[K];

/**
 * A field of another record that points at a mergeable record: `field` of `collection` holds an id of `target`
 * (only when `when` holds, e.g. an activity's `relatedId` names an account when its `relatedType` is 'account').
 */
export interface MergeReference {
  collection: CollectionName;
  field: string;
  target: MergeKind;
  when?: { field: string; equals: string };
}

/**
 * Every reference to an account, contact or lead (shared/domain/entities.ts). Comments are activities
 * (type 'comment'), so they move with the activities; meeting notes are keyed by their activity and move with it.
 */
export const MERGE_REFERENCES: readonly MergeReference[] = [
  { collection: 'contacts', field: 'accountId', target: 'accounts' },
  { collection: 'deals', field: 'accountId', target: 'accounts' },
  { collection: 'deals', field: 'contactId', target: 'contacts' },
  { collection: 'deals', field: 'decisionMakerId', target: 'contacts' },
  { collection: 'contracts', field: 'accountId', target: 'accounts' },
  { collection: 'tickets', field: 'accountId', target: 'accounts' },
  { collection: 'tickets', field: 'contactId', target: 'contacts' },
  { collection: 'activities', field: 'accountId', target: 'accounts' },
  {
    collection: 'activities',
    field: 'relatedId',
    target: 'accounts',
    when: { field: 'relatedType', equals: 'account' },
  },
  {
    collection: 'activities',
    field: 'relatedId',
    target: 'contacts',
    when: { field: 'relatedType', equals: 'contact' },
  },
  {
    collection: 'activities',
    field: 'relatedId',
    target: 'leads',
    when: { field: 'relatedType', equals: 'lead' },
  },
  { collection: 'leads', field: 'convertedAccountId', target: 'accounts' },
  { collection: 'leads', field: 'convertedContactId', target: 'contacts' },
];

/** The references that point at records of `kind` (what moves when records of that kind merge). */
export function referencesTo(kind: MergeKind): MergeReference[] {
  return MERGE_REFERENCES.filter((ref) => ref.target === kind);
}

/** Does `record` (of the reference's collection) point at a record of the reference's target through it? */
export function referencedId(ref: MergeReference, record: Record<string, unknown>): string {
  if (ref.when && record[ref.when.field] !== ref.when.equals) return '';
  const value = record[ref.field];
  return typeof value === 'string' ? value : '';
}

/**
 * Fields the person does not choose: derived from others (re-derived by storedForm), kept by rules
 * (lastActivityAt: the latest of all), the merge's own pointer, and the record's bookkeeping.
 */
const NOT_CHOSEN = new Set([
  'id',
  'workspaceId',
  'teamId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'deleted',
  'deletedAt',
  'nameKey',
  'companyKey',
  'anniversaryMonthDay',
  'birthdayMonthDay',
  'lastActivityAt',
  'mergedIntoId',
]);

/** The fields of a kind's records the merge screen offers a choice for (ownerId included: whose record it is). */
export function mergeableFields(records: readonly MergeRecord[]): string[] {
  const fields = new Set<string>();
  for (const record of records)
    for (const key of Object.keys(record)) if (!NOT_CHOSEN.has(key)) fields.add(key);
  return [...fields];
}

/** '' / [] / 0 / undefined count as empty: a default choice skips them for a filled value. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === 0 ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The record whose value a field keeps when the person did not choose: the survivor's, or the first loser (in
 * the order given) with a non-empty value, or the survivor's empty one.
 */
export function defaultChoice(
  field: string,
  survivor: MergeRecord,
  losers: readonly MergeRecord[],
): string {
  const valueOf = (r: MergeRecord) => (r as Record<string, unknown>)[field];
  if (!isEmptyValue(valueOf(survivor))) return survivor.id;
  return losers.find((loser) => !isEmptyValue(valueOf(loser)))?.id ?? survivor.id;
}

/** One related record that moves: the fields to write (each reference to a loser, now the survivor). */
export interface MergeMove {
  collection: CollectionName;
  id: string;
  changes: Record<string, string>;
}

/** What a loser becomes: soft-deleted, pointing to the survivor. */
export interface MergeTombstone {
  id: string;
  changes: { deleted: true; deletedAt: number; mergedIntoId: string };
}

export interface MergePlan<K extends MergeKind = MergeKind> {
  kind: K;
  survivorId: string;
  /** The survivor's fields that change (chosen values, then re-derived ones); empty when it keeps all its own. */
  survivorChanges: Partial<MergeRecord<K>>;
  /** The survivor as it will be stored (storedForm of its new fields). */
  survivor: MergeRecord<K>;
  moves: MergeMove[];
  tombstones: MergeTombstone[];
}

export type MergeRefusal =
  | { reason: 'tooFew' }
  | { reason: 'survivorIsLoser'; id: string }
  | { reason: 'alreadyMerged'; id: string }
  | { reason: 'unknownChoice'; field: string; id: string };

export interface MergeInput<K extends MergeKind> {
  kind: K;
  survivor: MergeRecord<K>;
  losers: readonly MergeRecord<K>[];
  /** Per field, the id of the record whose value survives; fields left out take `defaultChoice`. */
  choices?: Readonly<Record<string, string>>;
  /** Records of other collections that may point at a loser (the caller reads them by the references). */
  related?: Partial<Record<CollectionName, readonly Record<string, unknown>[]>>;
  /** When the merge happens (epoch ms): the losers' deletedAt. */
  now: number;
}

/**
 * 合并: the plan that merges `losers` into `survivor` — the survivor's new fields (each the chosen record's value,
 * `lastActivityAt` the latest of all, derived fields derived again), every related record that points at a loser
 * moved to the survivor, and each loser's tombstone. Refuses fewer than two records, a survivor among the losers,
 * a record already merged away, and a choice naming a record that is not part of the merge.
 */
export function planMerge<K extends MergeKind>(
  input: MergeInput<K>,
): { ok: true; plan: MergePlan<K> } | { ok: false; refusal: MergeRefusal } {
  const { kind, survivor, losers } = input;
  const loserIds = new Set(losers.map((l) => l.id));
  if (losers.length === 0) return { ok: false, refusal: { reason: 'tooFew' } };
  if (loserIds.has(survivor.id))
    return { ok: false, refusal: { reason: 'survivorIsLoser', id: survivor.id } };
  const merged = [survivor, ...losers].find((r) => r.mergedIntoId);
  if (merged) return { ok: false, refusal: { reason: 'alreadyMerged', id: merged.id } };

  const byId = new Map<string, MergeRecord>([survivor, ...losers].map((r) => [r.id, r]));
  const chosen: Record<string, unknown> = {};
  for (const field of mergeableFields([survivor, ...losers])) {
    const pick = input.choices?.[field] ?? defaultChoice(field, survivor, losers);
    const from = byId.get(pick);
    if (!from) return { ok: false, refusal: { reason: 'unknownChoice', field, id: pick } };
    chosen[field] = (from as Record<string, unknown>)[field];
  }
  const lastActivityAt = Math.max(
    ...[survivor, ...losers].map(
      (r) => Number((r as { lastActivityAt?: number }).lastActivityAt) || 0,
    ),
  );
  if ('lastActivityAt' in survivor) chosen.lastActivityAt = lastActivityAt;

  const next = storedForm(kind, { ...survivor, ...chosen });
  const survivorChanges: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next))
    if (!sameJson((survivor as Record<string, unknown>)[field], value))
      survivorChanges[field] = value;

  return {
    ok: true,
    plan: {
      kind,
      survivorId: survivor.id,
      survivorChanges: survivorChanges as Partial<MergeRecord<K>>,
      survivor: next,
      moves: planMoves(kind, loserIds, survivor.id, input.related ?? {}),
      tombstones: losers.map((loser) => ({
        id: loser.id,
        changes: { deleted: true, deletedAt: input.now, mergedIntoId: survivor.id },
      })),
    },
  };
}

/** Each related record that points at a loser through one or more references, with those references moved. */
function planMoves(
  kind: MergeKind,
  loserIds: ReadonlySet<string>,
  survivorId: string,
  related: Partial<Record<CollectionName, readonly Record<string, unknown>[]>>,
): MergeMove[] {
  const moves = new Map<string, MergeMove>();
  for (const ref of referencesTo(kind)) {
    for (const record of related[ref.collection] ?? []) {
      if (!loserIds.has(referencedId(ref, record))) continue;
      const id = String(record.id);
      const key = `${ref.collection}/${id}`;
      const move = moves.get(key) ?? { collection: ref.collection, id, changes: {} };
      move.changes[ref.field] = survivorId;
      moves.set(key, move);
    }
  }
  return [...moves.values()];
}

/** How many related records of each collection the plan moves (the merge screen's counts). */
export function moveCounts(moves: readonly MergeMove[]): Partial<Record<CollectionName, number>> {
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const move of moves) counts[move.collection] = (counts[move.collection] ?? 0) + 1;
  return counts;
}

/**
 * The survivor of a merged-away record, following a chain (a survivor merged again later); the id itself when it
 * was not merged. `lookup` answers a record's `mergedIntoId` ('' or undefined: not merged or unknown).
 */
export function survivorOf(id: string, lookup: (id: string) => string | undefined): string {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const next = lookup(current);
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

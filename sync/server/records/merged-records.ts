import type { CollectionName } from '@shared/domain';
import {
  MERGE_KINDS,
  MERGE_REFERENCES,
  referencedId,
  type MergeKind,
} from '@shared/rules/merge-plan';
import { parseStampPath, sameValue, type Stamp, type WireDoc } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import type { Entity, PlannedWrite, PushRow, StoredRow } from './types';
import { entityOf, toWire } from './wire';

/**
 * Merged records in the push path (issue 19, Merge): a merge's losers are tombstones pointing to their survivor
 * (`mergedIntoId`, shared/rules/merge-plan.ts). Whatever still names a loser lands on the survivor:
 *
 * - a pushed row of a loser (a replica that still held it, an edit made offline before the merge arrived) is
 *   redirected: the fields it changed are pushed onto the survivor, merged by the normal field-level rule (the
 *   later edit wins each field both sides changed), and the pusher is answered the loser's tombstone;
 * - a pushed reference to a loser (a new contact with accountId = loser, an activity on it) names the survivor.
 *
 * `commit-push-group` calls `redirectMergedRows` once per group, right after it read the stored rows.
 */

/** Fields of a loser's row that are not carried to the survivor: its identity, bookkeeping and merge state. */
const NOT_CARRIED: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'teamId',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'deleted',
  'deletedAt',
  'mergedIntoId',
]);

/** How many merges deep a chain is followed (a survivor merged again later). */
const MAX_HOPS = 8;

const isMergeKind = (collection: CollectionName): collection is MergeKind =>
  (MERGE_KINDS as readonly string[]).includes(collection);

/** Was this stored record merged into another one (a merge's loser)? */
export function isMergedAway(data: Entity): boolean {
  return typeof data.mergedIntoId === 'string' && data.mergedIntoId !== '';
}

/** The survivor of each named record of `kind` that was merged away, chains followed; others are left out. */
export async function loadSurvivors(
  tx: Pick<SqlTx, 'query'>,
  workspaceId: string,
  kind: MergeKind,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const survivors = new Map<string, string>();
  let ask = [...new Set(ids)].filter((id) => id !== '');
  const last = new Map<string, string>(); // each merged id → the next record in its chain
  for (let hop = 0; hop < MAX_HOPS && ask.length > 0; hop++) {
    const rows = await tx.query<{ id: string; merged_into: string }>(
      `SELECT id, data->>'mergedIntoId' AS merged_into FROM records
        WHERE workspace_id = $1 AND collection = $2 AND id = ANY($3::text[])
          AND COALESCE(data->>'mergedIntoId', '') <> ''`,
      [workspaceId, kind, ask],
    );
    for (const row of rows) last.set(row.id, row.merged_into);
    ask = rows.map((r) => r.merged_into).filter((id) => !last.has(id));
  }
  for (const id of last.keys()) {
    let current = id;
    for (let hop = 0; hop < MAX_HOPS && last.has(current); hop++) current = last.get(current) ?? '';
    if (current && current !== id) survivors.set(id, current);
  }
  return survivors;
}

/** A merge a commit made: a record of `kind` that became a loser of `survivorId`. */
export interface CommittedMerge {
  kind: MergeKind;
  loserId: string;
  survivorId: string;
}

/**
 * The merges among a commit's writes: records whose `mergedIntoId` the commit set or changed. What lives beside
 * the records (the Yjs plans, sync/server/docs/README.md) follows them from here.
 */
export function mergesOf(
  collection: CollectionName,
  writes: readonly PlannedWrite[],
): CommittedMerge[] {
  if (!isMergeKind(collection)) return [];
  const merges = new Map<string, CommittedMerge>();
  for (const write of writes) {
    if (write.kind === 'tombstone' || !isMergedAway(write.entity)) continue;
    const survivorId = write.entity.mergedIntoId as string;
    if (write.before?.mergedIntoId === survivorId || survivorId === write.id) continue;
    merges.set(write.id, { kind: collection, loserId: write.id, survivorId });
  }
  return [...merges.values()];
}

/** A wire document with each reference to a merged-away record replaced by its survivor (same object: none). */
export function withSurvivorReferences(
  collection: CollectionName,
  doc: WireDoc,
  survivors: ReadonlyMap<MergeKind, ReadonlyMap<string, string>>,
): WireDoc {
  let out = doc;
  for (const ref of MERGE_REFERENCES) {
    if (ref.collection !== collection) continue;
    const id = referencedId(ref, doc);
    const survivor = id ? survivors.get(ref.target)?.get(id) : undefined;
    if (survivor) out = { ...out, [ref.field]: survivor };
  }
  return out;
}

/**
 * The row that carries a pushed loser row's changes onto its survivor: the fields the pusher changed (its new
 * state against the state it last pulled, or against the stored loser when it pulled none), laid over the
 * stored survivor, with the pusher's previous values as the base, so the three-way merge (apply-merge.ts) sees
 * exactly those fields as the pusher's edit and decides each by its stamps. Null when nothing is carried.
 */
export function survivorRow(row: PushRow, loser: Entity, survivor: StoredRow): PushRow | null {
  const next = entityOf(row.newDocumentState);
  const base = row.assumedMasterState ? entityOf(row.assumedMasterState) : loser;
  const changed = Object.keys(next).filter(
    (field) => !NOT_CARRIED.has(field) && !sameValue(next[field], base[field]),
  );
  if (changed.length === 0) return null;
  const pick = (from: Entity) => Object.fromEntries(changed.map((f) => [f, from[f]]));
  const stored = survivor.data;
  const stamps: Record<string, Stamp> = {};
  for (const [path, stamp] of Object.entries(row.stamps ?? {}))
    if (changed.includes(parseStampPath(path).field)) stamps[path] = stamp;
  return {
    assumedMasterState: toWire({ ...stored, ...pick(base) }, false),
    newDocumentState: toWire({ ...stored, ...pick(next) }, false),
    stamps,
  };
}

/** The group's rows as the write path decides them, and what the merge redirection adds to the answer. */
export interface MergedRedirect {
  /** Per push, its rows: loser rows replaced by their survivor rows (or dropped), references to losers moved. */
  rows: PushRow[][];
  /** Per push, the losers' tombstones to answer (the pusher's replica takes them instead of its edit). */
  conflicts: WireDoc[][];
  /** Stored survivors the redirected rows write to, read FOR UPDATE (not among the group's stored rows). */
  stored: (StoredRow & { id: string })[];
  /** The rows made here for survivors: their own conflicts are not answered (the pusher did not send them). */
  redirected: ReadonlySet<PushRow>;
}

/**
 * Redirects a push group's rows that name merged-away records (see the top of this file). Reads only when the
 * group names a merged record: one query per mergeable kind its references or its rows name.
 */
export async function redirectMergedRows(
  tx: SqlTx,
  forUpdate: boolean,
  workspaceId: string,
  collection: CollectionName,
  pushes: readonly (readonly PushRow[])[],
  storedRows: readonly (StoredRow & { id: string })[],
): Promise<MergedRedirect> {
  const storedById = new Map(storedRows.map((r) => [r.id, r]));
  const redirected = new Set<PushRow>();
  const conflicts: WireDoc[][] = pushes.map(() => []);
  let stored: (StoredRow & { id: string })[] = [];
  let rows = pushes.map((push) => [...push]);

  // 1. Rows of merged-away records.
  const loserRows = new Set(
    isMergeKind(collection)
      ? rows.flat().filter((row) => {
          const s = storedById.get(row.newDocumentState.id);
          return s !== undefined && !s.deleted && isMergedAway(s.data);
        })
      : [],
  );
  if (isMergeKind(collection) && loserRows.size > 0) {
    const survivors = await loadSurvivors(
      tx,
      workspaceId,
      collection,
      [...loserRows].map((r) => r.newDocumentState.id),
    );
    const missing = [...new Set(survivors.values())].filter((id) => !storedById.has(id));
    stored = missing.length
      ? await tx.query<StoredRow & { id: string }>(
          `SELECT id, data, deleted, seq, team_id, field_clocks, updated_at::float8 AS updated_at FROM records WHERE workspace_id = $1 AND collection = $2 AND id = ANY($3::text[])${forUpdate ? ' FOR UPDATE' : ''}`,
          [workspaceId, collection, missing],
        )
      : [];
    for (const s of stored) storedById.set(s.id, s);
    rows = rows.map((pushRows, i) =>
      pushRows.flatMap((row) => {
        const loser = storedById.get(row.newDocumentState.id);
        const survivorId = survivors.get(row.newDocumentState.id);
        if (!loser || !survivorId || !loserRows.has(row)) return [row];
        conflicts[i].push(toWire(loser.data, false));
        const survivor = storedById.get(survivorId);
        // A replication tombstone of a loser (a discarded copy) changes nothing on the survivor.
        const carried =
          survivor && !survivor.deleted && row.newDocumentState._deleted !== true
            ? survivorRow(row, loser.data, survivor)
            : null;
        if (!carried) return [];
        redirected.add(carried);
        return [carried];
      }),
    );
  }

  // 2. References to merged-away records, in every row (the redirected ones included).
  const refs = MERGE_REFERENCES.filter((ref) => ref.collection === collection);
  if (refs.length > 0) {
    const named = new Map<MergeKind, Set<string>>();
    for (const row of rows.flat())
      for (const ref of refs) {
        const id = referencedId(ref, row.newDocumentState);
        // A reference the pusher did not change is left to the merge (the stored one may be moved already):
        // ordinary edits cost no lookup.
        const before = row.assumedMasterState ? referencedId(ref, row.assumedMasterState) : '';
        if (!id || (id === before && !redirected.has(row))) continue;
        const ids = named.get(ref.target) ?? new Set<string>();
        named.set(ref.target, ids.add(id));
      }
    const survivors = new Map<MergeKind, Map<string, string>>();
    for (const [kind, ids] of named) {
      const found = await loadSurvivors(tx, workspaceId, kind, ids);
      if (found.size > 0) survivors.set(kind, found);
    }
    if (survivors.size > 0)
      rows = rows.map((pushRows) =>
        pushRows.map((row) => {
          const doc = withSurvivorReferences(collection, row.newDocumentState, survivors);
          if (doc === row.newDocumentState) return row;
          const moved = { ...row, newDocumentState: doc };
          if (redirected.has(row)) redirected.add(moved);
          return moved;
        }),
      );
  }
  return { rows, conflicts, stored, redirected };
}

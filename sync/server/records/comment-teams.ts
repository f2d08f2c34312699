import type { CollectionName } from '@shared/domain';
import {
  COMMENTABLE_COLLECTIONS,
  collectionOfRelated,
  commentTeam,
  isComment,
  type CommentableCollection,
} from '@shared/rules/comments';
import type { Stamp } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import type { Entity, PlannedWrite, PushRow } from './types';

/**
 * Comments follow their record's scope (issue 18, shared/rules/comments.ts `commentTeam`): a pushed comment is
 * stored in its record's team, whatever team it names, and when a record moves to another team its comments
 * move with it in the same transaction (with scope exits, so the old team's replicas drop them).
 */

/** `collection:id` → the stored team of each record the group's comments are on. */
export type RecordTeams = ReadonlyMap<string, string>;

export const NO_RECORD_TEAMS: RecordTeams = new Map();

const COMMENTABLE: ReadonlySet<string> = new Set(COMMENTABLE_COLLECTIONS);

function recordKeyOf(doc: Record<string, unknown>): string | null {
  const { relatedType, relatedId } = doc;
  if (typeof relatedType !== 'string' || relatedType === '' || typeof relatedId !== 'string')
    return null;
  const collection = collectionOfRelated(relatedType as Parameters<typeof collectionOfRelated>[0]);
  return COMMENTABLE.has(collection) ? `${collection}:${relatedId}` : null;
}

/** The teams of the records a group of pushed comments is on (one query; none for other rows). */
export async function loadRecordTeams(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<RecordTeams> {
  if (collection !== 'activities') return NO_RECORD_TEAMS;
  const keys = new Set<string>();
  for (const row of rows) {
    if (!isComment(row.newDocumentState)) continue;
    const key = recordKeyOf(row.newDocumentState);
    if (key) keys.add(key);
  }
  if (keys.size === 0) return NO_RECORD_TEAMS;
  const pairs = [...keys].map((key) => key.split(':', 2) as [string, string]);
  const found = await tx.query<{ collection: string; id: string; team_id: string }>(
    `SELECT r.collection, r.id, r.team_id FROM unnest($2::text[], $3::text[]) AS k(c, i)
       JOIN records r ON r.workspace_id = $1 AND r.collection = k.c AND r.id = k.i`,
    [workspaceId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return new Map(found.map((r) => [`${r.collection}:${r.id}`, r.team_id]));
}

/** A comment in its record's team (a record not stored yet leaves the team as the ownership rule gave it). */
export function withRecordTeam(entity: Entity, teams: RecordTeams): Entity {
  if (!isComment(entity)) return entity;
  const key = recordKeyOf(entity);
  const teamId = commentTeam(entity, key ? teams.get(key) : undefined);
  return teamId === entity.teamId ? entity : { ...entity, teamId };
}

/**
 * Moves the comments of the records these writes moved to another team into that team: each gets a new
 * sequence, a server stamp on `teamId`, and a scope exit for its old team. Runs inside the push's transaction,
 * after its writes. Returns the last sequence written (0: no comment moved).
 */
export async function moveCommentsWithRecords(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  writes: readonly PlannedWrite[],
  stamp: Stamp,
): Promise<number> {
  if (!COMMENTABLE.has(collection)) return 0;
  const moved = new Map<string, string>();
  for (const w of writes)
    if (w.kind !== 'tombstone' && w.before && w.before.teamId !== w.entity.teamId)
      moved.set(w.id, w.entity.teamId);
  if (moved.size === 0) return 0;
  const relatedType = collection.slice(0, -1);
  const rows = await tx.query<{
    id: string;
    data: Entity;
    field_clocks: Record<string, Stamp> | null;
  }>(
    `SELECT id, data, field_clocks FROM records WHERE workspace_id = $1 AND collection = 'activities' AND data->>'type' = 'comment' AND data->>'relatedId' = ANY($2::text[]) AND data->>'relatedType' = $3`,
    [workspaceId, [...moved.keys()], relatedType],
  );
  const changed = rows.filter((r) => r.data.teamId !== moved.get(String(r.data.relatedId)));
  if (changed.length === 0) return 0;
  const seqRows = await tx.query<{ seq: number }>(
    "SELECT nextval('record_seq')::float8 AS seq FROM generate_series(1, $1)",
    [changed.length],
  );
  const seqs = seqRows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  const upserts = changed.map((r, i) => {
    const teamId = moved.get(String(r.data.relatedId)) ?? r.data.teamId;
    return {
      id: r.id,
      oldTeamId: r.data.teamId,
      teamId,
      seq: seqs[i],
      data: { ...r.data, teamId },
      before: r.data,
      clocks: { ...(r.field_clocks ?? {}), teamId: stamp },
    };
  });
  await tx.query(
    `UPDATE records r SET team_id = u->>'teamId', seq = (u->>'seq')::bigint, data = u->'data', field_clocks = u->'clocks', updated_at = $3
       FROM jsonb_array_elements($2::jsonb) AS u
      WHERE r.workspace_id = $1 AND r.collection = 'activities' AND r.id = u->>'id'`,
    [workspaceId, JSON.stringify(upserts), Date.now()],
  );
  await tx.query(
    `INSERT INTO scope_exits (workspace_id, collection, id, old_team_id, seq, data)
     SELECT $1, 'activities', e->>'id', e->>'oldTeamId', (e->>'seq')::bigint, e->'before' FROM jsonb_array_elements($2::jsonb) AS e`,
    [workspaceId, JSON.stringify(upserts)],
  );
  return seqs[seqs.length - 1];
}

export type { CommentableCollection };

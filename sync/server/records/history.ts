import type { CollectionName } from '@shared/domain';
import { sameValue, type HistoryEntry } from '@shared/sync';
import type { Sql, SqlTx } from '../db/sql';
import type { Entity, FieldChange, PlannedWrite } from './types';

/** One line of `record_history`: a field of a record, before and after one write. */
export interface HistoryRow {
  recordId: string;
  seq: number;
  userId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  kind: HistoryEntry['kind'];
}

/**
 * The fields a write changes, old and new value (null when absent). `updatedAt`/`updatedBy` change on every
 * write and are left out: the history says what changed, and each line already has its author and time.
 */
export function fieldChanges(before: Entity | null, after: Entity): FieldChange[] {
  return Object.keys({ ...(before ?? {}), ...after })
    .filter(
      (field) =>
        field !== 'updatedAt' && field !== 'updatedBy' && !sameValue(before?.[field], after[field]),
    )
    .map((field) => ({ field, oldValue: before?.[field] ?? null, newValue: after[field] ?? null }));
}

/**
 * The history lines of one write at `seq` by `userId`: one per changed field, and one per field a concurrent
 * write lost in the merge — attributed to whoever wrote the lost value, so nothing is silently lost.
 */
export function historyRowsOf(write: PlannedWrite, seq: number, userId: string): HistoryRow[] {
  const kind = write.kind === 'tombstone' ? 'delete' : write.kind;
  const rows: HistoryRow[] = write.changes.map((change) => ({
    recordId: write.id,
    seq,
    userId,
    field: change.field,
    oldValue: change.oldValue ?? null,
    newValue: change.newValue ?? null,
    kind,
  }));
  const loserId = typeof write.before?.updatedBy === 'string' ? write.before.updatedBy : '';
  for (const conflict of write.conflicts)
    rows.push({
      recordId: write.id,
      seq,
      userId: loserId,
      field: conflict.field,
      oldValue: conflict.lost ?? null,
      newValue: conflict.kept ?? null,
      kind: 'merge',
    });
  return rows;
}

/** Inserts history lines in one statement, in their order (the read orders by insertion). */
export async function insertHistory(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: HistoryRow[],
  at: number,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO record_history (workspace_id, collection, record_id, seq, user_id, at, field, old_value, new_value, kind)
     SELECT $1, $2, h->>'recordId', (h->>'seq')::bigint, h->>'userId', $4, h->>'field', h->'oldValue', h->'newValue', h->>'kind'
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(h, ord) ORDER BY ord`,
    [workspaceId, collection, JSON.stringify(rows), at],
  );
}

/** A record's history, newest first (at most 500 lines), with the authors' names. */
export async function readHistory(
  sql: Sql,
  workspaceId: string,
  collection: CollectionName,
  id: string,
): Promise<HistoryEntry[]> {
  const rows = await sql.query<{
    seq: number;
    at: number;
    user_id: string;
    name: string | null;
    field: string;
    old_value: unknown;
    new_value: unknown;
    kind: HistoryEntry['kind'];
  }>(
    `SELECT h.seq, h.at, h.user_id, u.name, h.field, h.old_value, h.new_value, h.kind FROM record_history h
       LEFT JOIN users u ON u.id = h.user_id
      WHERE h.workspace_id = $1 AND h.collection = $2 AND h.record_id = $3 ORDER BY h.id DESC LIMIT 500`,
    [workspaceId, collection, id],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: Number(r.at),
    userId: r.user_id,
    userName: r.name ?? r.user_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    kind: r.kind,
  }));
}

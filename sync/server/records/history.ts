import type { CollectionName } from '@shared/domain';
import {
  handoverHistorySchema,
  historyEntrySchema,
  sameValue,
  wallOf,
  type HistoryEntry,
} from '@shared/sync';
import type { Sql, SqlTx } from '../db/sql';
import type { AuthorOf, Entity, FieldChange, PlannedWrite } from './types';

/** Why a merge line's kept value won, and when each value was edited (`record_history.detail`). */
export type MergeDetail = Omit<NonNullable<HistoryEntry['merge']>, 'keptByName'>;

/** One line of `record_history`: a field of a record, before and after one write. */
export interface HistoryRow {
  recordId: string;
  seq: number;
  userId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  kind: HistoryEntry['kind'];
  /** When the new value was edited on its device (epoch ms; none on lines written before stamps). */
  editedAt?: number;
  /** On merge lines. */
  detail?: MergeDetail;
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
 * The history lines of one write at `seq` by `userId`: one per changed field, and one per path where an edit
 * lost in the merge — attributed to whoever made the lost edit (the pusher, or the device of the stored stamp;
 * the record's last writer when that is unknown), with why the kept value won and when each was edited. A list
 * item's line names the list field, and the item and key in its detail.
 */
export function historyRowsOf(
  write: PlannedWrite,
  seq: number,
  userId: string,
  authorOf: AuthorOf = () => undefined,
): HistoryRow[] {
  const kind = write.kind === 'tombstone' ? 'delete' : write.kind;
  const rows: HistoryRow[] = write.changes.map((change) => ({
    recordId: write.id,
    seq,
    userId,
    field: change.field,
    oldValue: change.oldValue ?? null,
    newValue: change.newValue ?? null,
    kind,
    ...(change.editedAt !== undefined ? { editedAt: change.editedAt } : {}),
  }));
  const lastWriter = typeof write.before?.updatedBy === 'string' ? write.before.updatedBy : '';
  for (const conflict of write.conflicts) {
    const pusherLost = conflict.loser === 'incoming';
    const keptAt = conflict.keptStamp ? wallOf(conflict.keptStamp) : 0;
    const lostAt = conflict.lostStamp ? wallOf(conflict.lostStamp) : 0;
    rows.push({
      recordId: write.id,
      seq,
      userId: pusherLost ? userId : (authorOf(conflict.lostStamp) ?? lastWriter),
      field: conflict.field,
      oldValue: conflict.lost ?? null,
      newValue: conflict.kept ?? null,
      kind: 'merge',
      editedAt: keptAt,
      detail: {
        reason: conflict.reason,
        lostAt,
        keptAt,
        keptBy: pusherLost ? (authorOf(conflict.keptStamp) ?? lastWriter) : userId,
        ...(conflict.itemId !== undefined ? { itemId: conflict.itemId } : {}),
        ...(conflict.key !== undefined ? { key: conflict.key } : {}),
      },
    });
  }
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
    `INSERT INTO record_history (workspace_id, collection, record_id, seq, user_id, at, field, old_value, new_value, kind, edited_at, detail)
     SELECT $1, $2, h->>'recordId', (h->>'seq')::bigint, h->>'userId', $4, h->>'field', h->'oldValue', h->'newValue', h->>'kind', (h->>'editedAt')::bigint, h->'detail'
       FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(h, ord) ORDER BY ord`,
    [workspaceId, collection, JSON.stringify(rows), at],
  );
}

const mergeDetailSchema = historyEntrySchema.shape.merge;

/**
 * A record's history, newest first (at most 500 lines), with the authors' names (a capture key's name for what
 * it posted: shared/sync `isCaptureAuthor`); merge lines with why the kept
 * value won and whose it was (name included).
 */
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
    edited_at: number | null;
    detail: unknown;
    kept_name: string | null;
  }>(
    `SELECT h.seq, h.at, h.user_id, COALESCE(u.name, ck.name) AS name, h.field, h.old_value, h.new_value, h.kind, h.edited_at::float8 AS edited_at,
            h.detail, k.name AS kept_name FROM record_history h
       LEFT JOIN users u ON u.id = h.user_id
       LEFT JOIN capture_keys ck ON ck.id = h.user_id
       LEFT JOIN users k ON k.id = h.detail->>'keptBy'
      WHERE h.workspace_id = $1 AND h.collection = $2 AND h.record_id = $3 ORDER BY h.id DESC LIMIT 500`,
    [workspaceId, collection, id],
  );
  return rows.map((r) => {
    const merge = r.detail === null ? undefined : mergeDetailSchema.safeParse(r.detail).data;
    // A handover tags the owner line of each record it moved (handover/handover-service.ts).
    const handover =
      r.detail !== null && typeof r.detail === 'object' && 'handover' in r.detail
        ? handoverHistorySchema.safeParse(r.detail.handover).data
        : undefined;
    return {
      seq: Number(r.seq),
      at: Number(r.at),
      userId: r.user_id,
      userName: r.name ?? r.user_id,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      kind: r.kind,
      ...(r.edited_at !== null ? { editedAt: Number(r.edited_at) } : {}),
      ...(merge
        ? { merge: { ...merge, ...(r.kept_name ? { keptByName: r.kept_name } : {}) } }
        : {}),
      ...(handover ? { handover } : {}),
    };
  });
}

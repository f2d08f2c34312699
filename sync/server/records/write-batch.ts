import type { CollectionName } from '@shared/domain';
import type { SqlTx } from '../db/sql';
import { historyRowsOf, insertHistory, type HistoryRow } from './history';
import type { Stamp } from '@shared/sync';
import type { AuthorOf, Entity, PlannedWrite } from './types';

/** A decided write and who made it. */
export interface AuthoredWrite {
  write: PlannedWrite;
  userId: string;
}

/** The stored state of one record after a batch. */
export interface RecordUpsert {
  id: string;
  teamId: string;
  ownerId: string;
  seq: number;
  deleted: boolean;
  data: Entity;
  /** Its per-path stamps (`records.field_clocks`). */
  clocks: Record<string, Stamp>;
}

/** A record that moved to another team: its old team's members get a tombstone of what they had. */
export interface ScopeExit {
  id: string;
  oldTeamId: string;
  seq: number;
  data: Entity;
}

/**
 * What a batch of writes (with their sequences, one per write in order) stores: the last write of each record is
 * its stored state (as applying them in order would leave it; a tombstone keeps the record's data and team, a
 * later write of a tombstoned record revives it), the team moves, and every history line.
 */
export function planBatch(
  writes: readonly AuthoredWrite[],
  seqs: readonly number[],
  authorOf?: AuthorOf,
): { upserts: RecordUpsert[]; exits: ScopeExit[]; history: HistoryRow[] } {
  const upserts = new Map<string, RecordUpsert>();
  const exits: ScopeExit[] = [];
  const history: HistoryRow[] = [];
  writes.forEach(({ write, userId }, i) => {
    const seq = seqs[i];
    upserts.delete(write.id);
    if (write.kind === 'tombstone') {
      const before = write.before as Entity;
      upserts.set(write.id, {
        id: write.id,
        teamId: before.teamId,
        ownerId: before.ownerId,
        seq,
        deleted: true,
        data: before,
        clocks: write.clocks,
      });
    } else {
      upserts.set(write.id, {
        id: write.id,
        teamId: write.entity.teamId,
        ownerId: write.entity.ownerId,
        seq,
        deleted: false,
        data: write.entity,
        clocks: write.clocks,
      });
      if (write.before && write.before.teamId !== write.entity.teamId)
        exits.push({ id: write.id, oldTeamId: write.before.teamId, seq, data: write.before });
      const exited = write.exitedFrom;
      if (exited && exited.teamId !== '' && exited.teamId !== write.entity.teamId)
        exits.push({ id: write.id, oldTeamId: exited.teamId, seq, data: exited });
    }
    history.push(...historyRowsOf(write, seq, userId, authorOf));
  });
  return { upserts: [...upserts.values()], exits, history };
}

/**
 * Makes the decided writes: sequences in order, then one statement per kind of write (`authorOf`: who made the
 * stored edits a merge line names, history.ts). Returns the sequences
 * (ascending, one per write in order), and the collection's last sequence in the workspace before this commit
 * (`prevSeq`: with the workspace lock held, the commit before this one; direct fan-out chains commits by it),
 * read in the same statement that draws the sequences.
 */
export async function applyWrites(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  writes: readonly AuthoredWrite[],
  authorOf?: AuthorOf,
): Promise<{ seqs: number[]; prevSeq: number }> {
  const seqRows = await tx.query<{ seq: number; prev: number }>(
    "SELECT nextval('record_seq')::float8 AS seq, (SELECT coalesce(max(seq), 0) FROM records WHERE workspace_id = $2 AND collection = $3)::float8 AS prev FROM generate_series(1, $1)",
    [writes.length, workspaceId, collection],
  );
  const seqs = seqRows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  const prevSeq = Number(seqRows[0]?.prev ?? 0);
  const now = Date.now();
  const { upserts, exits, history } = planBatch(writes, seqs, authorOf);
  if (upserts.length > 0) {
    await tx.query(
      `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at, field_clocks)
       SELECT $1, $2, w->>'id', w->>'teamId', w->>'ownerId', (w->>'seq')::bigint, (w->>'deleted')::boolean, w->'data', $4, w->'clocks' FROM jsonb_array_elements($3::jsonb) AS w
       ON CONFLICT (workspace_id, collection, id) DO UPDATE
         SET team_id = EXCLUDED.team_id, owner_id = EXCLUDED.owner_id, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, field_clocks = EXCLUDED.field_clocks`,
      [workspaceId, collection, JSON.stringify(upserts), now],
    );
  }
  if (exits.length > 0) {
    await tx.query(
      `INSERT INTO scope_exits (workspace_id, collection, id, old_team_id, seq, data)
       SELECT $1, $2, e->>'id', e->>'oldTeamId', (e->>'seq')::bigint, e->'data' FROM jsonb_array_elements($3::jsonb) AS e`,
      [workspaceId, collection, JSON.stringify(exits)],
    );
  }
  await insertHistory(tx, workspaceId, collection, history, now);
  return { seqs, prevSeq };
}

import type { CollectionName } from '@shared/domain';
import { stampsAfterWrite, type Stamp } from '@shared/sync';
import type { Sql } from '../db/sql';
import { storedClocks } from './apply-merge';
import type { Entity, StoredRow } from './types';

/**
 * Writes the server makes itself, not decided like a push: no merge, no validation, no history. Each takes the
 * workspace lock so its sequences commit in order with the pushes'.
 */

/**
 * Writes one record as the server (members mirrored from the admin tables, the default pipeline); its seq. The
 * paths it changes are stamped `stamp` (the server's clock), so they take part in the later-edit rule like any
 * edit; the others keep their stamps.
 */
export async function writeAsServer(
  sql: Sql,
  workspaceId: string,
  collection: CollectionName,
  entity: Entity,
  stamp: Stamp,
): Promise<number> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const [stored] = await tx.query<StoredRow>(
      'SELECT data, deleted, seq, team_id, field_clocks, updated_at::float8 AS updated_at FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3',
      [workspaceId, collection, entity.id],
    );
    const clocks = stampsAfterWrite(
      storedClocks(stored ?? null),
      stored?.data ?? null,
      entity,
      () => stamp,
    );
    const [row] = await tx.query<{ seq: number }>("SELECT nextval('record_seq')::float8 AS seq");
    const next = Number(row.seq);
    await tx.query(
      `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at, field_clocks)
       VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8, $9)
       ON CONFLICT (workspace_id, collection, id) DO UPDATE SET team_id = $4, owner_id = $5, seq = $6, deleted = false, data = $7, updated_at = $8, field_clocks = $9`,
      [
        workspaceId,
        collection,
        entity.id,
        entity.teamId,
        entity.ownerId,
        next,
        JSON.stringify(entity),
        Date.now(),
        JSON.stringify(clocks),
      ],
    );
    return next;
  });
}

/**
 * Writes many trusted records at once (sample data, benchmarks, bulk imports that were validated before): one
 * multi-row upsert, each row with its own server sequence in array order. Returns the last sequence written
 * (0 when `entities` is empty). Their stamps are emptied: every path counts as written now (`updated_at`).
 */
export async function bulkUpsert(
  sql: Sql,
  workspaceId: string,
  collection: CollectionName,
  entities: readonly Entity[],
): Promise<number> {
  if (entities.length === 0) return 0;
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const [row] = await tx.query<{ seq: number | null }>(
      `WITH input AS (
         SELECT d, nextval('record_seq') AS seq
           FROM (SELECT d, ord FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(d, ord) ORDER BY ord) ordered
       ), written AS (
         INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
         SELECT $1, $2, d->>'id', coalesce(d->>'teamId', ''), coalesce(d->>'ownerId', ''), seq, false, d, $4 FROM input
         ON CONFLICT (workspace_id, collection, id) DO UPDATE
           SET team_id = EXCLUDED.team_id, owner_id = EXCLUDED.owner_id, seq = EXCLUDED.seq, deleted = false, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at, field_clocks = '{}'
         RETURNING seq
       )
       SELECT max(seq)::float8 AS seq FROM written`,
      [workspaceId, collection, JSON.stringify(entities), Date.now()],
    );
    return Number(row?.seq ?? 0);
  });
}

/** The highest sequence written in any workspace (0 on an empty database). */
export async function currentSeq(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ seq: number }>(
    'SELECT coalesce(max(seq), 0)::float8 AS seq FROM records',
  );
  return Number(row?.seq ?? 0);
}

import type { Activity, CollectionName } from '@shared/domain';
import { stampsAfterWrite, type Stamp } from '@shared/sync';
import {
  lastActivityEffects,
  lastActivityOf,
  lastActivityUpdate,
  targetKey,
  type LastActivityTarget,
} from '@shared/rules/last-activity';
import type { Sql, SqlTx } from '../db/sql';
import { storedClocks } from './apply-merge';
import type { Entity, PlannedWrite, StoredRow } from './types';

const KEEPERS: ReadonlySet<CollectionName> = new Set(['accounts', 'leads', 'deals']);

/**
 * A pushed lead, deal or account keeps the later of its pushed and stored `lastActivityAt` (the shared max rule):
 * two laptops that each raised it converge whichever push lands last, and a stale copy cannot lower it. Only
 * the server lowers it, when it recomputes after an activity was deleted or moved (keepLastActivity).
 */
export function withLastActivityKept(
  collection: CollectionName,
  stored: Entity | null,
  entity: Entity,
): Entity {
  if (!KEEPERS.has(collection) || !stored) return entity;
  const kept = Math.max(Number(entity.lastActivityAt) || 0, Number(stored.lastActivityAt) || 0);
  return kept === entity.lastActivityAt ? entity : { ...entity, lastActivityAt: kept };
}

/** The activity states a push group's writes went from and to (null: not there / tombstoned). */
export function activityChangesOf(
  writes: readonly PlannedWrite[],
): { before: Activity | null; after: Activity | null }[] {
  return writes.map((write) => ({
    before: (write.before ?? null) as Activity | null,
    after: write.kind === 'tombstone' ? null : (write.entity as Activity),
  }));
}

/** What keepLastActivity wrote: the collections to announce and the last sequence. */
export interface KeptLastActivity {
  collections: CollectionName[];
  seq: number;
}

/**
 * Keeps `lastActivityAt` of the leads, deals and accounts that committed activity changes concern (pushed or
 * REST, from any client, old ones included): raised by the max rule, or recomputed from the record's activities
 * (read by the indexes of migration 8) when the latest contact may have gone. Written as the server (the path
 * stamped with `stamp`, no history: a kept field, not an edit). Rows are locked before the workspace lock, the
 * order push groups take them in. Null when nothing changed.
 */
export async function keepLastActivity(
  sql: Sql,
  workspaceId: string,
  changes: readonly { before: Activity | null; after: Activity | null }[],
  stamp: () => Stamp,
): Promise<KeptLastActivity | null> {
  const effects = lastActivityEffects(changes);
  if (effects.length === 0) return null;
  return sql.transaction(async (tx) => {
    const stored = new Map<string, StoredRow>();
    for (const collection of KEEPERS) {
      const ids = effects.filter((e) => e.collection === collection).map((e) => e.id);
      if (ids.length === 0) continue;
      const rows = await tx.query<StoredRow & { id: string }>(
        `SELECT id, data, deleted, seq, team_id, field_clocks FROM records WHERE workspace_id = $1 AND collection = $2 AND id = ANY($3::text[])${sql.engine === 'pglite' ? '' : ' FOR UPDATE'}`,
        [workspaceId, collection, ids],
      );
      for (const row of rows) stored.set(`${collection}/${row.id}`, row);
    }
    const writes: { target: LastActivityTarget; row: StoredRow; data: Entity }[] = [];
    for (const effect of effects) {
      const row = stored.get(targetKey(effect));
      if (!row || row.deleted) continue;
      const current = Number(row.data.lastActivityAt) || 0;
      const decided = lastActivityUpdate(current, effect);
      const next = decided === 'recompute' ? await recompute(tx, workspaceId, effect) : decided;
      if (next !== current)
        writes.push({ target: effect, row, data: { ...row.data, lastActivityAt: next } });
    }
    if (writes.length === 0) return null;
    if (sql.engine !== 'pglite')
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    let seq = 0;
    for (const { target, row, data } of writes) {
      const clocks = stampsAfterWrite(storedClocks(row), row.data, data, stamp);
      const [drawn] = await tx.query<{ seq: number }>(
        "SELECT nextval('record_seq')::float8 AS seq",
      );
      seq = Number(drawn.seq);
      await tx.query(
        'UPDATE records SET seq = $4, data = $5, field_clocks = $6 WHERE workspace_id = $1 AND collection = $2 AND id = $3',
        [
          workspaceId,
          target.collection,
          target.id,
          seq,
          JSON.stringify(data),
          JSON.stringify(clocks),
        ],
      );
    }
    return { collections: [...new Set(writes.map((w) => w.target.collection))], seq };
  });
}

/** The target's latest contact from its live activities (by relatedId, and by accountId for an account). */
async function recompute(
  tx: SqlTx,
  workspaceId: string,
  target: LastActivityTarget,
): Promise<number> {
  const rows = await tx.query<{ data: Activity }>(
    target.collection === 'accounts'
      ? "SELECT data FROM records WHERE workspace_id = $1 AND collection = 'activities' AND NOT deleted AND (data->>'relatedId' = $2 OR data->>'accountId' = $2)"
      : "SELECT data FROM records WHERE workspace_id = $1 AND collection = 'activities' AND NOT deleted AND data->>'relatedId' = $2",
    [workspaceId, target.id],
  );
  return lastActivityOf(
    target,
    rows.map((r) => r.data),
  );
}

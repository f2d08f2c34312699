import type { z } from 'zod';
import { DEFAULT_PIPELINE, entitySchemas, pipelineValueSchema, type CollectionName, type Deal, type PipelineValue } from '@shared/domain';
import { missingStageFields } from '@shared/rules/stage-gate';
import {
  checkWrite, canRead, inScope, RejectReason, sameRecord, sameValue, threeWayMerge, WORKSPACE_WIDE_COLLECTIONS,
  type Checkpoint, type FieldConflict, type HistoryEntry, type Principal, type Rejection, type Scope, type WireDoc,
} from '@shared/sync';
import type { Sql, SqlTx } from '../db/sql';
import type { ChangeBus } from '../fanout';

type Entity = Record<string, unknown> & { id: string; teamId: string; ownerId: string; workspaceId: string; updatedAt: number };

export interface PushRow {
  assumedMasterState?: WireDoc | null;
  newDocumentState: WireDoc;
}

export interface PushResult {
  conflicts: WireDoc[];
  rejected: Rejection[];
  /** Records written (for tests and logs). */
  written: number;
}

export interface PullResult {
  documents: WireDoc[];
  checkpoint: Checkpoint | null;
  remaining: number;
}

interface StoredRow {
  data: Entity;
  deleted: boolean;
  seq: number;
  team_id: string;
}

/** Strips replication bookkeeping (`_deleted`, `_meta`, `_rev`, `_attachments`) from a wire document. */
export function entityOf(doc: Record<string, unknown>): Entity {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as Entity;
}

function toWire(data: Entity, deleted: boolean): WireDoc {
  return { ...data, _deleted: deleted };
}

/**
 * The authoritative record store: pull by server sequence within the caller's scope, push with the
 * assumed master state (three-way merge on mismatch), validation, business rules and permissions on every
 * write, and a field-level history of who changed what (ARCHITECTURE.md "Record sync").
 */
export class RecordStore {
  constructor(
    private readonly sql: Sql,
    private readonly bus: ChangeBus,
  ) {}

  async pull(principal: Principal, scope: Scope, collection: CollectionName, checkpoint: Checkpoint | null, batchSize: number): Promise<PullResult> {
    const since = checkpoint?.seq ?? 0;
    const wide = scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection);
    const teams = wide ? [] : [...(scope)];
    const rows = wide
      ? await this.sql.query<StoredRow>(
          'SELECT data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4',
          [principal.workspaceId, collection, since, batchSize + 1],
        )
      : await this.sql.query<StoredRow>(
          `SELECT data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3
             AND (team_id = '' OR team_id = ANY($4::text[])) ORDER BY seq LIMIT $5`,
          [principal.workspaceId, collection, since, teams, batchSize + 1],
        );
    type Item = { seq: number; doc: WireDoc };
    const items: Item[] = rows.map((r) => ({ seq: Number(r.seq), doc: toWire(r.data, r.deleted) }));
    if (!wide) {
      // Records that left this person's scope since the checkpoint become tombstones in their replica.
      const exits = await this.sql.query<{ id: string; data: Entity; seq: number; team_id: string | null }>(
        `SELECT e.id, e.data, e.seq, r.team_id FROM scope_exits e
           LEFT JOIN records r ON r.workspace_id = e.workspace_id AND r.collection = e.collection AND r.id = e.id
          WHERE e.workspace_id = $1 AND e.collection = $2 AND e.seq > $3 AND e.old_team_id = ANY($4::text[])
          ORDER BY e.seq LIMIT $5`,
        [principal.workspaceId, collection, since, teams, batchSize + 1],
      );
      for (const exit of exits) {
        if (exit.team_id !== null && inScope(scope, exit.team_id)) continue;
        items.push({ seq: Number(exit.seq), doc: toWire(exit.data, true) });
      }
      items.sort((a, b) => a.seq - b.seq);
    }
    const page = items.slice(0, batchSize);
    const last = page[page.length - 1];
    const next = last ? { seq: last.seq } : checkpoint;
    let remaining = 0;
    if (items.length > batchSize && next) {
      const [count] = wide
        ? await this.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3', [principal.workspaceId, collection, next.seq])
        : await this.sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND (team_id = '' OR team_id = ANY($4::text[]))`,
            [principal.workspaceId, collection, next.seq, teams],
          );
      remaining = Number(count?.n ?? 0);
    }
    return { documents: page.map((i) => i.doc), checkpoint: next, remaining };
  }

  /**
   * Applies pushed rows in one transaction, serialized per workspace (an advisory lock) so server
   * sequences commit in order and a pull can never skip a record committed late.
   */
  async push(principal: Principal, scope: Scope, collection: CollectionName, rows: PushRow[]): Promise<PushResult> {
    const result: PushResult = { conflicts: [], rejected: [], written: 0 };
    let lastSeq = 0;
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [principal.workspaceId]);
      const pipeline = collection === 'deals' ? await this.pipeline(tx, principal.workspaceId) : DEFAULT_PIPELINE;
      for (const row of rows) {
        const outcome = await this.applyRow(tx, principal, scope, collection, row, pipeline);
        if (outcome.conflict) result.conflicts.push(outcome.conflict);
        if (outcome.rejected) result.rejected.push(outcome.rejected);
        if (outcome.seq) {
          result.written += 1;
          lastSeq = outcome.seq;
        }
      }
    });
    if (lastSeq > 0) await this.bus.publish({ kind: 'records', workspaceId: principal.workspaceId, collections: [collection], seq: lastSeq });
    return result;
  }

  private async pipeline(tx: SqlTx, workspaceId: string): Promise<PipelineValue> {
    const [row] = await tx.query<{ data: { value?: unknown } }>(
      `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'pipeline' AND deleted = false ORDER BY seq DESC LIMIT 1`,
      [workspaceId],
    );
    const parsed = pipelineValueSchema.safeParse(row?.data.value);
    return parsed.success ? parsed.data : DEFAULT_PIPELINE;
  }

  private async applyRow(
    tx: SqlTx, principal: Principal, scope: Scope, collection: CollectionName, row: PushRow, pipeline: PipelineValue,
  ): Promise<{ conflict?: WireDoc; rejected?: Rejection; seq?: number }> {
    const incomingDoc = row.newDocumentState;
    const [stored] = await tx.query<StoredRow>(
      'SELECT data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3 FOR UPDATE',
      [principal.workspaceId, collection, incomingDoc.id],
    );
    const storedEntity = stored ? stored.data : null;
    const reject = (reason: string, extra: Partial<Rejection> = {}) => ({
      rejected: { collection, id: incomingDoc.id, reason, attempted: incomingDoc, ...extra },
      conflict: stored ? toWire(stored.data, stored.deleted) : undefined,
    });

    // A replication tombstone (the app itself only soft-deletes; tombstones come from discarding a rejected new record).
    if (incomingDoc._deleted === true) {
      if (!stored || stored.deleted) return {};
      const check = checkWrite(principal, scope, collection, stored.data, stored.data);
      if (!check.ok) return reject(check.reason, { params: check.params });
      const seq = await this.nextSeq(tx);
      await tx.query('UPDATE records SET deleted = true, seq = $4, updated_at = $5 WHERE workspace_id = $1 AND collection = $2 AND id = $3', [principal.workspaceId, collection, stored.data.id, seq, Date.now()]);
      await this.recordHistory(tx, principal, collection, stored.data.id, seq, [{ field: '_deleted', oldValue: false, newValue: true }], 'delete');
      return { seq };
    }

    const incoming = entityOf(incomingDoc);
    let candidate: Entity;
    let conflicts: FieldConflict[] = [];
    const assumed = row.assumedMasterState ? entityOf(row.assumedMasterState) : null;
    if (!storedEntity || stored?.deleted) {
      candidate = incoming;
    } else if (assumed && sameRecord(assumed, storedEntity)) {
      candidate = incoming;
    } else {
      // Someone else wrote since this client last pulled: merge field by field (shared/sync/merge.ts).
      const merge = threeWayMerge(assumed, storedEntity, incoming, 'incoming');
      candidate = merge.merged;
      conflicts = merge.conflicts;
    }
    candidate = {
      ...candidate,
      updatedBy: principal.userId,
      updatedAt: Math.max(Number(candidate.updatedAt) || 0, (storedEntity?.updatedAt ?? 0) + 1),
      ...(storedEntity ? { createdBy: storedEntity.createdBy, createdAt: storedEntity.createdAt, workspaceId: storedEntity.workspaceId } : { createdBy: principal.userId }),
    };

    const schema = entitySchemas[collection] as z.ZodType<Entity>;
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      return reject(RejectReason.validation, { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) });
    }
    const valid = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Entity;

    const permission = checkWrite(principal, scope, collection, storedEntity, valid);
    if (!permission.ok) return reject(permission.reason, { params: permission.params });

    if (collection === 'deals' && (!storedEntity || storedEntity.stage !== valid.stage)) {
      const stage = pipeline.stages.find((s) => s.id === valid.stage);
      const missing = stage ? missingStageFields(valid as unknown as Deal, stage) : ['stage'];
      if (missing.length > 0) return reject(RejectReason.stageGate, { params: { stage: String(valid.stage), fields: missing.join(',') } });
    }

    if (storedEntity && !stored?.deleted && sameRecord(valid, storedEntity)) {
      return sameRecord(valid, incoming) ? {} : { conflict: toWire(storedEntity, false) };
    }

    const seq = await this.nextSeq(tx);
    await tx.query(
      `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)
       ON CONFLICT (workspace_id, collection, id) DO UPDATE SET team_id = $4, owner_id = $5, seq = $6, deleted = false, data = $7, updated_at = $8`,
      [principal.workspaceId, collection, valid.id, valid.teamId, valid.ownerId, seq, JSON.stringify(valid), Date.now()],
    );
    if (storedEntity && storedEntity.teamId !== valid.teamId) {
      await tx.query('INSERT INTO scope_exits (workspace_id, collection, id, old_team_id, seq, data) VALUES ($1, $2, $3, $4, $5, $6)', [
        principal.workspaceId, collection, valid.id, storedEntity.teamId, seq, JSON.stringify(storedEntity),
      ]);
    }
    const changes = Object.keys({ ...(storedEntity ?? {}), ...valid })
      .filter((field) => field !== 'updatedAt' && field !== 'updatedBy' && !sameValue(storedEntity?.[field], valid[field]))
      .map((field) => ({ field, oldValue: storedEntity?.[field] ?? null, newValue: valid[field] ?? null }));
    await this.recordHistory(tx, principal, collection, valid.id, seq, changes, storedEntity ? 'change' : 'create');
    if (conflicts.length > 0) {
      // The overwritten values stay in history, attributed to whoever wrote them (nothing silently lost).
      for (const conflict of conflicts) {
        await tx.query(
          `INSERT INTO record_history (workspace_id, collection, record_id, seq, user_id, at, field, old_value, new_value, kind)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'merge')`,
          [principal.workspaceId, collection, valid.id, seq, typeof storedEntity?.updatedBy === 'string' ? storedEntity.updatedBy : '', Date.now(), conflict.field, JSON.stringify(conflict.lost ?? null), JSON.stringify(conflict.kept ?? null)],
        );
      }
    }
    return { seq, conflict: sameRecord(valid, incoming) ? undefined : toWire(valid, false) };
  }

  private async nextSeq(tx: SqlTx): Promise<number> {
    const [row] = await tx.query<{ seq: number }>("SELECT nextval('record_seq')::float8 AS seq");
    return Number(row.seq);
  }

  private async recordHistory(
    tx: SqlTx, principal: Principal, collection: CollectionName, id: string, seq: number,
    changes: { field: string; oldValue: unknown; newValue: unknown }[], kind: 'create' | 'change' | 'delete',
  ): Promise<void> {
    if (changes.length === 0) return;
    const at = Date.now();
    const values: unknown[] = [];
    const tuples = changes.map((change, i) => {
      values.push(change.field, JSON.stringify(change.oldValue ?? null), JSON.stringify(change.newValue ?? null));
      const base = 8 + i * 3;
      return `($1, $2, $3, $4, $5, $6, $${base}, $${base + 1}, $${base + 2}, $7)`;
    });
    await tx.query(
      `INSERT INTO record_history (workspace_id, collection, record_id, seq, user_id, at, field, old_value, new_value, kind) VALUES ${tuples.join(', ')}`,
      [principal.workspaceId, collection, id, seq, principal.userId, at, kind, ...values],
    );
  }

  /** Writes a record as the server (members mirrored from the admin tables, the default pipeline). */
  async writeAsServer(workspaceId: string, collection: CollectionName, entity: Entity): Promise<number> {
    const seq = await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
      const next = await this.nextSeq(tx);
      await tx.query(
        `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)
         ON CONFLICT (workspace_id, collection, id) DO UPDATE SET team_id = $4, owner_id = $5, seq = $6, deleted = false, data = $7, updated_at = $8`,
        [workspaceId, collection, entity.id, entity.teamId, entity.ownerId, next, JSON.stringify(entity), Date.now()],
      );
      return next;
    });
    await this.bus.publish({ kind: 'records', workspaceId, collections: [collection], seq });
    return seq;
  }

  /**
   * Writes many trusted records at once as the server (sample data, benchmarks, bulk imports that were
   * validated before): one multi-row upsert per call, each row with its own server sequence in array order.
   * Skips per-row validation, merges and history; use push() for anything a person typed.
   * Returns the last sequence written (0 when `entities` is empty).
   */
  async bulkUpsert(workspaceId: string, collection: CollectionName, entities: readonly Entity[], options: { publish?: boolean } = {}): Promise<number> {
    if (entities.length === 0) return 0;
    const seq = await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
      const [row] = await tx.query<{ seq: number | null }>(
        `WITH input AS (
           SELECT d, nextval('record_seq') AS seq
             FROM (SELECT d, ord FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(d, ord) ORDER BY ord) ordered
         ), written AS (
           INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
           SELECT $1, $2, d->>'id', coalesce(d->>'teamId', ''), coalesce(d->>'ownerId', ''), seq, false, d, $4 FROM input
           ON CONFLICT (workspace_id, collection, id) DO UPDATE
             SET team_id = EXCLUDED.team_id, owner_id = EXCLUDED.owner_id, seq = EXCLUDED.seq, deleted = false, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
           RETURNING seq
         )
         SELECT max(seq)::float8 AS seq FROM written`,
        [workspaceId, collection, JSON.stringify(entities), Date.now()],
      );
      return Number(row?.seq ?? 0);
    });
    if (options.publish !== false && seq > 0) await this.bus.publish({ kind: 'records', workspaceId, collections: [collection], seq });
    return seq;
  }

  /** Tells connected clients (on every node) that these collections changed up to `seq` (after bulk writes). */
  async announce(workspaceId: string, collections: CollectionName[], seq: number): Promise<void> {
    await this.bus.publish({ kind: 'records', workspaceId, collections, seq });
  }

  async get(principal: Principal, scope: Scope, collection: CollectionName, id: string): Promise<Entity | null> {
    const [row] = await this.sql.query<StoredRow>('SELECT data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3', [principal.workspaceId, collection, id]);
    if (!row || row.deleted || !canRead(scope, collection, row.data)) return null;
    return row.data;
  }

  async history(principal: Principal, scope: Scope, collection: CollectionName, id: string): Promise<HistoryEntry[] | null> {
    const record = await this.get(principal, scope, collection, id);
    if (!record) return null;
    const rows = await this.sql.query<{ seq: number; at: number; user_id: string; name: string | null; field: string; old_value: unknown; new_value: unknown; kind: HistoryEntry['kind'] }>(
      `SELECT h.seq, h.at, h.user_id, u.name, h.field, h.old_value, h.new_value, h.kind FROM record_history h
         LEFT JOIN users u ON u.id = h.user_id
        WHERE h.workspace_id = $1 AND h.collection = $2 AND h.record_id = $3 ORDER BY h.id DESC LIMIT 500`,
      [principal.workspaceId, collection, id],
    );
    return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), userId: r.user_id, userName: r.name ?? r.user_id, field: r.field, oldValue: r.old_value, newValue: r.new_value, kind: r.kind }));
  }

  async currentSeq(): Promise<number> {
    const [row] = await this.sql.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::float8 AS seq FROM records');
    return Number(row?.seq ?? 0);
  }
}

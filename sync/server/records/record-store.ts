import type { z } from 'zod';
import {
  DEFAULT_PIPELINE,
  entitySchemas,
  pipelineValueSchema,
  type CollectionName,
  type Deal,
  type PipelineValue,
} from '@shared/domain';
import { checkStageEntry } from '@shared/rules/deal-stage';
import {
  checkWrite,
  canRead,
  inScope,
  RejectReason,
  sameRecord,
  sameValue,
  threeWayMerge,
  WORKSPACE_WIDE_COLLECTIONS,
  type Checkpoint,
  type FieldConflict,
  type HistoryEntry,
  type Principal,
  type Rejection,
  type Scope,
  type WireDoc,
} from '@shared/sync';
import type { Sql, SqlTx } from '../db/sql';
import type { ChangeBus, ChangeEvent } from '../fanout';
import type { RecordChange } from '../ws/direct-changes';

type Entity = Record<string, unknown> & {
  id: string;
  teamId: string;
  ownerId: string;
  workspaceId: string;
  updatedAt: number;
};

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

/** A pull answer with its documents already serialized (a JSON array), as the socket sends it. */
export interface PullJsonResult {
  documentsJson: string;
  /** How many documents `documentsJson` holds. */
  count: number;
  checkpoint: Checkpoint | null;
  remaining: number;
}

interface StoredRow {
  data: Entity;
  deleted: boolean;
  seq: number;
  team_id: string;
}

/** A stored row as a pull reads it: the entity as JSON text (never parsed on the way to the socket). */
interface StoredJsonRow {
  data: string;
  deleted: boolean;
  seq: number;
  team_id: string;
}

interface PullItem {
  seq: number;
  /** The wire document (entity + `_deleted`) as JSON text. */
  json: string;
}

interface PullPage {
  items: PullItem[];
  checkpoint: Checkpoint | null;
  remaining: number;
  /** Every change after the checkpoint is in `items` (there was no next page). */
  complete: boolean;
}

/**
 * The wire document for a stored entity given as JSON object text (jsonb::text): the entity's fields plus
 * `_deleted`, spliced as text so a pull neither parses nor re-serializes what the database already holds.
 * (Stored entities never carry `_`-fields, entityOf strips them; were one there, JSON.parse keeps the last
 * `_deleted`, so this one wins as in `{ ...data, _deleted }`.)
 */
export function wireJsonOf(entityJson: string, deleted: boolean): string {
  const body = entityJson.trimEnd();
  if (!body.startsWith('{') || !body.endsWith('}'))
    throw new Error('stored record data is not a JSON object');
  const inner = body.slice(1, -1).trim();
  return `{${inner}${inner ? ',' : ''}"_deleted":${deleted ? 'true' : 'false'}}`;
}

/** The `pull-result` message for a serialized pull answer (JSON text, equal to JSON.stringify of the message). */
export function pullResultMessageJson(id: number, result: PullJsonResult): string {
  return `{"type":"pull-result","id":${JSON.stringify(id)},"documents":${result.documentsJson},"checkpoint":${JSON.stringify(result.checkpoint)},"remaining":${JSON.stringify(result.remaining)}}`;
}

const REMAINING_ENTRIES = 1000;

const PULL_CACHE_ENTRIES = 1000;
const PULL_CACHE_MAX_DOCS = 50;

/** Pushes per group commit, and rows (a single bigger push is committed alone). */
const PUSH_GROUP_MAX = 200;
const PUSH_GROUP_MAX_ROWS = 2000;

/** A push waiting for its group commit. */
interface PendingPush {
  principal: Principal;
  scope: Scope;
  collection: CollectionName;
  rows: PushRow[];
  origin: string | undefined;
  resolve: (result: PushResult) => void;
  reject: (error: unknown) => void;
}

/** The pushes waiting for a workspace's collection, and whether a group of it is being committed. */
interface PushQueue {
  waiting: PendingPush[];
  running: boolean;
}

/** A push's result in its group, and the event announcing its commit (none when it wrote nothing). */
interface PushOutcome {
  result: PushResult;
  event?: ChangeEvent;
}

/** A write decided for one pushed row, made in bulk with the others of its push. */
type PlannedWrite =
  | {
      kind: 'tombstone';
      id: string;
      before: Entity | null;
      changes: { field: string; oldValue: unknown; newValue: unknown }[];
      conflicts: FieldConflict[];
    }
  | {
      kind: 'create' | 'change';
      id: string;
      entity: Entity;
      before: Entity | null;
      changes: { field: string; oldValue: unknown; newValue: unknown }[];
      conflicts: FieldConflict[];
    };

/** A written record as direct fan-out sends it (the stored state, as a pull returns it); `earlier`: a previous write of it in the same push. */
function changeOf(write: PlannedWrite, earlier: RecordChange | undefined): RecordChange {
  const previousTeamIds = [
    ...(earlier?.previousTeamIds ?? []),
    ...(write.before ? [write.before.teamId] : []),
  ];
  if (write.kind === 'tombstone')
    return {
      id: write.id,
      teamId: write.before?.teamId ?? '',
      previousTeamIds,
      doc: toWire(write.before as Entity, true),
    };
  return {
    id: write.id,
    teamId: write.entity.teamId,
    previousTeamIds,
    doc: toWire(write.entity, false),
  };
}

/** Strips replication bookkeeping (`_deleted`, `_meta`, `_rev`, `_attachments`) from a wire document. */
export function entityOf(doc: Record<string, unknown>): Entity {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_'))) as Entity;
}

/**
 * The stored state a refused push is answered with — as the pusher may see it: a record now outside their scope
 * comes back as a tombstone of what they already had (as a pull would remove it), never as it is now in the
 * other team.
 */
function conflictFor(
  scope: Scope,
  collection: CollectionName,
  stored: StoredRow,
  row: PushRow,
): WireDoc {
  if (canRead(scope, collection, stored.data)) return toWire(stored.data, stored.deleted);
  const known = row.assumedMasterState ?? row.newDocumentState;
  return { ...known, id: stored.data.id, _deleted: true };
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
  /**
   * The last small pull answer per (workspace, collection, scope), shared by everyone with that scope: after
   * a change every teammate of the writer pulls from about the same checkpoint, and one query answers them
   * all (a later checkpoint is answered by dropping what it already has). An answer is used only while none
   * of the scope's teams has had a change announced since it was read (`stamp`), so it never misses one.
   */
  private readonly pullCache = new Map<
    string,
    { stamp: string; since: number; items: PullItem[] | null; pending: Promise<PullPage> }
  >();
  /**
   * Records left after a page that had a next one, per (workspace, collection, scope) and checkpoint: the next
   * page subtracts what it returns instead of counting again, so a download of n pages counts once, not n
   * times (a count scans every remaining index entry: per-page counts made a download quadratic). `remaining`
   * only drives progress: writes committed meanwhile are not in the figure, and a page with more behind it
   * always says at least 1.
   */
  private readonly remainingAfter = new Map<string, number>();
  /** Change counters per workspace|collection|team ('!' = changes everyone may see, '*' = any change). */
  private readonly generations = new Map<string, number>();
  /** Pushes waiting for their group commit, per workspace|collection (see `push`). */
  private readonly pushQueues = new Map<string, PushQueue>();

  constructor(
    private readonly sql: Sql,
    private readonly bus: ChangeBus,
  ) {
    // Subscribed before any socket listener: counters move before anyone is told to pull.
    bus.subscribe((event) => {
      if (event.kind !== 'records') return;
      const bump = (key: string) => this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      for (const collection of event.collections) {
        const prefix = `${event.workspaceId}|${collection}|`;
        bump(prefix + '*');
        if (!event.teams) bump(prefix + '!');
        else for (const team of event.teams) bump(prefix + (team === '' ? '!' : team));
      }
    });
  }

  private stampOf(workspaceId: string, collection: CollectionName, scope: Scope): string {
    const prefix = `${workspaceId}|${collection}|`;
    const gen = (key: string) => this.generations.get(prefix + key) ?? 0;
    if (scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection)) return `*${gen('*')}`;
    let stamp = `!${gen('!')}`;
    for (const team of scope) stamp += `,${gen(team)}`;
    return stamp;
  }

  async pull(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullResult> {
    const page = await this.pullPage(principal, scope, collection, checkpoint, batchSize);
    return {
      documents: page.items.map((i) => JSON.parse(i.json) as WireDoc),
      checkpoint: page.checkpoint,
      remaining: page.remaining,
    };
  }

  /** As `pull`, with the documents serialized (a JSON array), ready for `pullResultMessageJson`. */
  async pullJson(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullJsonResult> {
    const page = await this.pullPage(principal, scope, collection, checkpoint, batchSize);
    return {
      documentsJson: `[${page.items.map((i) => i.json).join(',')}]`,
      count: page.items.length,
      checkpoint: page.checkpoint,
      remaining: page.remaining,
    };
  }

  private async pullPage(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullPage> {
    const since = checkpoint?.seq ?? 0;
    const scopeKey =
      scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection)
        ? '*'
        : [...scope].sort().join(',');
    const key = `${principal.workspaceId}|${collection}|${scopeKey}`;
    const stamp = this.stampOf(principal.workspaceId, collection, scope);
    const cached = this.pullCache.get(key);
    if (cached && cached.stamp === stamp) {
      if (cached.since === since && !cached.items) return await cached.pending;
      if (cached.items && since >= cached.since) {
        const items = cached.items.filter((i) => i.seq > since).slice(0, batchSize);
        const last = items[items.length - 1];
        return {
          items,
          checkpoint: last ? { seq: last.seq } : checkpoint,
          remaining: 0,
          complete: true,
        };
      }
    }
    const pending = this.pullFromDatabase(principal, scope, collection, checkpoint, batchSize, key);
    const entry = { stamp, since, items: null as PullItem[] | null, pending };
    if (this.pullCache.size >= PULL_CACHE_ENTRIES) this.pullCache.clear();
    this.pullCache.set(key, entry);
    try {
      const page = await pending;
      // Keep complete, small answers only (the catch-up after a change), not initial downloads.
      if (
        page.complete &&
        page.items.length <= PULL_CACHE_MAX_DOCS &&
        this.pullCache.get(key) === entry
      )
        entry.items = page.items;
      else if (this.pullCache.get(key) === entry) this.pullCache.delete(key);
      return page;
    } catch (error) {
      if (this.pullCache.get(key) === entry) this.pullCache.delete(key);
      throw error;
    }
  }

  private async pullFromDatabase(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
    key: string,
  ): Promise<PullPage> {
    const since = checkpoint?.seq ?? 0;
    const wide = scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection);
    const teams = wide ? [] : [...scope];
    const items: PullItem[] = [];
    if (wide) {
      // data::text: the JSON goes to the socket as the database holds it (parsing and re-serializing it was
      // most of a pull's cost on the server).
      const rows = await this.sql.query<StoredJsonRow>(
        'SELECT data::text AS data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [principal.workspaceId, collection, since, batchSize + 1],
      );
      for (const r of rows) items.push({ seq: Number(r.seq), json: wireJsonOf(r.data, r.deleted) });
    } else {
      // One round trip: the records in scope, and records that left this person's scope since the checkpoint
      // (they become tombstones in their replica).
      const rows = await this.sql.query<StoredJsonRow & { exited: boolean }>(
        `(SELECT data::text AS data, deleted, seq, team_id, false AS exited FROM records
           WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND (team_id = '' OR team_id = ANY($4::text[])) ORDER BY seq LIMIT $5)
         UNION ALL
         (SELECT e.data::text AS data, true AS deleted, e.seq, r.team_id, true AS exited FROM scope_exits e
            LEFT JOIN records r ON r.workspace_id = e.workspace_id AND r.collection = e.collection AND r.id = e.id
           WHERE e.workspace_id = $1 AND e.collection = $2 AND e.seq > $3 AND e.old_team_id = ANY($4::text[]) ORDER BY e.seq LIMIT $5)`,
        [principal.workspaceId, collection, since, teams, batchSize + 1],
      );
      for (const r of rows) {
        if (r.exited && r.team_id !== null && inScope(scope, r.team_id)) continue;
        items.push({ seq: Number(r.seq), json: wireJsonOf(r.data, r.exited ? true : r.deleted) });
      }
      items.sort((a, b) => a.seq - b.seq);
    }
    const page = items.slice(0, batchSize);
    const last = page[page.length - 1];
    const next = last ? { seq: last.seq } : checkpoint;
    let remaining = 0;
    if (items.length > batchSize && next) {
      const known = this.remainingAfter.get(`${key}|${since}`);
      this.remainingAfter.delete(`${key}|${since}`);
      remaining =
        known !== undefined
          ? Math.max(1, known - page.length)
          : await this.countAfter(principal, collection, next.seq, wide ? null : teams);
      if (this.remainingAfter.size >= REMAINING_ENTRIES) this.remainingAfter.clear();
      this.remainingAfter.set(`${key}|${next.seq}`, remaining);
    }
    return { items: page, checkpoint: next, remaining, complete: items.length <= batchSize };
  }

  /** Records after `seq` in the collection (within `teams` and workspace-wide ones when given). */
  private async countAfter(
    principal: Principal,
    collection: CollectionName,
    seq: number,
    teams: string[] | null,
  ): Promise<number> {
    const [count] = !teams
      ? await this.sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3',
          [principal.workspaceId, collection, seq],
        )
      : await this.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND (team_id = '' OR team_id = ANY($4::text[]))`,
          [principal.workspaceId, collection, seq, teams],
        );
    return Number(count?.n ?? 0);
  }

  /**
   * Applies pushed rows, serialized per workspace (an advisory lock) so server sequences commit in order and
   * a pull can never skip a record committed late. Rows are decided one by one, in order (validation,
   * permissions, stage gates, three-way merge), but read and written in bulk: one read of every stored row,
   * one sequence allocation, one upsert, one history insert — a backlog of thousands of offline edits costs a
   * few statements per batch instead of four per row (B5).
   *
   * Group commit: pushes to a workspace's collection that arrive while one of its push transactions runs wait
   * and are then applied together in one transaction (`pushGroup`), decided in arrival order exactly as if they
   * had run one after another, so the per-statement and per-transaction cost is paid once per group (B9: a
   * hundred small pushes per second on PGlite). Each caller gets its own result, and each push is announced as
   * its own commit (its documents, `prevSeq` = the push before it), as sequential pushes would have been.
   * `origin` names the connection the rows came from: it already knows, so it is not told to pull them.
   */
  push(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    rows: PushRow[],
    options: { origin?: string } = {},
  ): Promise<PushResult> {
    return new Promise<PushResult>((resolve, reject) => {
      const key = `${principal.workspaceId}|${collection}`;
      let queue = this.pushQueues.get(key);
      if (!queue) {
        queue = { waiting: [], running: false };
        this.pushQueues.set(key, queue);
      }
      queue.waiting.push({
        principal,
        scope,
        collection,
        rows,
        origin: options.origin,
        resolve,
        reject,
      });
      if (!queue.running) void this.drainPushes(key, queue);
    });
  }

  /** Runs a queue's pushes group by group until none is waiting (the first push of an idle queue runs at once). */
  private async drainPushes(key: string, queue: PushQueue): Promise<void> {
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        // Bounded groups: at most PUSH_GROUP_MAX pushes and PUSH_GROUP_MAX_ROWS rows (a bigger push goes alone).
        let count = 0;
        let rowCount = 0;
        while (
          count < queue.waiting.length &&
          count < PUSH_GROUP_MAX &&
          (count === 0 || rowCount + queue.waiting[count].rows.length <= PUSH_GROUP_MAX_ROWS)
        ) {
          rowCount += queue.waiting[count].rows.length;
          count += 1;
        }
        await this.runPushGroup(queue.waiting.splice(0, count));
      }
    } finally {
      queue.running = false;
      if (queue.waiting.length === 0 && this.pushQueues.get(key) === queue)
        this.pushQueues.delete(key);
    }
  }

  /**
   * Commits a group and settles each caller; never throws. If the group's transaction fails (nothing of it is
   * committed), each push is run again alone, so one bad push fails only its own caller.
   */
  private async runPushGroup(group: PendingPush[]): Promise<void> {
    let outcomes: PushOutcome[];
    try {
      outcomes = await this.pushGroup(group);
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const push of group) await this.runPushGroup([push]);
      return;
    }
    // Announced after the commit, in sequence order (direct fan-out chains each commit to the one before), each
    // push's caller answered before the next push is announced, as when they ran one after another: a client
    // must get its push reply before the documents of a later write to the same record (else it would take its
    // own, overwritten state for the stored one). The caller's reply is sent in the microtasks that follow the
    // resolve; a macrotask turn lets it go out first.
    for (let i = 0; i < group.length; i++) {
      const { result, event } = outcomes[i];
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        if (event) await this.bus.publish(event);
        group[i].resolve(result);
      } catch (error) {
        group[i].reject(error);
      }
    }
  }

  /**
   * Applies a group of pushes to one workspace's collection in one transaction: one read of every stored row
   * they name (FOR UPDATE), rows decided push by push and row by row in arrival order (a later push sees an
   * earlier one's writes), one sequence draw, bulk writes, one commit. Returns each push's result and the event
   * announcing it (its writes hold consecutive sequences; its `prevSeq` is the last one of the push before).
   */
  private async pushGroup(group: PendingPush[]): Promise<PushOutcome[]> {
    const { workspaceId } = group[0].principal;
    const collection = group[0].collection;
    const outcomes: PushOutcome[] = group.map(() => ({
      result: { conflicts: [], rejected: [], written: 0 },
    }));
    await this.sql.transaction(async (tx) => {
      const pipeline =
        collection === 'deals' ? await this.pipeline(tx, workspaceId) : DEFAULT_PIPELINE;
      const ids = [
        ...new Set(group.flatMap((push) => push.rows.map((row) => row.newDocumentState.id))),
      ];
      // FOR UPDATE on PostgreSQL (other transactions could change the rows while they are decided); PGlite runs
      // one transaction at a time, and there the row locks only cost a WAL record per row.
      const storedRows = await tx.query<StoredRow & { id: string }>(
        `SELECT id, data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND id = ANY($3::text[])${this.sql.engine === 'pglite' ? '' : ' FOR UPDATE'}`,
        [workspaceId, collection, ids],
      );
      // The stored state as rows are decided: a later row (of this push or a later one) sees an earlier one's write.
      const current = new Map<string, StoredRow>(storedRows.map((r) => [r.id, r]));
      const writes: { write: PlannedWrite; userId: string }[] = [];
      const writesOf: PlannedWrite[][] = [];
      group.forEach((push, i) => {
        const { result } = outcomes[i];
        const own: PlannedWrite[] = [];
        for (const row of push.rows) {
          const outcome = this.decideRow(
            push.principal,
            push.scope,
            collection,
            row,
            pipeline,
            current.get(row.newDocumentState.id) ?? null,
          );
          if (outcome.conflict) result.conflicts.push(outcome.conflict);
          if (outcome.rejected) result.rejected.push(outcome.rejected);
          if (outcome.write) {
            own.push(outcome.write);
            writes.push({ write: outcome.write, userId: push.principal.userId });
            const w = outcome.write;
            current.set(w.id, {
              data: w.kind === 'tombstone' ? (w.before as Entity) : w.entity,
              deleted: w.kind === 'tombstone',
              seq: 0,
              team_id: w.kind === 'tombstone' ? (w.before?.teamId ?? '') : w.entity.teamId,
            });
          }
        }
        result.written = own.length;
        writesOf.push(own);
      });
      if (writes.length === 0) return;
      // Sequences are drawn and committed in order per workspace: the lock is held from here to the commit only
      // (rows are already locked FOR UPDATE, so decisions cannot race); the fewer round trips under it, the more
      // pushes per second a workspace takes on PostgreSQL (B9). PGlite runs one transaction at a time anyway.
      if (this.sql.engine !== 'pglite')
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
      const { seqs, prevSeq } = await this.applyWrites(tx, workspaceId, collection, writes);
      // Writes took sequences in order, push after push: each push's commit follows the one before it.
      let next = 0;
      let prev = prevSeq;
      group.forEach((push, i) => {
        const own = writesOf[i];
        if (own.length === 0) return;
        const lastSeq = seqs[next + own.length - 1];
        next += own.length;
        const teams = new Set<string>();
        const changes = new Map<string, RecordChange>();
        for (const write of own) {
          if (write.kind !== 'tombstone') teams.add(write.entity.teamId);
          if (write.before) teams.add(write.before.teamId);
          changes.set(write.id, changeOf(write, changes.get(write.id)));
        }
        // Only people who can see one of these teams are told (a workspace-wide collection tells everyone).
        const audience =
          WORKSPACE_WIDE_COLLECTIONS.has(collection) || teams.has('') ? {} : { teams: [...teams] };
        outcomes[i].event = {
          kind: 'records',
          workspaceId,
          collections: [collection],
          seq: lastSeq,
          prevSeq: prev,
          changes: [...changes.values()],
          ...audience,
          ...(push.origin ? { origin: push.origin } : {}),
        };
        prev = lastSeq;
      });
    });
    return outcomes;
  }

  private async pipeline(tx: SqlTx, workspaceId: string): Promise<PipelineValue> {
    const [row] = await tx.query<{ data: { value?: unknown } }>(
      `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'pipeline' AND deleted = false ORDER BY seq DESC LIMIT 1`,
      [workspaceId],
    );
    const parsed = pipelineValueSchema.safeParse(row?.data.value);
    return parsed.success ? parsed.data : DEFAULT_PIPELINE;
  }

  /** Decides one pushed row against the stored state: a conflict, a rejection and/or a write to make. */
  private decideRow(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    row: PushRow,
    pipeline: PipelineValue,
    stored: StoredRow | null,
  ): { conflict?: WireDoc; rejected?: Rejection; write?: PlannedWrite } {
    const incomingDoc = row.newDocumentState;
    const storedEntity = stored ? stored.data : null;
    const reject = (reason: string, extra: Partial<Rejection> = {}) => ({
      rejected: { collection, id: incomingDoc.id, reason, attempted: incomingDoc, ...extra },
      conflict: stored ? conflictFor(scope, collection, stored, row) : undefined,
    });

    // A replication tombstone (the app itself only soft-deletes; tombstones come from discarding a rejected new record).
    if (incomingDoc._deleted === true) {
      if (!stored || stored.deleted) return {};
      const check = checkWrite(principal, scope, collection, stored.data, stored.data);
      if (!check.ok) return reject(check.reason, { params: check.params });
      return {
        write: {
          kind: 'tombstone',
          id: stored.data.id,
          before: stored.data,
          changes: [{ field: '_deleted', oldValue: false, newValue: true }],
          conflicts: [],
        },
      };
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
      ...(storedEntity
        ? {
            createdBy: storedEntity.createdBy,
            createdAt: storedEntity.createdAt,
            workspaceId: storedEntity.workspaceId,
          }
        : { createdBy: principal.userId }),
    };

    const schema = entitySchemas[collection] as z.ZodType<Entity>;
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      return reject(RejectReason.validation, {
        issues: parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        })),
      });
    }
    const valid = Object.fromEntries(
      Object.entries(parsed.data).filter(([, v]) => v !== undefined),
    ) as Entity;

    const permission = checkWrite(principal, scope, collection, storedEntity, valid);
    if (!permission.ok) return reject(permission.reason, { params: permission.params });

    if (collection === 'deals') {
      // The shared stage command (shared/rules/deal-stage.ts) decides, as in the app; an unknown stage is
      // reported as the missing field 'stage'.
      const refusal = checkStageEntry(
        storedEntity as unknown as Deal | null,
        valid as unknown as Deal,
        pipeline,
      );
      if (refusal)
        return reject(RejectReason.stageGate, {
          params: {
            stage: String(valid.stage),
            fields: refusal.reason === 'stageGate' ? refusal.missing.join(',') : 'stage',
          },
        });
    }

    if (storedEntity && !stored?.deleted && sameRecord(valid, storedEntity)) {
      return sameRecord(valid, incoming) ? {} : { conflict: toWire(storedEntity, false) };
    }

    const changes = Object.keys({ ...(storedEntity ?? {}), ...valid })
      .filter(
        (field) =>
          field !== 'updatedAt' &&
          field !== 'updatedBy' &&
          !sameValue(storedEntity?.[field], valid[field]),
      )
      .map((field) => ({
        field,
        oldValue: storedEntity?.[field] ?? null,
        newValue: valid[field] ?? null,
      }));
    return {
      write: {
        kind: storedEntity ? 'change' : 'create',
        id: valid.id,
        entity: valid,
        before: storedEntity,
        changes,
        conflicts,
      },
      conflict: sameRecord(valid, incoming) ? undefined : toWire(valid, false),
    };
  }

  /**
   * Makes the decided writes: sequences in order, then one statement per kind of write. Returns the sequences
   * (ascending, one per write in order), and the collection's last sequence in the workspace before this commit
   * (`prevSeq`: with the workspace lock held, the commit before this one; direct fan-out chains commits by it),
   * read in the same statement that draws the sequences.
   */
  private async applyWrites(
    tx: SqlTx,
    workspaceId: string,
    collection: CollectionName,
    writes: { write: PlannedWrite; userId: string }[],
  ): Promise<{ seqs: number[]; prevSeq: number }> {
    const seqRows = await tx.query<{ seq: number; prev: number }>(
      "SELECT nextval('record_seq')::float8 AS seq, (SELECT coalesce(max(seq), 0) FROM records WHERE workspace_id = $2 AND collection = $3)::float8 AS prev FROM generate_series(1, $1)",
      [writes.length, workspaceId, collection],
    );
    const seqs = seqRows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    const prevSeq = Number(seqRows[0]?.prev ?? 0);
    const now = Date.now();
    // The last write of each record is its stored state (same as applying in order): a tombstone keeps the
    // record's data and team, a later write of a tombstoned record revives it.
    const upserts = new Map<
      string,
      { id: string; teamId: string; ownerId: string; seq: number; deleted: boolean; data: Entity }
    >();
    const exits: { id: string; oldTeamId: string; seq: number; data: Entity }[] = [];
    const history: {
      recordId: string;
      seq: number;
      userId: string;
      field: string;
      oldValue: unknown;
      newValue: unknown;
      kind: string;
    }[] = [];
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
        });
      } else {
        upserts.set(write.id, {
          id: write.id,
          teamId: write.entity.teamId,
          ownerId: write.entity.ownerId,
          seq,
          deleted: false,
          data: write.entity,
        });
        if (write.before && write.before.teamId !== write.entity.teamId)
          exits.push({ id: write.id, oldTeamId: write.before.teamId, seq, data: write.before });
      }
      const kind = write.kind === 'tombstone' ? 'delete' : write.kind;
      for (const change of write.changes)
        history.push({
          recordId: write.id,
          seq,
          userId,
          field: change.field,
          oldValue: change.oldValue ?? null,
          newValue: change.newValue ?? null,
          kind,
        });
      // The overwritten values stay in history, attributed to whoever wrote them (nothing silently lost).
      const loserId = typeof write.before?.updatedBy === 'string' ? write.before.updatedBy : '';
      for (const conflict of write.conflicts)
        history.push({
          recordId: write.id,
          seq,
          userId: loserId,
          field: conflict.field,
          oldValue: conflict.lost ?? null,
          newValue: conflict.kept ?? null,
          kind: 'merge',
        });
    });
    if (upserts.size > 0) {
      await tx.query(
        `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
         SELECT $1, $2, w->>'id', w->>'teamId', w->>'ownerId', (w->>'seq')::bigint, (w->>'deleted')::boolean, w->'data', $4 FROM jsonb_array_elements($3::jsonb) AS w
         ON CONFLICT (workspace_id, collection, id) DO UPDATE
           SET team_id = EXCLUDED.team_id, owner_id = EXCLUDED.owner_id, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
        [workspaceId, collection, JSON.stringify([...upserts.values()]), now],
      );
    }
    if (exits.length > 0) {
      await tx.query(
        `INSERT INTO scope_exits (workspace_id, collection, id, old_team_id, seq, data)
         SELECT $1, $2, e->>'id', e->>'oldTeamId', (e->>'seq')::bigint, e->'data' FROM jsonb_array_elements($3::jsonb) AS e`,
        [workspaceId, collection, JSON.stringify(exits)],
      );
    }
    if (history.length > 0) {
      await tx.query(
        `INSERT INTO record_history (workspace_id, collection, record_id, seq, user_id, at, field, old_value, new_value, kind)
         SELECT $1, $2, h->>'recordId', (h->>'seq')::bigint, h->>'userId', $4, h->>'field', h->'oldValue', h->'newValue', h->>'kind'
           FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(h, ord) ORDER BY ord`,
        [workspaceId, collection, JSON.stringify(history), now],
      );
    }
    return { seqs, prevSeq };
  }

  private async nextSeq(tx: SqlTx): Promise<number> {
    const [row] = await tx.query<{ seq: number }>("SELECT nextval('record_seq')::float8 AS seq");
    return Number(row.seq);
  }

  /** Writes a record as the server (members mirrored from the admin tables, the default pipeline). */
  async writeAsServer(
    workspaceId: string,
    collection: CollectionName,
    entity: Entity,
  ): Promise<number> {
    const seq = await this.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
      const next = await this.nextSeq(tx);
      await tx.query(
        `INSERT INTO records (workspace_id, collection, id, team_id, owner_id, seq, deleted, data, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)
         ON CONFLICT (workspace_id, collection, id) DO UPDATE SET team_id = $4, owner_id = $5, seq = $6, deleted = false, data = $7, updated_at = $8`,
        [
          workspaceId,
          collection,
          entity.id,
          entity.teamId,
          entity.ownerId,
          next,
          JSON.stringify(entity),
          Date.now(),
        ],
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
  async bulkUpsert(
    workspaceId: string,
    collection: CollectionName,
    entities: readonly Entity[],
    options: { publish?: boolean } = {},
  ): Promise<number> {
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
    if (options.publish !== false && seq > 0)
      await this.bus.publish({ kind: 'records', workspaceId, collections: [collection], seq });
    return seq;
  }

  /** Tells connected clients (on every node) that these collections changed up to `seq` (after bulk writes). */
  async announce(workspaceId: string, collections: CollectionName[], seq: number): Promise<void> {
    await this.bus.publish({ kind: 'records', workspaceId, collections, seq });
  }

  async get(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    id: string,
  ): Promise<Entity | null> {
    const [row] = await this.sql.query<StoredRow>(
      'SELECT data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND id = $3',
      [principal.workspaceId, collection, id],
    );
    if (!row || row.deleted || !canRead(scope, collection, row.data)) return null;
    return row.data;
  }

  async history(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    id: string,
  ): Promise<HistoryEntry[] | null> {
    const record = await this.get(principal, scope, collection, id);
    if (!record) return null;
    const rows = await this.sql.query<{
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
      [principal.workspaceId, collection, id],
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

  async currentSeq(): Promise<number> {
    const [row] = await this.sql.query<{ seq: number }>(
      'SELECT coalesce(max(seq), 0)::float8 AS seq FROM records',
    );
    return Number(row?.seq ?? 0);
  }
}

import type { CollectionName } from '@shared/domain';
import {
  canRead,
  DEFAULT_MAX_CLOCK_SKEW_MS,
  HybridClock,
  WORKSPACE_WIDE_COLLECTIONS,
  type Checkpoint,
  type DuplicateCheckBody,
  type DuplicateElsewhere,
  type HistoryEntry,
  type Principal,
  type Scope,
  type Stamp,
  type WireDoc,
} from '@shared/sync';
import type { Sql } from '../db/sql';
import type { ChangeBus } from '../fanout';
import { CommitQueue } from './commit-queue';
import { FieldPolicies } from './field-policies';
import { maskDoc, maskHistory, maskingFor, maskPage, resumeFrom, type Masking } from './masking';
import { readHistory } from './history';
import { findDuplicatesElsewhere } from './duplicate-lookup';
import { BackfillReader } from './backfill-reader';
import { PullCache, pullScopeKey } from './pull-cache';
import { PullReader } from './pull-reader';
import { commitPushGroup, type PushJob, type PushOutcome, type ServerStamping } from './push-group';
import { activityChangesOf, keepLastActivity } from './last-activity';
import { planPull, wireScopeOf } from './rescope';
import { loadSurvivors, mergesOf, type CommittedMerge } from './merged-records';
import * as serverWrites from './server-writes';
import { sweepDueLeads } from './lead-assignment-sweep';
import type {
  Entity,
  PullJsonResult,
  PullPage,
  PullResult,
  PushResult,
  PushRow,
  StoredRow,
} from './types';

export type { Entity, PullJsonResult, PullResult, PushResult, PushRow } from './types';
export { entityOf, pullResultMessageJson, wireJsonOf } from './wire';

/**
 * Told after a commit merged records (their losers' `mergedIntoId` set), survivors resolved to the end of their
 * chains: what lives beside the records follows the merge (the Yjs plans, docs/doc-rooms.ts).
 */
export type MergeFollower = (workspaceId: string, merges: CommittedMerge[]) => Promise<void>;

/** Pushes per group commit, and rows (a single bigger push is committed alone). */
const PUSH_GROUP_MAX = 200;
const PUSH_GROUP_MAX_ROWS = 2000;

export interface RecordStoreOptions {
  /** The node's name in its clock's stamps (`server:<name>`); default: a random one. */
  nodeName?: string;
  /** How far ahead of this server's clock an incoming stamp may be (ms); default 60 s. */
  maxClockSkewMs?: number;
  /** The physical clock (tests). */
  now?: () => number;
  /** Where a failure after a commit goes (a follow-up write that could not be made); default: nowhere. */
  warn?: (error: unknown, message: string) => void;
}

/**
 * The authoritative record store: pull by server sequence within the caller's scope, push with the
 * assumed master state (three-way merge on mismatch), validation, business rules and permissions on every
 * write, and a field-level history of who changed what (sync/README.md).
 *
 * A façade: each job is its own module in this folder (README.md "The write path"); this class wires them to
 * one database and one change bus.
 */
export class RecordStore {
  private readonly pullCache: PullCache;
  /** Each workspace's field policy (field-level restrictions), read by pulls, pushes, REST and fan-out. */
  readonly fieldPolicies: FieldPolicies;
  private readonly pullReader: PullReader;
  private readonly backfill: BackfillReader;
  private readonly pushes: CommitQueue<PushJob, PushResult>;
  /** This node's hybrid clock: stamps what the server writes and old clients' edits, observes every push. */
  private readonly stamping: ServerStamping;
  private readonly warn: (error: unknown, message: string) => void;
  private readonly mergeFollowers = new Set<MergeFollower>();

  constructor(
    private readonly sql: Sql,
    private readonly bus: ChangeBus,
    options: RecordStoreOptions = {},
  ) {
    const now = options.now ?? Date.now;
    this.stamping = {
      clock: new HybridClock(`server:${options.nodeName ?? bus.nodeId}`, now),
      maxSkewMs: options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS,
      now,
    };
    // Created first: its change counters subscribe to the bus before any socket listener does.
    this.pullCache = new PullCache(bus);
    this.fieldPolicies = new FieldPolicies(sql, bus);
    this.pullReader = new PullReader(sql);
    this.backfill = new BackfillReader(sql, this.pullReader);
    this.pushes = new CommitQueue<PushJob, PushResult>({
      maxJobs: PUSH_GROUP_MAX,
      maxSize: PUSH_GROUP_MAX_ROWS,
      sizeOf: (job) => job.rows.length,
      commit: async (jobs) => {
        const outcomes = await commitPushGroup(this.sql, jobs, this.stamping);
        if (jobs[0].collection === 'activities')
          await this.keepLastActivity(jobs[0].principal.workspaceId, outcomes);
        await this.followMerges(jobs[0].principal.workspaceId, jobs[0].collection, outcomes);
        return outcomes.map(({ result, event, commentsSeq }) => ({
          result,
          announce: event
            ? async () => {
                await this.bus.publish(event);
                // Comments that followed their record to another team (comment-teams.ts).
                if (commentsSeq)
                  await this.bus.publish({
                    kind: 'records',
                    workspaceId: event.workspaceId,
                    collections: ['activities'],
                    seq: commentsSeq,
                  });
              }
            : undefined,
        }));
      },
    });
    this.warn = options.warn ?? (() => undefined);
  }

  /**
   * A page of records after `checkpoint` (REST: the caller keeps its own `since`), fields the caller may not
   * see masked.
   */
  async pull(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullResult> {
    const masking = await this.maskingOf(principal, collection);
    const page = await this.pullPage(principal, scope, collection, checkpoint, batchSize);
    const masked = maskPage(page, masking, false);
    return {
      documents: masked.items.map((i) => JSON.parse(i.json) as WireDoc),
      checkpoint: page.checkpoint,
      remaining: page.remaining,
    };
  }

  /**
   * As `pull`, with the documents serialized (a JSON array), ready for `pullResultMessageJson`: a replica's
   * pull. Its checkpoint names the masking its documents were read with; one read with another masking (the
   * field policy or the caller's rights changed) starts again from the beginning (masking.ts resumeFrom).
   */
  async pullJson(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullJsonResult> {
    const masking = await this.maskingOf(principal, collection);
    const from = resumeFrom(checkpoint, masking);
    const page = maskPage(
      await this.pullPage(principal, scope, collection, from, batchSize),
      masking,
      from !== checkpoint,
    );
    return {
      documentsJson: `[${page.items.map((i) => i.json).join(',')}]`,
      count: page.items.length,
      checkpoint: page.checkpoint,
      remaining: page.remaining,
    };
  }

  /** How records of `collection` are masked for this caller (field-level restrictions). */
  async maskingOf(principal: Principal, collection: CollectionName): Promise<Masking> {
    return maskingFor(principal, await this.fieldPolicies.get(principal.workspaceId), collection);
  }

  /**
   * A page of a pull. A replica filled with another scope than the caller's (rights or the team tree changed)
   * first gets a back-fill (rescope.ts, backfill-reader.ts; never cached); otherwise the cache or the database
   * answers as before, and the checkpoint names the scope the answer was read with.
   */
  private async pullPage(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
  ): Promise<PullPage> {
    const { workspaceId } = principal;
    const plan = planPull(collection, checkpoint, scope);
    if (plan.kind === 'fill') {
      const key = pullScopeKey(workspaceId, collection, scope);
      return this.backfill.read(workspaceId, scope, collection, plan, batchSize, key);
    }
    const page = await this.pullCache.page(
      { workspaceId, scope, collection, checkpoint, batchSize },
      (key) => this.pullReader.read(workspaceId, scope, collection, checkpoint, batchSize, key),
    );
    if (!page.checkpoint || WORKSPACE_WIDE_COLLECTIONS.has(collection)) return page;
    // A new object: the cache shares `page` with every caller of the same scope.
    return { ...page, checkpoint: { seq: page.checkpoint.seq, scope: wireScopeOf(scope) } };
  }

  /**
   * Applies pushed rows, serialized per workspace so server sequences commit in order and a pull can never skip
   * a record committed late. Rows are decided one by one, in order (decide-row.ts: merge, validation,
   * permissions, stage gate), but read and written in bulk (push-group.ts, write-batch.ts): a backlog of
   * thousands of offline edits costs a few statements per batch instead of four per row (B5).
   *
   * Group commit (commit-queue.ts): pushes to a workspace's collection that arrive while one of its push
   * transactions runs wait and are then applied together in one transaction, decided in arrival order exactly as
   * if they had run one after another, so the per-statement and per-transaction cost is paid once per group
   * (B9). Each caller gets its own result, and each push is announced as its own commit (its documents,
   * `prevSeq` = the push before it), as sequential pushes would have been. `origin` names the connection the
   * rows came from: it already knows, so it is not told to pull them.
   */
  async push(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    rows: PushRow[],
    options: { origin?: string } = {},
  ): Promise<PushResult> {
    // The merge keeps what the pusher may not see (decide-row.ts), and replies show it masked.
    const masking = await this.maskingOf(principal, collection);
    return this.pushes.enqueue(`${principal.workspaceId}|${collection}`, {
      principal,
      scope,
      collection,
      rows,
      origin: options.origin,
      masking,
    });
  }

  /**
   * After activities were committed: the last activity of the leads, deals and accounts they concern (pushed
   * and REST activities alike). The activities are already committed, so a failure here is reported, never
   * turned into a failed push; the next activity of the record puts it right.
   */
  private async keepLastActivity(workspaceId: string, outcomes: PushOutcome[]): Promise<void> {
    const changes = activityChangesOf(outcomes.flatMap((o) => o.writes));
    if (changes.length === 0) return;
    try {
      const kept = await keepLastActivity(this.sql, workspaceId, changes, () =>
        this.stamping.clock.now(),
      );
      if (kept)
        await this.bus.publish({
          kind: 'records',
          workspaceId,
          collections: kept.collections,
          seq: kept.seq,
        });
    } catch (error) {
      this.warn(error, 'lastActivityAt not kept after an activity push');
    }
  }

  /** Calls `follower` after every commit that merged records (on this node); returns the unsubscribe. */
  onMerged(follower: MergeFollower): () => void {
    this.mergeFollowers.add(follower);
    return () => void this.mergeFollowers.delete(follower);
  }

  /**
   * After a commit: the merges it made, to their followers, before the pusher is answered (so a plan is whole
   * when the merge is). The records are committed, so a failure here is reported, never a failed push.
   */
  private async followMerges(
    workspaceId: string,
    collection: CollectionName,
    outcomes: PushOutcome[],
  ): Promise<void> {
    if (this.mergeFollowers.size === 0) return;
    const merges = mergesOf(
      collection,
      outcomes.flatMap((o) => o.writes),
    );
    if (merges.length === 0) return;
    try {
      // A survivor merged away meanwhile (two merges made offline on two laptops): follow to the end.
      const further = await loadSurvivors(
        this.sql,
        workspaceId,
        merges[0].kind,
        merges.map((m) => m.survivorId),
      );
      const resolved = merges
        .map((m) => ({ ...m, survivorId: further.get(m.survivorId) ?? m.survivorId }))
        .filter((m) => m.survivorId !== m.loserId);
      for (const follower of this.mergeFollowers) await follower(workspaceId, resolved);
    } catch (error) {
      this.warn(error, 'a merge was not followed (plans of the merged records)');
    }
  }

  /** The server's clock now (a stamp later than every one it gave or saw): sent to clients to set theirs by. */
  clock(): Stamp {
    return this.stamping.clock.now();
  }

  /** Writes a record as the server (members mirrored from the admin tables, the default pipeline). */
  async writeAsServer(
    workspaceId: string,
    collection: CollectionName,
    entity: Entity,
  ): Promise<number> {
    const seq = await serverWrites.writeAsServer(
      this.sql,
      workspaceId,
      collection,
      entity,
      this.stamping.clock.now(),
    );
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
    const seq = await serverWrites.bulkUpsert(this.sql, workspaceId, collection, entities);
    if (options.publish !== false && seq > 0)
      await this.bus.publish({ kind: 'records', workspaceId, collections: [collection], seq });
    return seq;
  }

  /**
   * Gives the workspace's due leads (unowned, the rules could not place them on arrival) an owner if the rules
   * now have one, and announces it like a push (lead-assignment-sweep.ts); how many were assigned.
   */
  async assignDueLeads(workspaceId: string): Promise<number> {
    const { assigned, event } = await sweepDueLeads(this.sql, workspaceId, this.stamping);
    if (event) await this.bus.publish(event);
    return assigned;
  }

  /** Tells connected clients (on every node) that these collections changed up to `seq` (after bulk writes). */
  async announce(workspaceId: string, collections: CollectionName[], seq: number): Promise<void> {
    await this.bus.publish({ kind: 'records', workspaceId, collections, seq });
  }

  /**
   * A record as the caller may see it: null when it is missing, deleted or outside their scope; fields the
   * field policy hides from them masked.
   */
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
    return maskDoc(row.data, await this.maskingOf(principal, collection));
  }

  /** A record's field history, newest first; null when the caller may not see the record. */
  async history(
    principal: Principal,
    scope: Scope,
    collection: CollectionName,
    id: string,
  ): Promise<HistoryEntry[] | null> {
    const record = await this.get(principal, scope, collection, id);
    if (!record) return null;
    const entries = await readHistory(this.sql, principal.workspaceId, collection, id);
    return maskHistory(entries, record, await this.maskingOf(principal, collection));
  }

  /**
   * 撞单 outside the caller's scope (issue 19): who else follows the company or person typed, as kind, reason,
   * owner's and team's names only (duplicate-lookup.ts).
   */
  duplicatesElsewhere(
    principal: Principal,
    scope: Scope,
    probe: DuplicateCheckBody,
  ): Promise<DuplicateElsewhere[]> {
    return findDuplicatesElsewhere(this.sql, principal.workspaceId, scope, probe);
  }

  /** The highest sequence written (0 on an empty database). */
  currentSeq(): Promise<number> {
    return serverWrites.currentSeq(this.sql);
  }
}

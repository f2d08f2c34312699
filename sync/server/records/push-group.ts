import type { CollectionName } from '@shared/domain';
import {
  clampStamp,
  decodeStamp,
  encodeStamp,
  wallOf,
  type HybridClock,
  type Overruled,
  type Principal,
  type Scope,
  type Stamp,
} from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { Sql, SqlTx } from '../db/sql';
import type { RowStamping } from './apply-merge';
import { decideRow } from './decide-row';
import { loadLeadAssigner } from './lead-assignment';
import { loadTicketRouter } from './ticket-routing';
import { maskDoc, type Masking } from './masking';
import { commitEvent, type RecordsEvent } from './push-event';
import { loadOwnership, NO_OWNERS, ownersToLoad } from './record-ownership';
import { loadTargetMembers } from './targets';
import { loadRecordTeams, moveCommentsWithRecords } from './comment-teams';
import { loadPipelines, type DealPipelines } from './stage-gate';
import { loadLeadScoring } from './lead-scoring';
import { loadSlaCalendar } from './sla-clock';
import { loadCreditCodes } from './credit-codes';
import { loadApprovalContext } from './approvals';
import { loadQuoteContext } from './quote-approvals';
import { loadContractNumbers } from './contract-numbers';
import { loadContractApprovals } from './contract-approval';
import { redirectMergedRows } from './merged-records';
import type { AuthorOf, Entity, PlannedWrite, PushResult, PushRow, StoredRow } from './types';
import { applyWrites, type AuthoredWrite } from './write-batch';

/** One push waiting for its group commit. */
export interface PushJob {
  principal: Principal;
  scope: Scope;
  collection: CollectionName;
  rows: PushRow[];
  /** The connection the rows came from. */
  origin: string | undefined;
  /** What the field policy hides from the pusher: kept on write, masked in the reply. */
  masking: Masking;
}

/** The server's clock and the skew bound pushes are stamped with (sync/README.md "The merge rule"). */
export interface ServerStamping {
  clock: HybridClock;
  /** How far ahead of the server's physical clock an incoming stamp may be (ms). */
  maxSkewMs: number;
  /** The server's physical clock (epoch ms). */
  now: () => number;
}

/**
 * The stamps a pushed row is judged with: its own, each clamped to the server's clock + the skew bound and
 * re-noded to the pusher's device (so a stamp names who made it, and a crafted node cannot claim someone
 * else's edit), each observed by the server's clock; and the server's stamp for the row, later than all of them
 * (the receive time of unstamped paths).
 */
export function stampRow(
  row: PushRow,
  principal: Principal,
  { clock, maxSkewMs, now }: ServerStamping,
): RowStamping {
  const incoming: Record<string, Stamp> = {};
  const serverNow = now();
  for (const [path, raw] of Object.entries(row.stamps ?? {})) {
    const { stamp } = clampStamp(raw, serverNow, maxSkewMs);
    const parts = decodeStamp(stamp);
    if (!parts) continue;
    const own = encodeStamp({ ...parts, node: principal.deviceId });
    clock.observe(own);
    incoming[path] = own;
  }
  return { incoming, server: clock.now() };
}

/** A push's result in its group, and the event announcing its commit (none when it wrote nothing). */
export interface PushOutcome {
  result: PushResult;
  event?: RecordsEvent;
  /** Comments the push's team moves took along (comment-teams.ts): the activities' sequence to announce. */
  commentsSeq?: number;
  /** What the push wrote (committed): rules that follow from it read them (records/last-activity.ts). */
  writes: PlannedWrite[];
}

/**
 * Applies a group of pushes to one workspace's collection in one transaction: one read of every stored row
 * they name (FOR UPDATE), rows decided push by push and row by row in arrival order (a later push sees an
 * earlier one's writes), one sequence draw, bulk writes, one commit. Returns each push's result and the event
 * announcing it (its writes hold consecutive sequences; its `prevSeq` is the last one of the push before).
 * All pushes of a group name the same workspace and collection.
 */
export async function commitPushGroup(
  sql: Sql,
  group: readonly PushJob[],
  stamping: ServerStamping,
): Promise<PushOutcome[]> {
  const { workspaceId } = group[0].principal;
  const collection = group[0].collection;
  const outcomes: PushOutcome[] = group.map(() => ({
    result: { conflicts: [], rejected: [], overruled: [], written: 0 },
    writes: [],
  }));
  await sql.transaction(async (tx) => {
    const pipelines: DealPipelines =
      collection === 'deals' ? await loadPipelines(tx, workspaceId) : new Map();
    // An id the database cannot hold as text would fail this query for every push of the group; such a row
    // is stored nowhere, and validation rejects it at `id`.
    const ids = [
      ...new Set(group.flatMap((push) => push.rows.map((row) => row.newDocumentState.id))),
    ].filter(isStorableText);
    // FOR UPDATE on PostgreSQL (other transactions could change the rows while they are decided); PGlite runs
    // one transaction at a time, and there the row locks only cost a WAL record per row.
    const pushedRows = await tx.query<StoredRow & { id: string }>(
      `SELECT id, data, deleted, seq, team_id, field_clocks, updated_at::float8 AS updated_at FROM records WHERE workspace_id = $1 AND collection = $2 AND id = ANY($3::text[])${sql.engine === 'pglite' ? '' : ' FOR UPDATE'}`,
      [workspaceId, collection, ids],
    );
    // Rows and references naming a merge's loser go to its survivor (merged-records.ts, issue 19).
    const merged = await redirectMergedRows(
      tx,
      sql.engine !== 'pglite',
      workspaceId,
      collection,
      group.map((push) => push.rows),
      pushedRows,
    );
    const storedRows = [...pushedRows, ...merged.stored];
    const rows = merged.rows.flat();
    const leadScoring = await loadLeadScoring(
      tx,
      workspaceId,
      collection,
      [...ids, ...merged.stored.map((r) => r.id)],
      stamping.now(),
    );
    const slaCalendar = await loadSlaCalendar(tx, workspaceId, collection);
    const ownerIds = ownersToLoad(rows, storedRows);
    const ownership = ownerIds
      ? await loadOwnership(tx, workspaceId, collection, ownerIds)
      : NO_OWNERS;
    const recordTeams = await loadRecordTeams(tx, workspaceId, collection, rows);
    // New unowned leads get their owner from the workspace's assignment rules, once (lead-assignment.ts).
    const assigner = await loadLeadAssigner(
      tx,
      workspaceId,
      collection,
      rows,
      storedRows,
      stamping,
    );
    // New unassigned tickets get their agent from the workspace's routing, once (ticket-routing.ts).
    const router = await loadTicketRouter(tx, workspaceId, collection, rows, storedRows, stamping);
    const creditCodes = await loadCreditCodes(tx, workspaceId, collection, rows);
    const approvals = await loadApprovalContext(tx, workspaceId, collection);
    // Deals carrying a sent quote: the approval rules and their discount approvals (quote-approvals.ts, issue 20).
    const quotes = await loadQuoteContext(tx, workspaceId, collection, rows);
    const targetMembers = await loadTargetMembers(tx, workspaceId, collection, rows);
    const contractNumbers = await loadContractNumbers(tx, workspaceId, collection, rows);
    const contractApprovals = await loadContractApprovals(tx, workspaceId, collection, rows);
    // The stored state as rows are decided: a later row (of this push or a later one) sees an earlier one's write.
    const current = new Map<string, StoredRow>(storedRows.map((r) => [r.id, r]));
    const writes: AuthoredWrite[] = [];
    const writesOf: PlannedWrite[][] = [];
    group.forEach((push, i) => {
      const { result } = outcomes[i];
      const own: PlannedWrite[] = [];
      for (const conflict of merged.conflicts[i])
        result.conflicts.push(maskDoc(conflict, push.masking));
      for (const row of merged.rows[i]) {
        const decided = decideRow({
          principal: push.principal,
          scope: push.scope,
          collection,
          row,
          pipelines,
          leadScoring,
          slaCalendar,
          masking: push.masking,
          stored: current.get(row.newDocumentState.id) ?? null,
          ownership,
          recordTeams,
          creditCodes,
          approvals,
          quotes,
          targetMembers,
          contractNumbers,
          contractApprovals,
          stamping: stampRow(row, push.principal, stamping),
        });
        const assigned = assigner ? assigner.apply(decided, push.scope) : decided;
        const decision = router ? router.apply(assigned) : assigned;
        if (decision.conflict && !merged.redirected.has(row))
          result.conflicts.push(maskDoc(decision.conflict, push.masking));
        if (decision.rejected) result.rejected.push(decision.rejected);
        const w = decision.write;
        if (!w) continue;
        own.push(w);
        creditCodes?.record(w);
        contractNumbers?.record(w);
        writes.push({ write: w, userId: push.principal.userId });
        current.set(w.id, {
          data: w.kind === 'tombstone' ? (w.before as Entity) : w.entity,
          deleted: w.kind === 'tombstone',
          seq: 0,
          team_id: w.kind === 'tombstone' ? (w.before?.teamId ?? '') : w.entity.teamId,
          field_clocks: w.clocks,
        });
      }
      result.written = own.length;
      outcomes[i].writes = own;
      writesOf.push(own);
    });
    if (writes.length === 0) return;
    await assigner?.save();
    await router?.save();
    const authorOf = await loadAuthors(tx, workspaceId, writes);
    outcomes.forEach((outcome, i) => {
      outcome.result.overruled = writesOf[i].flatMap((w) => overruledOf(collection, w, authorOf));
    });
    // Sequences are drawn and committed in order per workspace: the lock is held from here to the commit only
    // (rows are already locked FOR UPDATE, so decisions cannot race); the fewer round trips under it, the more
    // pushes per second a workspace takes on PostgreSQL (B9). PGlite runs one transaction at a time anyway.
    if (sql.engine !== 'pglite')
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const { seqs, prevSeq } = await applyWrites(tx, workspaceId, collection, writes, authorOf);
    // Writes took sequences in order, push after push: each push's commit follows the one before it.
    let next = 0;
    let prev = prevSeq;
    group.forEach((push, i) => {
      const own = writesOf[i];
      if (own.length === 0) return;
      const lastSeq = seqs[next + own.length - 1];
      next += own.length;
      outcomes[i].event = commitEvent({
        workspaceId,
        collection,
        writes: own,
        seq: lastSeq,
        prevSeq: prev,
        origin: push.origin,
      });
      prev = lastSeq;
    });
    const commentsSeq = await moveCommentsWithRecords(
      tx,
      workspaceId,
      collection,
      writes.map((w) => w.write),
      stamping.clock.now(),
    );
    const last = outcomes.findLast((o) => o.event);
    if (commentsSeq > 0 && last) last.commentsSeq = commentsSeq;
  });
  return outcomes;
}

/**
 * Who made the stored edits the group's merges name: a stamp's node is the device that pushed it (stampRow),
 * looked up among this workspace's devices; anything else (the server's stamps, legacy fallbacks) is unknown
 * and falls back to the record's last writer (history.ts).
 */
async function loadAuthors(
  tx: SqlTx,
  workspaceId: string,
  writes: readonly AuthoredWrite[],
): Promise<AuthorOf> {
  const nodes = new Set<string>();
  for (const { write } of writes)
    for (const conflict of write.conflicts)
      for (const stamp of [conflict.keptStamp, conflict.lostStamp]) {
        const node = stamp ? decodeStamp(stamp)?.node : undefined;
        if (node && !node.includes(':')) nodes.add(node);
      }
  if (nodes.size === 0) return () => undefined;
  const rows = await tx.query<{ id: string; user_id: string }>(
    'SELECT d.id, d.user_id FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = ANY($1::text[]) AND u.workspace_id = $2',
    [[...nodes], workspaceId],
  );
  const users = new Map(rows.map((r) => [r.id, r.user_id]));
  return (stamp) => {
    const node = stamp ? decodeStamp(stamp)?.node : undefined;
    return node ? users.get(node) : undefined;
  };
}

/** The pusher's values a write's merge overruled (the reply's `overruled`: the app's inbox). */
function overruledOf(
  collection: PushJob['collection'],
  write: PlannedWrite,
  authorOf: AuthorOf,
): Overruled[] {
  const lastWriter = typeof write.before?.updatedBy === 'string' ? write.before.updatedBy : '';
  return write.conflicts
    .filter((c) => c.loser === 'incoming')
    .map((c) => ({
      collection,
      id: write.id,
      field: c.field,
      ...(c.itemId !== undefined ? { itemId: c.itemId } : {}),
      ...(c.key !== undefined ? { key: c.key } : {}),
      lost: c.lost ?? null,
      kept: c.kept ?? null,
      lostAt: c.lostStamp ? wallOf(c.lostStamp) : 0,
      keptAt: c.keptStamp ? wallOf(c.keptStamp) : 0,
      keptBy: authorOf(c.keptStamp) ?? lastWriter,
      reason: c.reason,
    }));
}

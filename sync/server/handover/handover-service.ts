import type { CollectionName, MemberRole } from '@shared/domain';
import {
  HANDOVER_COLLECTION,
  HANDOVER_KINDS,
  handoverTarget,
  mayHandOver,
  movesInHandover,
  type HandoverKind,
  type HandoverRefusal,
  type OwnerMember,
  type OwnershipWriter,
} from '@shared/rules';
import {
  emptyHandoverCounts,
  HANDOVER_PREVIEW_MAX_ITEMS,
  stampsAfterWrite,
  type HandoverItem,
  type HandoverPreview,
  type HandoverResult,
  type Principal,
  type Stamp,
  type TeamNode,
} from '@shared/sync';
import type { Sql, SqlTx } from '../db/sql';
import { ApiFailure } from '../errors';
import type { ChangeBus } from '../fanout';
import { storedClocks } from '../records/apply-merge';
import { moveCommentsWithRecords } from '../records/comment-teams';
import { fieldChanges } from '../records/history';
import { commitEvent, type RecordsEvent } from '../records/push-event';
import type { Entity, PlannedWrite, StoredRow } from '../records/types';
import { applyWrites, type AuthoredWrite } from '../records/write-batch';

/** A record of the leaving person that the handover moves, and where to. */
interface Move {
  kind: HandoverKind;
  row: StoredRow & { id: string };
  target: { ownerId: string; teamId: string };
}

/** Who is handing over, from whom, to whom: checked by the shared rule. */
interface Decided {
  writer: OwnershipWriter;
  receiver: OwnerMember;
  teams: TeamNode[];
}

/** What the service needs from the admin service: mirror a user's change and tell their sockets. */
export interface UserChanges {
  userChanged(workspaceId: string, userId: string): Promise<void>;
}

/**
 * Handover when someone leaves (离职交接, issue 19; rule: shared/rules/handover.ts). The preview lists what would
 * move; the handover moves it all to the receiver in one transaction: owner and team by the ownership rule,
 * every changed path stamped with the server's clock (so an older offline edit of the leaving person merges
 * field by field and the owner stays the receiver), a history line per field tagged with the handover, the
 * records' comments taken along, and the leaving person deactivated if asked. After the commit each collection's
 * writes are announced like a push, so replicas in the old and new teams follow live.
 */
export class HandoverService {
  constructor(
    private readonly sql: Sql,
    private readonly bus: ChangeBus,
    private readonly users: UserChanges,
    /** The server's clock (RecordStore.clock): a stamp later than every one it gave or saw. */
    private readonly clock: () => Stamp,
  ) {}

  async preview(
    principal: Principal,
    input: { fromUserId: string; toUserId: string },
  ): Promise<HandoverPreview> {
    const decided = await this.decide(this.sql, principal, input);
    const { moves, skipped } = await this.movesOf(this.sql, principal.workspaceId, input, decided);
    const counts = emptyHandoverCounts();
    for (const move of moves) counts[move.kind] += 1;
    const items: HandoverItem[] = moves
      .slice(0, HANDOVER_PREVIEW_MAX_ITEMS)
      .map((m) => ({ id: m.row.id, kind: m.kind, name: nameOf(m.row.data) }));
    return {
      fromUserId: input.fromUserId,
      toUserId: input.toUserId,
      counts,
      items,
      truncated: moves.length > items.length,
      skipped,
    };
  }

  async execute(
    principal: Principal,
    input: { fromUserId: string; toUserId: string; deactivate: boolean },
  ): Promise<HandoverResult> {
    const { workspaceId } = principal;
    const at = Date.now();
    const { moved, skipped, events } = await this.sql.transaction(async (tx) => {
      const decided = await this.decide(tx, principal, input);
      // Rows first (FOR UPDATE), the workspace lock last: the order push groups take them in.
      const found = await this.movesOf(tx, workspaceId, input, decided, true);
      if (this.sql.engine !== 'pglite')
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
      const stamp = this.clock();
      const counts = emptyHandoverCounts();
      const announced: RecordsEvent[] = [];
      const written: { collection: CollectionName; writes: PlannedWrite[] }[] = [];
      for (const kind of HANDOVER_KINDS) {
        const moves = found.moves.filter((m) => m.kind === kind);
        if (moves.length === 0) continue;
        const collection = HANDOVER_COLLECTION[kind];
        const writes = moves.map((m) => plannedMove(m, principal.userId, at, stamp));
        const authored: AuthoredWrite[] = writes.map((write) => ({
          write,
          userId: principal.userId,
        }));
        const { seqs, prevSeq } = await applyWrites(tx, workspaceId, collection, authored);
        await tagHistory(tx, workspaceId, collection, writes, seqs, input);
        announced.push(
          commitEvent({
            workspaceId,
            collection,
            writes,
            seq: seqs[seqs.length - 1],
            prevSeq,
            origin: undefined,
          }),
        );
        written.push({ collection, writes });
        counts[kind] = moves.length;
      }
      // Comments follow their records into the receiver's team (after every write, so tasks chain cleanly).
      let commentsSeq = 0;
      for (const { collection, writes } of written)
        commentsSeq = Math.max(
          commentsSeq,
          await moveCommentsWithRecords(tx, workspaceId, collection, writes, stamp),
        );
      if (commentsSeq > 0)
        announced.push({
          kind: 'records',
          workspaceId,
          collections: ['activities'],
          seq: commentsSeq,
        });
      if (input.deactivate)
        await tx.query('UPDATE users SET active = false WHERE id = $1 AND workspace_id = $2', [
          input.fromUserId,
          workspaceId,
        ]);
      return { moved: counts, skipped: found.skipped, events: announced };
    });
    for (const event of events) await this.bus.publish(event);
    // Their open sockets are wiped and closed, their devices can no longer push (as PATCH /api/users does).
    if (input.deactivate) await this.users.userChanged(workspaceId, input.fromUserId);
    return {
      fromUserId: input.fromUserId,
      toUserId: input.toUserId,
      moved,
      skipped,
      deactivated: input.deactivate,
      at,
    };
  }

  /** The shared rule on the stored people and team tree; its refusal as the API's answer. */
  private async decide(
    sql: Pick<SqlTx, 'query'>,
    principal: Principal,
    input: { fromUserId: string; toUserId: string },
  ): Promise<Decided> {
    const people = await sql.query<{
      id: string;
      role: MemberRole;
      team_ids: string[];
      active: boolean;
    }>(
      'SELECT id, role, team_ids, active FROM users WHERE workspace_id = $1 AND id = ANY($2::text[])',
      [principal.workspaceId, [input.fromUserId, input.toUserId]],
    );
    const teams = (
      await sql.query<{ id: string; parent_team_id: string }>(
        'SELECT id, parent_team_id FROM teams WHERE workspace_id = $1',
        [principal.workspaceId],
      )
    ).map((t) => ({ id: t.id, parentTeamId: t.parent_team_id }));
    const member = (id: string): OwnerMember | null => {
      const user = people.find((p) => p.id === id);
      return user
        ? {
            id: user.id,
            role: user.role,
            teamId: user.team_ids[0] ?? '',
            teamIds: user.team_ids,
            active: user.active,
          }
        : null;
    };
    const from = member(input.fromUserId);
    const to = member(input.toUserId);
    const decided = mayHandOver({
      actor: { userId: principal.userId, role: principal.role, teamIds: principal.teamIds },
      from,
      to,
      teams,
      fromUserId: input.fromUserId,
      toUserId: input.toUserId,
    });
    if (!decided.ok) throw refusalFailure(decided.refusal);
    return { writer: decided.changes.writer, receiver: to as OwnerMember, teams };
  }

  /** The leaving person's records that move (in kind order, by name), and how many of theirs cannot. */
  private async movesOf(
    sql: Pick<SqlTx, 'query'>,
    workspaceId: string,
    input: { fromUserId: string },
    decided: Decided,
    lock = false,
  ): Promise<{ moves: Move[]; skipped: number }> {
    const moves: Move[] = [];
    let skipped = 0;
    const forUpdate = lock && this.sql.engine !== 'pglite' ? ' FOR UPDATE' : '';
    for (const kind of HANDOVER_KINDS) {
      const collection = HANDOVER_COLLECTION[kind];
      // Only tasks among activities: calls, visits and comments stay with their author.
      const onlyTasks = kind === 'tasks' ? ` AND data->>'type' = 'task'` : '';
      const rows = await sql.query<StoredRow & { id: string }>(
        `SELECT id, data, deleted, seq, team_id, field_clocks, updated_at::float8 AS updated_at FROM records
          WHERE workspace_id = $1 AND collection = $2 AND owner_id = $3 AND NOT deleted${onlyTasks}
          ORDER BY id${forUpdate}`,
        [workspaceId, collection, input.fromUserId],
      );
      const ofKind: Move[] = [];
      for (const row of rows) {
        if (!movesInHandover(kind, row.data)) continue;
        const target = handoverTarget({
          writer: decided.writer,
          teams: decided.teams,
          receiver: decided.receiver,
          record: { ownerId: row.data.ownerId, teamId: row.data.teamId },
        });
        if (target) ofKind.push({ kind, row, target });
        else skipped += 1;
      }
      ofKind.sort((a, b) => nameOf(a.row.data).localeCompare(nameOf(b.row.data), 'zh-CN'));
      moves.push(...ofKind);
    }
    return { moves, skipped };
  }
}

/** A record's name as the preview lists it (a ticket's or task's subject). */
function nameOf(data: Entity): string {
  const name = data.name ?? data.subject;
  return typeof name === 'string' ? name : data.id;
}

/** The write that moves one record: owner and team, stamped by the server's clock (later than any edit). */
function plannedMove(move: Move, actorId: string, at: number, stamp: Stamp): PlannedWrite {
  const before = move.row.data;
  const entity: Entity = {
    ...before,
    ownerId: move.target.ownerId,
    teamId: move.target.teamId,
    updatedAt: at,
    updatedBy: actorId,
  };
  return {
    kind: 'change',
    id: move.row.id,
    entity,
    before,
    changes: fieldChanges(before, entity),
    conflicts: [],
    clocks: stampsAfterWrite(storedClocks(move.row), before, entity, () => stamp),
  };
}

/** Names the handover on each moved record's owner line of history (`HistoryEntry.handover`). */
async function tagHistory(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  writes: readonly PlannedWrite[],
  seqs: readonly number[],
  input: { fromUserId: string; toUserId: string },
): Promise<void> {
  await tx.query(
    `UPDATE record_history SET detail = $5::jsonb
      WHERE workspace_id = $1 AND collection = $2 AND record_id = ANY($3::text[]) AND seq = ANY($4::bigint[])
        AND field = 'ownerId'`,
    [
      workspaceId,
      collection,
      writes.map((w) => w.id),
      [...seqs],
      JSON.stringify({ handover: { fromUserId: input.fromUserId, toUserId: input.toUserId } }),
    ],
  );
}

/** The API's answer to a refusal of the shared rule. */
function refusalFailure(refusal: HandoverRefusal): ApiFailure {
  switch (refusal.reason) {
    case 'notAllowed':
      return new ApiFailure(
        403,
        'handover_not_allowed',
        "Only an admin, or a manager for people in their team tree, may hand over someone's records",
      );
    case 'receiverOutOfScope':
      return new ApiFailure(
        403,
        'handover_receiver_out_of_scope',
        'The receiver is outside your teams',
        [{ path: 'toUserId', message: 'handover.errors.receiverOutOfScope' }],
      );
    case 'unknownUser':
      return new ApiFailure(404, 'not_found', `No user ${refusal.userId} in this workspace`);
    case 'sameUser':
      return new ApiFailure(422, 'handover_same_user', 'The receiver must be someone else', [
        { path: 'toUserId', message: 'handover.errors.sameUser' },
      ]);
    case 'receiverInactive':
      return new ApiFailure(422, 'handover_receiver_inactive', 'The receiver is deactivated', [
        { path: 'toUserId', message: 'handover.errors.receiverInactive' },
      ]);
  }
}

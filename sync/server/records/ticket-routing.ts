import {
  ticketRoutingValueSchema,
  type CollectionName,
  type Ticket,
  type TicketRoutingValue,
} from '@shared/domain';
import { decideRecordTeam } from '@shared/rules/record-ownership';
import {
  afterRouting,
  routeTicket,
  wantsRouting,
  type RoutableMember,
  type RoutingState,
} from '@shared/rules/ticket-routing';
import { stampsAfterWrite, wallOf, type TeamNode } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { RowDecision } from './decide-row';
import { fieldChanges } from './history';
import type { ServerStamping } from './push-group';
import type { PushRow, StoredRow } from './types';
import { toWire } from './wire';

/**
 * Skill-based ticket routing on the server (issue 21): the workspace's `ticketRouting` setting (shared/rules/
 * ticket-routing.ts) gives a new unassigned ticket its assignee once, in the transaction that first stores it —
 * a socket push (also one after a week offline), a REST create, an import.
 *
 * Exactly once, as for leads (lead-assignment.ts): only a write that *creates* an unassigned open ticket is
 * routed, and it carries `routedAt`, so a ticket already stored is never routed again. Nodes on one PostgreSQL
 * route one after another: the workspace's `ticket_routing_state` row (migration 14) is locked by an upsert
 * before the open-ticket counts and the round-robin cursor are read, and the cursor is written back in the same
 * transaction (it survives restarts; a failed group leaves it as it was).
 */
export interface TicketRouter {
  /** The decided row with the routing applied: a create of an unassigned open ticket gets its assignee. */
  apply(decision: RowDecision): RowDecision;
  /** Writes the moved cursor (in the group's transaction). */
  save(): Promise<void>;
}

interface MemberRow {
  data: { id: string; kind: string; parentTeamId?: string } & Partial<RoutableMember>;
}

function wantsAssignee(row: PushRow, stored: ReadonlySet<string>): boolean {
  const doc = row.newDocumentState;
  return (
    doc._deleted !== true &&
    doc.assigneeId === '' &&
    (doc.routedAt ?? 0) === 0 &&
    !stored.has(doc.id)
  );
}

async function loadRouting(tx: SqlTx, workspaceId: string): Promise<TicketRoutingValue | null> {
  const [row] = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'ticketRouting' AND deleted = false AND (data->>'deleted') IS DISTINCT FROM 'true' ORDER BY seq DESC LIMIT 1`,
    [workspaceId],
  );
  const parsed = ticketRoutingValueSchema.safeParse(row?.data.value);
  return parsed.success && parsed.data.enabled ? parsed.data : null;
}

/** Locks the workspace's routing state (an upsert takes the row lock whether it existed or not); its cursor. */
async function lockCursor(tx: SqlTx, workspaceId: string, now: number): Promise<string> {
  const [row] = await tx.query<{ cursor: string }>(
    `INSERT INTO ticket_routing_state (workspace_id, cursor, updated_at) VALUES ($1, '', $2)
     ON CONFLICT (workspace_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id RETURNING cursor`,
    [workspaceId, now],
  );
  return typeof row?.cursor === 'string' ? row.cursor : '';
}

async function loadPeople(
  tx: SqlTx,
  workspaceId: string,
): Promise<{ members: RoutableMember[]; teams: TeamNode[] }> {
  const rows = await tx.query<MemberRow>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND deleted = false AND (data->>'deleted') IS DISTINCT FROM 'true'`,
    [workspaceId],
  );
  const members: RoutableMember[] = [];
  const teams: TeamNode[] = [];
  for (const { data } of rows) {
    if (data.kind === 'team') teams.push({ id: data.id, parentTeamId: data.parentTeamId ?? '' });
    else if (data.kind === 'user')
      members.push({
        id: data.id,
        role: data.role ?? '',
        teamId: data.teamId ?? '',
        teamIds: data.teamIds ?? [],
        active: data.active ?? true,
      });
  }
  return { members, teams };
}

/** Open tickets per agent (the partial index of migration 14); only agents with a capacity are counted. */
async function loadOpenTicketCounts(
  tx: SqlTx,
  workspaceId: string,
  agentIds: readonly string[],
): Promise<Map<string, number>> {
  if (agentIds.length === 0) return new Map();
  const rows = await tx.query<{ assignee_id: string; n: number }>(
    `SELECT data->>'assigneeId' AS assignee_id, count(*)::int AS n FROM records
      WHERE workspace_id = $1 AND collection = 'tickets' AND deleted = false
        AND data->>'status' IN ('new', 'open', 'pending') AND (data->>'deleted') IS DISTINCT FROM 'true'
        AND data->>'assigneeId' = ANY($2::text[])
      GROUP BY data->>'assigneeId'`,
    [workspaceId, agentIds.filter(isStorableText)],
  );
  return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
}

/**
 * The router for a push group, or null when it has nothing to do (not tickets, no new unassigned ticket, routing
 * off): then no query beyond the settings read is made, and no lock is taken.
 */
export async function loadTicketRouter(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
  storedRows: readonly (StoredRow & { id: string })[],
  stamping: ServerStamping,
): Promise<TicketRouter | null> {
  if (collection !== 'tickets') return null;
  const stored = new Set(storedRows.map((r) => r.id));
  if (!rows.some((row) => wantsAssignee(row, stored))) return null;
  const routing = await loadRouting(tx, workspaceId);
  if (!routing) return null;
  const now = stamping.now();
  const cursor = await lockCursor(tx, workspaceId, now);
  const { members, teams } = await loadPeople(tx, workspaceId);
  const openTicketCounts = await loadOpenTicketCounts(
    tx,
    workspaceId,
    routing.agents.filter((a) => a.capacity > 0).map((a) => a.memberId),
  );
  let state: RoutingState = { members, openTicketCounts, cursor };
  let moved = false;

  return {
    apply(decision) {
      const write = decision.write;
      if (!write || write.kind !== 'create') return decision;
      const ticket = write.entity as unknown as Ticket;
      if (!wantsRouting(ticket)) return decision;
      const decided = routeTicket(ticket, routing, state);
      if (!decided) return decision;
      state = afterRouting(state, decided);
      moved ||= decided.via === 'agent';
      // The ticket stays in its team when the agent sees it; otherwise it follows the agent to their team
      // (the ownership rule, acting for the workspace), so the agent's laptop receives it.
      const agent = members.find((m) => m.id === decided.assigneeId) ?? null;
      const team = decideRecordTeam({
        writer: { userId: '', role: 'admin', scope: 'all' },
        teams,
        owner: agent,
        before: null,
        after: { ownerId: decided.assigneeId, teamId: ticket.teamId },
      });
      const teamId = team.ok ? team.changes.teamId : ticket.teamId;
      const stamp = stamping.clock.now();
      const entity = {
        ...write.entity,
        assigneeId: decided.assigneeId,
        teamId,
        routedAt: stamping.now(),
      };
      const byRule = new Set(['assigneeId', 'teamId', 'routedAt']);
      const editedAt = new Map(write.changes.map((c) => [c.field, c.editedAt]));
      return {
        ...decision,
        write: {
          ...write,
          entity,
          clocks: stampsAfterWrite(write.clocks, write.entity, entity, () => stamp),
          changes: fieldChanges(null, entity).map((change) => {
            const at = byRule.has(change.field) ? wallOf(stamp) : editedAt.get(change.field);
            return at === undefined ? change : { ...change, editedAt: at };
          }),
        },
        // The pusher holds what it sent: the reply carries the stored state (with its assignee).
        conflict: toWire(entity, false),
      };
    },
    async save() {
      if (!moved) return;
      await tx.query(
        'UPDATE ticket_routing_state SET cursor = $2, updated_at = $3 WHERE workspace_id = $1',
        [workspaceId, state.cursor, stamping.now()],
      );
    },
  };
}

import {
  leadAssignmentValueSchema,
  type CollectionName,
  type Lead,
  type LeadAssignmentValue,
} from '@shared/domain';
import {
  afterAssignment,
  assignLead,
  OPEN_LEAD_STATUSES,
  type AssignableMember,
  type AssignmentState,
} from '@shared/rules/lead-assignment';
import { decideRecordTeam } from '@shared/rules/record-ownership';
import { canRead, stampsAfterWrite, wallOf, type Scope, type TeamNode } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { RowDecision } from './decide-row';
import { fieldChanges } from './history';
import type { ServerStamping } from './push-group';
import type { PushRow, StoredRow } from './types';
import { toWire } from './wire';

/**
 * Automatic lead assignment on the server (issue 19): the workspace's `leadAssignment` rules (shared/rules/
 * lead-assignment.ts) give a lead its owner once, in the transaction that first stores it without an owner —
 * whichever way it came (a socket push, also one after a week offline; a REST create; an import; the capture API).
 *
 * Exactly once: only a write that *creates* an unowned open lead is assigned, so a lead already stored (pushed
 * again, edited, or given back to nobody later) is never assigned again. Nodes on one PostgreSQL assign one after
 * another: the workspace's `lead_assignment_state` row (migration 10) is locked (an upsert) before the rules read
 * the open-lead counts and the round-robin cursors, and the cursors are written back in the same transaction, so
 * they also survive restarts. The lock is taken after the group's record rows, before the workspace's advisory
 * lock, like every other lock of the push path. A lead the rules could not place then (nobody matched or had room,
 * no fallback) is marked due in the same transaction; the sweep (lead-assignment-sweep.ts) tries it again.
 */
export interface LeadAssigner {
  /**
   * The decided row with the rules applied: a create of an unowned open lead gets its owner, team and time.
   * `pusher`: the scope of whoever pushed it; a lead placed in a team they cannot see leaves their replica.
   */
  apply(decision: RowDecision, pusher: Scope): RowDecision;
  /** Writes the moved round-robin cursors and marks the leads nobody could take (in the group's transaction). */
  save(): Promise<void>;
}

interface MemberRow {
  data: {
    id: string;
    kind: string;
    parentTeamId?: string;
  } & Partial<AssignableMember>;
}

/** Would the rules be asked about this row: a new lead with no owner? (Stored rows are never assigned again.) */
function wantsOwner(row: PushRow, stored: ReadonlySet<string>): boolean {
  const doc = row.newDocumentState;
  return doc._deleted !== true && doc.ownerId === '' && !stored.has(doc.id);
}

/** The workspace's assignment rules, or null when it has none, they are off, or the record is unreadable. */
export async function loadRules(
  tx: SqlTx,
  workspaceId: string,
): Promise<LeadAssignmentValue | null> {
  const [row] = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'leadAssignment' AND deleted = false AND (data->>'deleted') IS DISTINCT FROM 'true' ORDER BY seq DESC LIMIT 1`,
    [workspaceId],
  );
  const parsed = leadAssignmentValueSchema.safeParse(row?.data.value);
  return parsed.success && parsed.data.enabled ? parsed.data : null;
}

/**
 * Locks the workspace's assignment state and returns its cursors: an upsert takes the row lock whether the row
 * was there or not (a first assignment on two nodes at once: the second waits for the first to commit).
 */
async function lockCursors(
  tx: SqlTx,
  workspaceId: string,
  now: number,
): Promise<Record<string, string>> {
  const [row] = await tx.query<{ cursors: Record<string, unknown> }>(
    `INSERT INTO lead_assignment_state (workspace_id, cursors, updated_at) VALUES ($1, '{}', $2)
     ON CONFLICT (workspace_id) DO UPDATE SET workspace_id = EXCLUDED.workspace_id RETURNING cursors`,
    [workspaceId, now],
  );
  const cursors: Record<string, string> = {};
  for (const [ruleId, ownerId] of Object.entries(row?.cursors ?? {}))
    if (typeof ownerId === 'string') cursors[ruleId] = ownerId;
  return cursors;
}

/** The workspace's users and team tree, from the `members` collection (the app decides on the same people). */
async function loadPeople(
  tx: SqlTx,
  workspaceId: string,
): Promise<{ members: AssignableMember[]; teams: TeamNode[] }> {
  const rows = await tx.query<MemberRow>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND deleted = false AND (data->>'deleted') IS DISTINCT FROM 'true'`,
    [workspaceId],
  );
  const members: AssignableMember[] = [];
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

/** Open leads per owner, counted by SQL (the partial index of migration 10); only when a capacity is set. */
async function loadOpenLeadCounts(
  tx: SqlTx,
  workspaceId: string,
  ownerIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await tx.query<{ owner_id: string; n: number }>(
    `SELECT owner_id, count(*)::int AS n FROM records
      WHERE workspace_id = $1 AND collection = 'leads' AND deleted = false
        AND data->>'status' IN ('new', 'contacted', 'qualified') AND (data->>'deleted') IS DISTINCT FROM 'true'
        AND owner_id = ANY($2::text[])
      GROUP BY owner_id`,
    [workspaceId, ownerIds.filter(isStorableText)],
  );
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}

/** Where the rules place one lead: its owner and the team that follows them. */
export interface Placement {
  ownerId: string;
  teamId: string;
}

/**
 * The workspace's rules with its state locked (the cursors row, then people and open-lead counts): `place` decides
 * one lead after another (each sees the ones before), `save` writes the moved cursors (in the same transaction).
 * Shared by the push path (a create) and the catch-up sweep (a stored lead still due, lead-assignment-sweep.ts).
 */
export interface AssignmentPlanner {
  place(lead: Lead): Placement | null;
  save(now: number): Promise<void>;
}

/** Locks the workspace's cursors row (after the caller's record rows) and reads what the rules decide on. */
export async function loadAssignmentPlanner(
  tx: SqlTx,
  workspaceId: string,
  rules: LeadAssignmentValue,
  now: number,
): Promise<AssignmentPlanner> {
  const cursors = await lockCursors(tx, workspaceId, now);
  const { members, teams } = await loadPeople(tx, workspaceId);
  const openLeadCounts =
    rules.capacity > 0
      ? await loadOpenLeadCounts(
          tx,
          workspaceId,
          members.map((m) => m.id),
        )
      : new Map<string, number>();
  let state: AssignmentState = { members, openLeadCounts, cursors };
  let moved = false;
  return {
    place(lead) {
      const decided = assignLead(lead, rules, state);
      if (!decided) return null;
      state = afterAssignment(state, decided);
      moved ||= decided.nextCursor !== null;
      // The team follows the new owner as the ownership rule places it for an admin (the rules act for the
      // workspace): a team rule's team when the owner is in it, else the lead's team when the owner sees it,
      // else the owner's primary team.
      const rule = rules.rules.find((r) => r.id === decided.ruleId);
      const preferredTeam = rule?.target.kind === 'team' ? rule.target.teamId : lead.teamId;
      const owner = members.find((m) => m.id === decided.ownerId) ?? null;
      const team = decideRecordTeam({
        writer: { userId: '', role: 'admin', scope: 'all' },
        teams,
        owner,
        before: null,
        after: { ownerId: decided.ownerId, teamId: preferredTeam },
      });
      return { ownerId: decided.ownerId, teamId: team.ok ? team.changes.teamId : lead.teamId };
    },
    async save(at) {
      if (!moved) return;
      await tx.query(
        'UPDATE lead_assignment_state SET cursors = $2::jsonb, updated_at = $3 WHERE workspace_id = $1',
        [workspaceId, JSON.stringify(state.cursors), at],
      );
    },
  };
}

/** Would the rules be asked about this lead (live, unowned, open)? */
export function isUnassignedOpenLead(lead: Lead): boolean {
  return lead.ownerId === '' && !lead.deleted && OPEN_LEAD_STATUSES.includes(lead.status);
}

/**
 * Leads the rules could not place when they arrived (nobody matched or had room, no fallback): kept in
 * `lead_assignment_due` (migration 19), in the same transaction, so the sweep tries them again.
 */
export async function markDue(
  tx: SqlTx,
  workspaceId: string,
  leadIds: readonly string[],
  now: number,
): Promise<void> {
  if (leadIds.length === 0) return;
  await tx.query(
    `INSERT INTO lead_assignment_due (workspace_id, lead_id, since)
     SELECT $1, id, $3 FROM unnest($2::text[]) AS id ON CONFLICT DO NOTHING`,
    [workspaceId, leadIds, now],
  );
}

/**
 * The assigner for a push group, or null when it has nothing to do (not leads, no new unowned lead, rules off):
 * then no query beyond the settings read is made, and no lock is taken.
 */
export async function loadLeadAssigner(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
  storedRows: readonly (StoredRow & { id: string })[],
  stamping: ServerStamping,
): Promise<LeadAssigner | null> {
  if (collection !== 'leads') return null;
  const stored = new Set(storedRows.map((r) => r.id));
  if (!rows.some((row) => wantsOwner(row, stored))) return null;
  const rules = await loadRules(tx, workspaceId);
  if (!rules) return null;
  const planner = await loadAssignmentPlanner(tx, workspaceId, rules, stamping.now());
  const unplaced = new Set<string>();

  return {
    apply(decision, pusher) {
      const write = decision.write;
      if (!write || write.kind !== 'create') return decision;
      const lead = write.entity as unknown as Lead;
      if (!isUnassignedOpenLead(lead)) return decision;
      const placed = planner.place(lead);
      if (!placed) {
        unplaced.add(lead.id);
        return decision;
      }
      unplaced.delete(lead.id);
      const stamp = stamping.clock.now();
      const entity = {
        ...write.entity,
        ownerId: placed.ownerId,
        teamId: placed.teamId,
        assignedAt: stamping.now(),
      };
      const byRule = new Set(['ownerId', 'teamId', 'assignedAt']);
      const editedAt = new Map(write.changes.map((c) => [c.field, c.editedAt]));
      return {
        ...decision,
        write: {
          ...write,
          entity,
          exitedFrom: write.entity,
          clocks: stampsAfterWrite(write.clocks, write.entity, entity, () => stamp),
          // The owner, team and assignedAt lines are the server's, at its clock: the history reads "assigned by
          // the rules" from the assignedAt line.
          changes: fieldChanges(null, entity).map((change) => {
            const at = byRule.has(change.field) ? wallOf(stamp) : editedAt.get(change.field);
            return at === undefined ? change : { ...change, editedAt: at };
          }),
        },
        // The pusher holds what it sent: the reply carries the stored state (with its owner) — or, when the
        // rules gave it to a team the pusher cannot see, a tombstone of what they sent, so their replica lets it
        // go like a record moved out of their scope; a scope exit does the same for a replica that missed the reply.
        conflict: canRead(pusher, 'leads', entity)
          ? toWire(entity, false)
          : toWire(write.entity, true),
      };
    },
    async save() {
      const now = stamping.now();
      await planner.save(now);
      await markDue(tx, workspaceId, [...unplaced], now);
    },
  };
}

import type { Lead } from '@shared/domain';
import { stampsAfterWrite, wallOf } from '@shared/sync';
import type { Sql } from '../db/sql';
import { storedClocks } from './apply-merge';
import { fieldChanges } from './history';
import { isUnassignedOpenLead, loadAssignmentPlanner, loadRules } from './lead-assignment';
import { commitEvent, type RecordsEvent } from './push-event';
import type { ServerStamping } from './push-group';
import type { PlannedWrite, StoredRow } from './types';
import { applyWrites } from './write-batch';

/** How often each node sweeps by default (ms); the first sweep runs at start-up. */
export const DEFAULT_LEAD_ASSIGNMENT_SWEEP_MS = 30_000;
/** Due leads one workspace's sweep transaction takes at most (the rest wait for the next sweep). */
const SWEEP_BATCH = 200;

type DueRow = StoredRow & { id: string };

/**
 * One catch-up pass of lead assignment over one workspace (issue 19): the leads marked due (a new unowned lead the
 * rules could not place when it arrived, lead-assignment.ts) are given an owner now if the rules have one, as the
 * server (owner, team and assignedAt stamped with its clock, history lines by no user, announced like a push:
 * laptops, webhooks' lead.assigned, a scope exit for the team it leaves). A lead no longer due (owned, closed,
 * deleted) loses its mark; one the rules still cannot place keeps it.
 *
 * Exactly once with several nodes: the due leads are locked `FOR UPDATE SKIP LOCKED` (a node sweeping at the same
 * time, or a push editing one, is not waited for) and re-read under the lock; then the rules' state row and the
 * workspace lock, in the push path's order. A node that dies mid-sweep rolls back: the marks stay for the next.
 */
export async function sweepDueLeads(
  sql: Sql,
  workspaceId: string,
  stamping: ServerStamping,
): Promise<{ assigned: number; event: RecordsEvent | null }> {
  return sql.transaction(async (tx) => {
    const rules = await loadRules(tx, workspaceId);
    // Rules off: the marks wait (turned on again, they are tried again).
    if (!rules) return { assigned: 0, event: null };
    const due = await tx.query<DueRow>(
      `SELECT r.id, r.data, r.deleted, r.seq, r.team_id, r.field_clocks, r.updated_at::float8 AS updated_at
         FROM lead_assignment_due d
         JOIN records r ON r.workspace_id = d.workspace_id AND r.collection = 'leads' AND r.id = d.lead_id
        WHERE d.workspace_id = $1
        ORDER BY d.since, d.lead_id LIMIT ${SWEEP_BATCH}${sql.engine === 'pglite' ? '' : ' FOR UPDATE SKIP LOCKED'}`,
      [workspaceId],
    );
    if (due.length === 0) return { assigned: 0, event: null };
    const now = stamping.now();
    const planner = await loadAssignmentPlanner(tx, workspaceId, rules, now);
    const settled: string[] = [];
    const writes: PlannedWrite[] = [];
    for (const row of due) {
      const lead = row.data as unknown as Lead;
      if (row.deleted || !isUnassignedOpenLead(lead)) {
        settled.push(row.id);
        continue;
      }
      const placed = planner.place(lead);
      if (!placed) continue;
      settled.push(row.id);
      const stamp = stamping.clock.now();
      const entity = { ...row.data, ...placed, assignedAt: stamping.now() };
      writes.push({
        kind: 'change',
        id: row.id,
        entity,
        before: row.data,
        changes: fieldChanges(row.data, entity).map((c) => ({ ...c, editedAt: wallOf(stamp) })),
        conflicts: [],
        clocks: stampsAfterWrite(storedClocks(row), row.data, entity, () => stamp),
      });
    }
    if (settled.length > 0)
      await tx.query(
        'DELETE FROM lead_assignment_due WHERE workspace_id = $1 AND lead_id = ANY($2::text[])',
        [workspaceId, settled],
      );
    if (writes.length === 0) return { assigned: 0, event: null };
    await planner.save(now);
    if (sql.engine !== 'pglite')
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    const { seqs, prevSeq } = await applyWrites(
      tx,
      workspaceId,
      'leads',
      writes.map((write) => ({ write, userId: '' })),
    );
    const event = commitEvent({
      workspaceId,
      collection: 'leads',
      writes,
      seq: seqs[seqs.length - 1],
      prevSeq,
      origin: undefined,
    });
    return { assigned: writes.length, event };
  });
}

export interface LeadAssignmentSweeperOptions {
  /** Between two sweeps (ms); 0 turns the periodic sweep off (the start-up sweep still runs). Default 30 s. */
  intervalMs?: number;
}

/**
 * The catch-up sweep of a node: once at start-up, then every `intervalMs`, each workspace with due leads is swept
 * (`assign`: RecordStore.assignDueLeads, which announces what it wrote). `sweepNow` runs one at once (tests).
 */
export class LeadAssignmentSweeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly assign: (workspaceId: string) => Promise<number>,
    private readonly warn: (error: unknown, message: string) => void,
    private readonly options: LeadAssignmentSweeperOptions = {},
  ) {}

  start(): void {
    if (this.timer) return;
    const sweep = () => {
      this.sweepNow().catch((error: unknown) => this.warn(error, 'lead assignment sweep failed'));
    };
    sweep();
    const interval = this.options.intervalMs ?? DEFAULT_LEAD_ASSIGNMENT_SWEEP_MS;
    if (interval <= 0) return;
    this.timer = setInterval(sweep, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Sweeps every workspace with due leads now; the number of leads assigned (one sweep at a time per node). */
  async sweepNow(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.sweepAll();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async sweepAll(): Promise<number> {
    const rows = await this.sql.query<{ workspace_id: string }>(
      'SELECT DISTINCT workspace_id FROM lead_assignment_due',
    );
    let assigned = 0;
    for (const { workspace_id: workspaceId } of rows) {
      try {
        assigned += await this.assign(workspaceId);
      } catch (error) {
        // One workspace's failure does not hold the others back; the next sweep tries again.
        this.warn(error, `lead assignment sweep of workspace ${workspaceId} failed`);
      }
    }
    return assigned;
  }
}

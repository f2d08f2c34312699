import { slaPolicyValueSchema } from '@shared/domain';
import { stampsAfterWrite, type Stamp } from '@shared/sync';
import { businessCalendar, type BusinessCalendar } from '@shared/rules/business-hours';
import {
  effectiveSlaPolicies,
  pickSlaPolicy,
  slaRecordChanges,
  slaStatus,
  type SlaPolicyEntry,
  type SlaTicket,
} from '@shared/rules/sla';
import type { Sql, SqlTx } from '../db/sql';
import { storedClocks } from '../records/apply-merge';
import { loadWorkingCalendar } from '../records/sla-clock';
import type { StoredRow } from '../records/types';

/** How often each node sweeps by default (ms). */
export const DEFAULT_SLA_SWEEP_MS = 60_000;
/** Tickets one workspace's sweep transaction takes at most (the rest wait for the next sweep). */
const SWEEP_BATCH = 500;

/** What a sweep recorded: per workspace, the last sequence written (to announce). */
export interface SweepResult {
  recorded: number;
  workspaces: { workspaceId: string; seq: number }[];
}

type TicketRow = StoredRow & { id: string };

/** The workspace's SLA policies in force (the default while none is stored). */
async function loadPolicies(tx: SqlTx, workspaceId: string): Promise<SlaPolicyEntry[]> {
  const rows = await tx.query<{ data: { key?: unknown; value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'slaPolicy' AND deleted = false`,
    [workspaceId],
  );
  const stored: SlaPolicyEntry[] = [];
  for (const { data } of rows) {
    const parsed = slaPolicyValueSchema.safeParse(data.value);
    if (parsed.success && typeof data.key === 'string')
      stored.push({ key: data.key, value: parsed.data });
  }
  return effectiveSlaPolicies(stored);
}

/**
 * One sweep over one workspace (issue 21): records `slaWarnedAt` / `slaBreachedAt` on its live tickets whose
 * breach is not recorded yet, once — the computed instant of the warning or breach (shared/rules/sla.ts), not
 * the sweep's time, so every node and every later sweep computes the same value and a recorded value is never
 * written again. Safe with several nodes: the tickets are locked `FOR UPDATE SKIP LOCKED` (a node sweeping at
 * the same time skips them) and re-read under the lock, then the workspace lock orders the sequences with the
 * pushes' (rows before the workspace lock, as push groups take them). Written as the server: the two fields
 * stamped with its clock, no history.
 */
export async function sweepWorkspace(
  sql: Sql,
  workspaceId: string,
  now: number,
  stamp: () => Stamp,
): Promise<{ recorded: number; seq: number }> {
  return sql.transaction(async (tx) => {
    const tickets = await tx.query<TicketRow>(
      `SELECT id, data, deleted, seq, team_id, field_clocks FROM records
        WHERE workspace_id = $1 AND collection = 'tickets' AND deleted = false
          AND coalesce(data->>'slaBreachedAt', '0') = '0'
        ORDER BY id LIMIT ${SWEEP_BATCH}${sql.engine === 'pglite' ? '' : ' FOR UPDATE SKIP LOCKED'}`,
      [workspaceId],
    );
    if (tickets.length === 0) return { recorded: 0, seq: 0 };
    const calendar: BusinessCalendar = businessCalendar(await loadWorkingCalendar(tx, workspaceId));
    const policies = await loadPolicies(tx, workspaceId);
    const accountIds = [
      ...new Set(
        tickets.map((t) => (typeof t.data.accountId === 'string' ? t.data.accountId : '')),
      ),
    ].filter(Boolean);
    const tiers = new Map<string, string>();
    if (accountIds.length > 0) {
      const rows = await tx.query<{ id: string; tier: string | null }>(
        `SELECT id, data->>'tier' AS tier FROM records WHERE workspace_id = $1 AND collection = 'accounts' AND id = ANY($2::text[])`,
        [workspaceId, accountIds],
      );
      for (const row of rows) tiers.set(row.id, row.tier ?? '');
    }
    const writes: { row: TicketRow; data: Record<string, unknown> }[] = [];
    for (const row of tickets) {
      const ticket = row.data as unknown as SlaTicket & {
        slaWarnedAt: number;
        slaBreachedAt: number;
        accountId: string;
      };
      const policy = pickSlaPolicy(policies, tiers.get(ticket.accountId) ?? '');
      if (!policy) continue;
      const changes = slaRecordChanges(
        {
          ...ticket,
          slaPausedMs: Number(ticket.slaPausedMs) || 0,
          slaWaitingSince: Number(ticket.slaWaitingSince) || 0,
          slaWarnedAt: Number(ticket.slaWarnedAt) || 0,
          slaBreachedAt: Number(ticket.slaBreachedAt) || 0,
        },
        slaStatus(ticket, policy, calendar, now),
      );
      if (changes) writes.push({ row, data: { ...row.data, ...changes } });
    }
    if (writes.length === 0) return { recorded: 0, seq: 0 };
    if (sql.engine !== 'pglite')
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [workspaceId]);
    let seq = 0;
    for (const { row, data } of writes) {
      const clocks = stampsAfterWrite(storedClocks(row), row.data, data, stamp);
      const [drawn] = await tx.query<{ seq: number }>(
        "SELECT nextval('record_seq')::float8 AS seq",
      );
      seq = Number(drawn.seq);
      await tx.query(
        `UPDATE records SET seq = $3, data = $4, field_clocks = $5 WHERE workspace_id = $1 AND collection = 'tickets' AND id = $2`,
        [workspaceId, row.id, seq, JSON.stringify(data), JSON.stringify(clocks)],
      );
    }
    return { recorded: writes.length, seq };
  });
}

export interface SlaSweeperOptions {
  /** Between two sweeps (ms); 0 turns the periodic sweep off (tests sweep by hand). Default 60 s. */
  intervalMs?: number;
  /** The physical clock (tests). */
  now?: () => number;
}

/**
 * The periodic SLA sweep of a node (issue 21): every `intervalMs`, each workspace with live unbreached tickets is
 * swept (sweepWorkspace) and what was recorded is announced on the change bus, so laptops pull it. Durable: the
 * records are the state; a node that restarts sweeps again and records nothing twice. `sweepNow` is the hook to
 * run one at once (tests, with their own `now`).
 */
export class SlaSweeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<SweepResult> | null = null;

  constructor(
    private readonly sql: Sql,
    private readonly stamp: () => Stamp,
    private readonly announce: (workspaceId: string, seq: number) => Promise<void>,
    private readonly warn: (error: unknown, message: string) => void,
    private readonly options: SlaSweeperOptions = {},
  ) {}

  start(): void {
    const interval = this.options.intervalMs ?? DEFAULT_SLA_SWEEP_MS;
    if (interval <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.sweepNow().catch((error: unknown) => this.warn(error, 'SLA sweep failed'));
    }, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Sweeps every workspace now (one sweep at a time per node: a call during one waits for it, then runs). */
  async sweepNow(now?: number): Promise<SweepResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.sweepAll(now ?? (this.options.now ?? Date.now)());
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async sweepAll(now: number): Promise<SweepResult> {
    const rows = await this.sql.query<{ workspace_id: string }>(
      `SELECT DISTINCT workspace_id FROM records WHERE collection = 'tickets' AND deleted = false
         AND coalesce(data->>'slaBreachedAt', '0') = '0'`,
    );
    const result: SweepResult = { recorded: 0, workspaces: [] };
    for (const { workspace_id: workspaceId } of rows) {
      try {
        const swept = await sweepWorkspace(this.sql, workspaceId, now, this.stamp);
        if (swept.recorded === 0) continue;
        result.recorded += swept.recorded;
        result.workspaces.push({ workspaceId, seq: swept.seq });
        await this.announce(workspaceId, swept.seq);
      } catch (error) {
        // One workspace's failure (a bad record) does not hold the others back; the next sweep tries again.
        this.warn(error, `SLA sweep of workspace ${workspaceId} failed`);
      }
    }
    return result;
  }
}

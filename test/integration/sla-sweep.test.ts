import { describe, expect, it } from 'vitest';
import {
  WORKING_CALENDAR_KEY,
  type Setting,
  type Ticket,
  type WorkingCalendarValue,
} from '../../shared/domain';
import type { HistoryEntry } from '../../shared/sync';
import { buildTicket } from '../support/factories';
import { api, engineName, usePostgres, useTestServer } from './support/harness';

const MIN = 60_000;

/**
 * SLA breaches recorded by the server (issue 21; sync/server/sla/sla-sweep.ts): the sweep writes a ticket's
 * warning and breach once, each at its computed instant (not the sweep's time) — a second sweep, or a second node
 * sweeping at the same moment on one PostgreSQL, writes nothing more. The write path keeps the customer-wait
 * pause for a REST client that only changes the status. The sweeps run by hand with their own `now`.
 */
describe(`SLA sweep (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['tickets'], config: { slaSweepMs: 0 } });
  const token = () => env.admin.accessToken;

  /** Every hour of every day is business time: the arithmetic below is wall-clock minutes. */
  const saveAllHoursCalendar = async () => {
    const value: WorkingCalendarValue = {
      utcOffsetMinutes: 480,
      weekHours: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
      statutoryHolidays: false,
      daysOff: [],
      extraWorkingDays: [],
    };
    const res = await api<Setting>(
      env.server,
      'POST',
      '/api/records/settings',
      {
        id: `${env.admin.workspace.id}:${WORKING_CALENDAR_KEY}`,
        teamId: '',
        kind: 'workingCalendar',
        key: WORKING_CALENDAR_KEY,
        value,
      },
      token(),
    );
    expect(res.status).toBe(201);
  };
  const createTicket = async (overrides: Partial<Ticket> = {}): Promise<Ticket> => {
    const res = await api<Ticket>(
      env.server,
      'POST',
      '/api/records/tickets',
      { ...buildTicket({ priority: 'urgent' }), teamId: '', ...overrides },
      token(),
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const readTicket = async (id: string): Promise<Ticket> => {
    const res = await api<Ticket>(
      env.server,
      'GET',
      `/api/records/tickets/${id}`,
      undefined,
      token(),
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  it('records the warning and then the breach once, at their computed instants', async () => {
    await saveAllHoursCalendar();
    // Urgent under the default policy: first response 30 min, warning at 80 % = 24 min.
    const ticket = await createTicket();
    const t0 = ticket.createdAt;
    const sweep = (minutes: number) => env.server.sla.sweepNow(t0 + minutes * MIN);

    expect((await sweep(10)).recorded).toBe(0);
    expect((await sweep(25)).recorded).toBe(1);
    const warned = await readTicket(ticket.id);
    expect(warned.slaWarnedAt).toBe(t0 + 24 * MIN);
    expect(warned.slaBreachedAt).toBe(0);
    expect((await sweep(26)).recorded).toBe(0);

    expect((await sweep(31)).recorded).toBe(1);
    const breached = await readTicket(ticket.id);
    expect(breached.slaWarnedAt).toBe(t0 + 24 * MIN);
    expect(breached.slaBreachedAt).toBe(t0 + 30 * MIN);

    // Recorded once: later sweeps leave the ticket as it is.
    expect((await sweep(120)).recorded).toBe(0);
    expect(await readTicket(ticket.id)).toEqual(breached);
  });

  it(
    usePostgres
      ? 'two nodes sweeping at once record a breach once'
      : 'two sweeps at once record a breach once',
    async () => {
      const ticket = await createTicket();
      const other = usePostgres ? await env.startNode() : env.server;
      const at = ticket.createdAt + 45 * MIN;
      const results = await Promise.all([
        env.server.sla.sweepNow(at),
        other.sla.sweepNow(at),
        env.server.sla.sweepNow(at),
        other.sla.sweepNow(at),
      ]);
      expect(results.reduce((sum, r) => sum + r.recorded, 0)).toBe(1);
      const stored = await readTicket(ticket.id);
      expect(stored.slaWarnedAt).toBe(ticket.createdAt + 24 * MIN);
      expect(stored.slaBreachedAt).toBe(ticket.createdAt + 30 * MIN);
    },
  );

  it("a client cannot write the sweep's records: a create starts at 0, a change keeps the stored values", async () => {
    await saveAllHoursCalendar();
    // A create that claims a breach (as an old client or a crafted call might) is stored without one.
    const ticket = await createTicket({ slaWarnedAt: 1_000, slaBreachedAt: 2_000 });
    expect(ticket).toMatchObject({ slaWarnedAt: 0, slaBreachedAt: 0 });
    expect(await readTicket(ticket.id)).toMatchObject({ slaWarnedAt: 0, slaBreachedAt: 0 });

    await env.server.sla.sweepNow(ticket.createdAt + 31 * MIN);
    const breached = await readTicket(ticket.id);
    expect(breached.slaBreachedAt).toBe(ticket.createdAt + 30 * MIN);

    // Hiding the breach, or moving it, is corrected; the rest of the change is stored, with no history line for them.
    const patched = await api<Ticket>(
      env.server,
      'PATCH',
      `/api/records/tickets/${ticket.id}`,
      { slaWarnedAt: 0, slaBreachedAt: 0, description: '客户补充了截图' },
      token(),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      slaWarnedAt: breached.slaWarnedAt,
      slaBreachedAt: breached.slaBreachedAt,
      description: '客户补充了截图',
    });
    expect(await readTicket(ticket.id)).toMatchObject({
      slaWarnedAt: breached.slaWarnedAt,
      slaBreachedAt: breached.slaBreachedAt,
    });
    const history = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/tickets/${ticket.id}/history`,
      undefined,
      token(),
    );
    expect(history.body.map((line) => line.field)).toContain('description');
    const slaLines = history.body.filter((line) => /^sla(Warned|Breached)At$/.test(line.field));
    expect(slaLines.every((line) => line.kind === 'create' && line.newValue === 0)).toBe(true);
  });

  it('the write path starts and ends the customer-wait pause for a REST client', async () => {
    const ticket = await createTicket({ priority: 'low', status: 'open' });
    const patch = (body: Partial<Ticket>) =>
      api<Ticket>(env.server, 'PATCH', `/api/records/tickets/${ticket.id}`, body, token());
    const before = Date.now();
    const pending = await patch({ status: 'pending' });
    expect(pending.status).toBe(200);
    expect(pending.body.slaWaitingSince).toBeGreaterThanOrEqual(before);
    const answered = await patch({ status: 'open' });
    expect(answered.status).toBe(200);
    expect(answered.body.slaWaitingSince).toBe(0);
    // Every hour is business time here: the pause is the wall time it lasted.
    expect(answered.body.slaPausedMs).toBeGreaterThanOrEqual(0);
    expect(answered.body.slaPausedMs).toBeLessThanOrEqual(
      Date.now() - pending.body.slaWaitingSince,
    );
  });
});

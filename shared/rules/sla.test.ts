import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, DEFAULT_SLA_POLICY_KEY, DEFAULT_WORKING_CALENDAR } from '../domain';
import { businessCalendar } from './business-hours';
import {
  effectiveSlaPolicies,
  isHighValueAccount,
  pickSlaPolicy,
  slaInboxItems,
  slaPauseChanges,
  slaRecordChanges,
  slaStatus,
  watchedClock,
  type SlaPolicyEntry,
  type SlaTicket,
} from './sla';
import { buildTeamDirectory } from './team-managers';
import { HOUR_MS } from './working-calendar';

const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const MIN = 60_000;
const calendar = businessCalendar(DEFAULT_WORKING_CALENDAR);
const standard: SlaPolicyEntry = { key: DEFAULT_SLA_POLICY_KEY, value: DEFAULT_SLA_POLICY };

function ticket(patch: Partial<SlaTicket> = {}): SlaTicket {
  return {
    id: 't1',
    subject: 'Printer down',
    status: 'new',
    priority: 'urgent',
    assigneeId: 'u1',
    createdAt: at('2026-12-07 09:00'),
    slaPausedMs: 0,
    slaWaitingSince: 0,
    deleted: false,
    ...patch,
  };
}

describe('SLA clocks (default policy: urgent 30 min / 4 h, normal 4 h / 24 h, warning at 80 %)', () => {
  it('an urgent first response runs into a warning at 24 min and a breach at 30 min', () => {
    const t = ticket();
    const early = slaStatus(t, standard, calendar, at('2026-12-07 09:10'));
    expect(early.firstResponse.state).toBe('ok');
    expect(early.firstResponse.leftMs).toBe(20 * MIN);
    expect(early.nextAt).toBe(at('2026-12-07 09:24'));
    expect(early.warnedAt).toBe(0);

    const warned = slaStatus(t, standard, calendar, at('2026-12-07 09:24'));
    expect(warned.firstResponse.state).toBe('warning');
    expect(warned.warnedAt).toBe(at('2026-12-07 09:24'));
    expect(warned.breachedAt).toBe(0);
    expect(warned.nextAt).toBe(at('2026-12-07 09:30'));

    const late = slaStatus(t, standard, calendar, at('2026-12-07 09:31'));
    expect(late.firstResponse.state).toBe('breached');
    expect(late.firstResponse.leftMs).toBe(-1 * MIN);
    expect(late.breachedAt).toBe(at('2026-12-07 09:30'));
    expect(late.warnedAt).toBe(at('2026-12-07 09:24'));
  });

  it('a first response in time is met, and the resolution clock is the one watched', () => {
    const t = ticket({ status: 'open', firstResponseAt: at('2026-12-07 09:20') });
    const s = slaStatus(t, standard, calendar, at('2026-12-07 10:00'));
    expect(s.firstResponse.state).toBe('met');
    expect(watchedClock(s).name).toBe('resolution');
    expect(s.resolution.elapsedMs).toBe(HOUR_MS);
  });

  it('resolution counts business hours across the weekend: Fri 16:00 + 4 h is Mon 11:00', () => {
    const t = ticket({
      status: 'open',
      createdAt: at('2026-12-04 16:00'),
      firstResponseAt: at('2026-12-04 16:05'),
    });
    const s = slaStatus(t, standard, calendar, at('2026-12-05 12:00'));
    expect(s.resolution.state).toBe('ok');
    expect(s.resolution.breachAt).toBe(at('2026-12-07 11:00'));
    // 80 % of 240 min = 192: Friday's 120, then 72 on Monday.
    expect(s.resolution.warnAt).toBe(at('2026-12-07 10:12'));
    expect(slaStatus(t, standard, calendar, at('2026-12-07 11:00')).breachedAt).toBe(
      at('2026-12-07 11:00'),
    );
  });

  it('a statutory holiday holds the clock: Sep 30 17:00 + 4 h is Oct 8 12:00 (2026 国庆)', () => {
    const t = ticket({ priority: 'normal', createdAt: at('2026-09-30 17:00') });
    const s = slaStatus(t, standard, calendar, at('2026-10-05 10:00'));
    expect(s.firstResponse.elapsedMs).toBe(HOUR_MS);
    expect(s.firstResponse.breachAt).toBe(at('2026-10-08 12:00'));
  });

  it('the clock pauses while the ticket waits on the customer', () => {
    // Normal: resolution 1440 business min = 3 working days → Wed 12-09 18:00 without a pause.
    const created = ticket({
      priority: 'normal',
      status: 'open',
      firstResponseAt: at('2026-12-07 09:10'),
    });
    expect(slaStatus(created, standard, calendar, at('2026-12-07 10:00')).resolution.breachAt).toBe(
      at('2026-12-09 18:00'),
    );
    // Pending at Mon 14:00.
    const start = slaPauseChanges(
      { ...created, status: 'pending' },
      at('2026-12-07 14:00'),
      calendar,
    );
    expect(start).toEqual({ slaWaitingSince: at('2026-12-07 14:00'), slaPausedMs: 0 });
    const pending = { ...created, status: 'pending', ...start! };
    expect(slaPauseChanges(pending, at('2026-12-07 15:00'), calendar)).toBeNull();
    const waiting = slaStatus(pending, standard, calendar, at('2026-12-08 10:00'));
    expect(waiting.resolution.paused).toBe(true);
    expect(waiting.resolution.elapsedMs).toBe(4 * HOUR_MS); // Mon 09–12 and 13–14
    expect(waiting.resolution.leftMs).toBe(20 * HOUR_MS);
    expect(waiting.resolution.breachAt).toBe(Infinity);
    // The customer answers Tue 14:00: Mon 14–18 + Tue 09–12 + 13–14 = 8 business hours paused.
    const resume = slaPauseChanges(
      { ...pending, status: 'open' },
      at('2026-12-08 14:00'),
      calendar,
    );
    expect(resume).toEqual({ slaWaitingSince: 0, slaPausedMs: 8 * HOUR_MS });
    const resumed = { ...pending, status: 'open', ...resume! };
    const thursday = slaStatus(resumed, standard, calendar, at('2026-12-10 09:00'));
    expect(thursday.resolution.elapsedMs).toBe(16 * HOUR_MS);
    expect(thursday.resolution.state).toBe('ok');
    // 80 % of 24 h = 19.2 h: 3.2 h more → 09–12, lunch, 13:00–13:12; the breach a day later than without the pause.
    expect(thursday.nextAt).toBe(at('2026-12-10 13:12'));
    expect(thursday.resolution.breachAt).toBe(at('2026-12-10 18:00'));
    expect(slaStatus(resumed, standard, calendar, at('2026-12-10 18:30')).breachedAt).toBe(
      at('2026-12-10 18:00'),
    );
  });

  it('a resolved ticket stops its clock: met in time, or breached when late', () => {
    const t = ticket({
      status: 'resolved',
      firstResponseAt: at('2026-12-07 09:05'),
      resolvedAt: at('2026-12-07 12:00'),
    });
    const s = slaStatus(t, standard, calendar, at('2026-12-09 12:00'));
    expect(s.resolution.state).toBe('met');
    expect(s.breachedAt).toBe(0);
    expect(s.nextAt).toBe(Infinity);
    const late = slaStatus(
      { ...t, resolvedAt: at('2026-12-07 15:30') },
      standard,
      calendar,
      at('2026-12-09 12:00'),
    );
    expect(late.resolution.state).toBe('breached');
    expect(late.breachedAt).toBe(at('2026-12-07 14:00'));
  });

  it('records a warning and a breach once', () => {
    const t = { ...ticket(), slaWarnedAt: 0, slaBreachedAt: 0 };
    const first = slaRecordChanges(t, slaStatus(t, standard, calendar, at('2026-12-07 09:25')));
    expect(first).toEqual({ slaWarnedAt: at('2026-12-07 09:24'), slaBreachedAt: 0 });
    const warned = { ...t, ...first! };
    expect(
      slaRecordChanges(warned, slaStatus(warned, standard, calendar, at('2026-12-07 09:26'))),
    ).toBeNull();
    const breach = slaRecordChanges(
      warned,
      slaStatus(warned, standard, calendar, at('2026-12-07 10:00')),
    );
    expect(breach).toEqual({
      slaWarnedAt: at('2026-12-07 09:24'),
      slaBreachedAt: at('2026-12-07 09:30'),
    });
    const recorded = { ...warned, ...breach! };
    expect(
      slaRecordChanges(recorded, slaStatus(recorded, standard, calendar, at('2026-12-08 10:00'))),
    ).toBeNull();
  });
});

describe('SLA policy by customer tier', () => {
  const policy = (key: string, tiers: ('A' | 'B' | 'C' | 'D')[]): SlaPolicyEntry => ({
    key,
    value: { ...DEFAULT_SLA_POLICY, name: key, tiers },
  });
  it('a policy naming the tier wins over one for any tier', () => {
    const policies = [policy('std', []), policy('vip', ['A'])];
    expect(pickSlaPolicy(policies, 'A')?.key).toBe('vip');
    expect(pickSlaPolicy(policies, 'B')?.key).toBe('std');
    expect(pickSlaPolicy(policies, '')?.key).toBe('std');
    expect(pickSlaPolicy([policy('vip', ['A'])], 'B')).toBeNull();
  });
  it('the default policy applies while none is stored', () => {
    expect(effectiveSlaPolicies([]).map((p) => p.key)).toEqual([DEFAULT_SLA_POLICY_KEY]);
    expect(effectiveSlaPolicies([policy('b', []), policy('a', [])]).map((p) => p.key)).toEqual([
      'a',
      'b',
    ]);
  });
  it('a tier-A account or a renewal within 90 days is high-value', () => {
    const now = at('2026-12-07 10:00');
    expect(isHighValueAccount({ tier: 'A' }, [], now, 480)).toBe(true);
    expect(isHighValueAccount({ tier: 'B' }, [], now, 480)).toBe(false);
    const ending = { endDate: '2027-03-07', status: 'active', deleted: false };
    expect(isHighValueAccount({ tier: 'B' }, [ending], now, 480)).toBe(true);
    expect(
      isHighValueAccount({ tier: 'B' }, [{ ...ending, endDate: '2027-03-08' }], now, 480),
    ).toBe(false);
    expect(isHighValueAccount({ tier: 'B' }, [{ ...ending, status: 'terminated' }], now, 480)).toBe(
      false,
    );
  });
});

describe('SLA inbox items and escalation', () => {
  const team = buildTeamDirectory([
    {
      id: 'service',
      kind: 'team',
      role: '',
      teamIds: [],
      parentTeamId: '',
      active: true,
      deleted: false,
    },
    {
      id: 'u1',
      kind: 'user',
      role: 'rep',
      teamIds: ['service'],
      parentTeamId: 'service',
      active: true,
      deleted: false,
    },
    {
      id: 'm1',
      kind: 'user',
      role: 'manager',
      teamIds: ['service'],
      parentTeamId: 'service',
      active: true,
      deleted: false,
    },
  ]);
  const items = (t: SlaTicket, now: number, highValue = false) =>
    slaInboxItems(t, slaStatus(t, standard, calendar, now), { now, team, highValue }).items.map(
      (i) => `${i.rule}>${i.recipientId}@${new Date(i.dueAt).toISOString()}`,
    );

  it('the assignee gets the warning, then the breach; the breach escalates to the service manager', () => {
    const t = ticket({ priority: 'high' }); // first response 60 min: warning 09:48, breach 10:00
    expect(items(t, at('2026-12-07 09:30'))).toEqual([]);
    expect(items(t, at('2026-12-07 09:50'))).toEqual(['slaWarning>u1@2026-12-07T01:48:00.000Z']);
    expect(items(t, at('2026-12-07 10:00'))).toEqual([
      'slaWarning>u1@2026-12-07T01:48:00.000Z',
      'slaBreach>u1@2026-12-07T02:00:00.000Z',
      'slaBreachEscalation>m1@2026-12-07T02:00:00.000Z',
    ]);
    expect(
      items(
        { ...t, status: 'resolved', resolvedAt: at('2026-12-07 10:30') },
        at('2026-12-07 11:00'),
      ),
    ).toEqual([]);
  });

  it('an urgent ticket of a high-value account escalates at once', () => {
    expect(items(ticket(), at('2026-12-07 09:01'), true)).toEqual([
      'slaUrgentEscalation>m1@2026-12-07T01:00:00.000Z',
    ]);
    expect(items(ticket({ priority: 'high' }), at('2026-12-07 09:01'), true)).toEqual([]);
    expect(items(ticket(), at('2026-12-07 09:01'), false)).toEqual([]);
  });
});

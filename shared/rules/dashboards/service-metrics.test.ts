import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_CALENDAR, type SlaPolicyValue } from '../../domain';
import { businessCalendar, type BusinessCalendar } from '../business-hours';
import type { SlaPolicyEntry } from '../sla';
import {
  backlogAgeBucket,
  monthsOf,
  serviceMetrics,
  type ServiceMetricsInput,
  type ServiceNpsAnswer,
  type ServiceTicket,
} from './service-metrics';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (local: string) => Date.parse(`${local}+08:00`);

/** Round the clock: business time = wall-clock, so the fixtures below are counted by hand in minutes. */
const allHours: BusinessCalendar = { utcOffsetMinutes: 480, periodsOn: () => [[0, 1440]] };

const targets: SlaPolicyValue['targets'] = {
  urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 },
  high: { firstResponseMinutes: 30, resolutionMinutes: 240 },
  normal: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  low: { firstResponseMinutes: 120, resolutionMinutes: 960 },
};
const policy: SlaPolicyEntry = {
  key: 'sla-test',
  value: { name: 'Test', tiers: [], targets, warnAtPercent: 80 },
};

const NOW = at('2026-12-07T12:00:00');

function ticket(id: string, fields: Partial<ServiceTicket>): ServiceTicket {
  return {
    id,
    subject: id,
    status: 'open',
    priority: 'normal',
    assigneeId: 'a1',
    ownerId: 'owner',
    accountId: '',
    createdAt: 0,
    csatAt: 0,
    slaPausedMs: 0,
    slaWaitingSince: 0,
    slaBreachedAt: 0,
    deleted: false,
    ...fields,
  };
}

function nps(id: string, ownerId: string, day: string, score: number): ServiceNpsAnswer {
  return {
    id,
    type: 'nps',
    npsScore: score,
    occurredAt: at(`${day}T10:00:00`),
    ownerId,
    deleted: false,
  };
}

/*
 * The fixture, period 2026-11-01 … 2026-12-31, now = 2026-12-07 12:00 (UTC+8). Agents a1 and a2 are in team
 * North now; a2 moved there from South in November, a3 is in South.
 */
const t1 = ticket('t1', {
  // normal: answered in 30 min, resolved in 300 min — both met. CSAT 5 in November.
  status: 'resolved',
  createdAt: at('2026-11-02T09:00:00'),
  firstResponseAt: at('2026-11-02T09:30:00'),
  resolvedAt: at('2026-11-02T14:00:00'),
  csat: 5,
  csatAt: at('2026-11-03T10:00:00'),
});
const t2 = ticket('t2', {
  // normal: answered in 90 min (> 60, the server recorded the breach), resolved in 360 min. CSAT 2 in December.
  status: 'closed',
  createdAt: at('2026-11-10T09:00:00'),
  firstResponseAt: at('2026-11-10T10:30:00'),
  resolvedAt: at('2026-11-10T15:00:00'),
  slaBreachedAt: at('2026-11-10T10:00:00'),
  csat: 2,
  csatAt: at('2026-12-01T09:00:00'),
});
const t3 = ticket('t3', {
  // urgent, a2: answered in 10 min, open for 1 h of its 2 h — running. Backlog < 1 d.
  priority: 'urgent',
  assigneeId: 'a2',
  createdAt: at('2026-12-07T11:00:00'),
  firstResponseAt: at('2026-12-07T11:10:00'),
});
const t4 = ticket('t4', {
  // high, a2, never answered for 4 days (offline: no breach recorded yet) — both clocks breached. Backlog 3–7 d.
  status: 'new',
  priority: 'high',
  assigneeId: 'a2',
  createdAt: at('2026-12-03T12:00:00'),
});
const t5 = ticket('t5', {
  // low, reopened: answered in 60 min, resolved after 2 h, then opened again (a stale resolvedAt stays). Its
  // resolution clock runs again from creation: 17 days > 960 min, breached. Backlog > 7 d; no resolution time.
  priority: 'low',
  createdAt: at('2026-11-20T09:00:00'),
  firstResponseAt: at('2026-11-20T10:00:00'),
  resolvedAt: at('2026-11-20T11:00:00'),
});
const t6 = ticket('t6', {
  // Created before the period and still open: backlog only (> 7 d).
  createdAt: at('2026-10-01T09:00:00'),
  firstResponseAt: at('2026-10-01T09:10:00'),
});
const t7 = ticket('t7', { deleted: true, createdAt: at('2026-11-03T09:00:00') });
const t8 = ticket('t8', {
  // a3 (South): counts only without a team filter. Met; CSAT 4 in November.
  assigneeId: 'a3',
  status: 'resolved',
  createdAt: at('2026-11-05T09:00:00'),
  firstResponseAt: at('2026-11-05T09:20:00'),
  resolvedAt: at('2026-11-05T10:00:00'),
  csat: 4,
  csatAt: at('2026-11-06T09:00:00'),
});

const answers: ServiceNpsAnswer[] = [
  nps('n1', 'a1', '2026-11-05', 10),
  nps('n2', 'a1', '2026-11-20', 6),
  nps('n3', 'a2', '2026-11-25', 8),
  nps('n4', 'a2', '2026-12-02', 9),
  nps('n5', 'a3', '2026-12-03', 0),
  nps('n6', 'a1', '2026-10-30', 10),
  { ...nps('n7', 'a1', '2026-11-06', 10), deleted: true },
  { ...nps('n8', 'a1', '2026-11-06', 10), type: 'call' },
];

const north = new Set(['a1', 'a2']);

function input(overrides: Partial<ServiceMetricsInput> = {}): ServiceMetricsInput {
  return {
    // t1 twice: the caller's two index reads (changed since the period began; open now) may overlap.
    tickets: [t1, t2, t3, t4, t5, t6, t7, t8, t1],
    npsAnswers: answers,
    period: { start: '2026-11-01', end: '2026-12-31' },
    agents: north,
    policies: [policy],
    tiers: new Map(),
    calendar: allHours,
    now: NOW,
    ...overrides,
  };
}

describe('serviceMetrics: SLA compliance', () => {
  it('counts met, breached and running tickets per priority', () => {
    const { sla } = serviceMetrics(input());
    const byPriority = Object.fromEntries(sla.rows.map((r) => [r.priority, r]));
    expect(byPriority.normal).toMatchObject({
      tickets: 2,
      met: 1,
      breached: 1,
      running: 0,
      compliance: 0.5,
      firstResponseMet: 1,
      firstResponseBreached: 1,
      resolutionMet: 2,
      resolutionBreached: 0,
      ticketIds: ['t1', 't2'],
      breachedIds: ['t2'],
    });
    expect(byPriority.urgent).toMatchObject({
      tickets: 1,
      met: 0,
      breached: 0,
      running: 1,
      compliance: null,
      firstResponseMet: 1,
    });
    expect(byPriority.high).toMatchObject({
      tickets: 1,
      breached: 1,
      compliance: 0,
      firstResponseBreached: 1,
      resolutionBreached: 1,
    });
    expect(byPriority.low).toMatchObject({
      tickets: 1,
      breached: 1,
      compliance: 0,
      firstResponseMet: 1,
      resolutionBreached: 1,
    });
    expect(sla.total).toMatchObject({
      tickets: 5,
      met: 1,
      breached: 3,
      running: 1,
      compliance: 0.25,
      breachedIds: ['t5', 't2', 't4'],
    });
  });

  it('trusts a breach the server recorded even when the clocks now say met (a policy changed since)', () => {
    const recorded = ticket('r', {
      status: 'resolved',
      createdAt: at('2026-11-02T09:00:00'),
      firstResponseAt: at('2026-11-02T09:10:00'),
      resolvedAt: at('2026-11-02T10:00:00'),
      slaBreachedAt: at('2026-11-02T09:05:00'),
    });
    const { sla } = serviceMetrics(input({ tickets: [recorded] }));
    expect(sla.total).toMatchObject({ met: 0, breached: 1, compliance: 0 });
  });

  it('leaves tickets no policy applies to out of compliance, but measures their times', () => {
    const tierA: SlaPolicyEntry = { ...policy, value: { ...policy.value, tiers: ['A'] } };
    const { sla, responseTimes } = serviceMetrics(
      input({ tickets: [t1], policies: [tierA], tiers: new Map([['acc', 'A']]) }),
    );
    expect(sla.total.tickets).toBe(0);
    expect(sla.total.compliance).toBeNull();
    expect(responseTimes.total.firstResponseAvgMs).toBe(30 * MIN);
  });
});

describe('serviceMetrics: backlog', () => {
  it('buckets the open tickets by age now and priority, whatever the period', () => {
    const { backlog } = serviceMetrics(input());
    expect(backlog.total).toBe(4);
    expect(backlog.rows.map((r) => [r.bucket, r.total])).toEqual([
      ['under1d', 1],
      ['from1to3d', 0],
      ['from3to7d', 1],
      ['over7d', 2],
    ]);
    expect(backlog.rows[0].byPriority).toEqual({ low: 0, normal: 0, high: 0, urgent: 1 });
    expect(backlog.rows[2].idsByPriority.high).toEqual(['t4']);
    expect(backlog.rows[3].byPriority).toEqual({ low: 1, normal: 1, high: 0, urgent: 0 });
    expect(backlog.rows[3].ticketIds.sort()).toEqual(['t5', 't6']);
  });

  it('puts each bucket boundary in the older bucket', () => {
    expect(backlogAgeBucket(DAY - 1)).toBe('under1d');
    expect(backlogAgeBucket(DAY)).toBe('from1to3d');
    expect(backlogAgeBucket(3 * DAY)).toBe('from3to7d');
    expect(backlogAgeBucket(7 * DAY)).toBe('over7d');
  });
});

describe('serviceMetrics: response times', () => {
  it('averages first responses and resolutions per priority (a reopened ticket has no resolution)', () => {
    const { responseTimes } = serviceMetrics(input());
    const byPriority = Object.fromEntries(responseTimes.rows.map((r) => [r.priority, r]));
    expect(byPriority.normal).toMatchObject({
      firstResponses: 2,
      firstResponseAvgMs: 60 * MIN,
      firstResponseMedianMs: 60 * MIN,
      resolutions: 2,
      resolutionAvgMs: 330 * MIN,
      resolutionMedianMs: 330 * MIN,
    });
    expect(byPriority.urgent).toMatchObject({
      firstResponses: 1,
      firstResponseAvgMs: 10 * MIN,
      resolutions: 0,
      resolutionAvgMs: null,
    });
    expect(byPriority.high).toMatchObject({ firstResponses: 0, firstResponseAvgMs: null });
    expect(byPriority.low).toMatchObject({
      firstResponses: 1,
      firstResponseAvgMs: 60 * MIN,
      resolutions: 0,
    });
    // First responses 30, 90, 10, 60 min: mean 47.5, median (30 + 60) / 2.
    expect(responseTimes.total).toMatchObject({
      firstResponses: 4,
      firstResponseAvgMs: 47.5 * MIN,
      firstResponseMedianMs: 45 * MIN,
      resolutions: 2,
      resolutionAvgMs: 330 * MIN,
    });
  });

  it('counts business hours and leaves out the customer’s waits', () => {
    // Friday 17:00 → Monday 09:30 on the default calendar (09–12, 13–18): 1 h on Friday + 30 min = 90 min.
    // Resolved Monday 16:30: 1 h + 3 h + 3.5 h = 7.5 h of business time, 1 h of it waiting on the customer.
    const weekend = ticket('w', {
      status: 'resolved',
      createdAt: at('2026-12-04T17:00:00'),
      firstResponseAt: at('2026-12-07T09:30:00'),
      resolvedAt: at('2026-12-07T16:30:00'),
      slaPausedMs: HOUR,
    });
    const { responseTimes } = serviceMetrics(
      input({
        tickets: [weekend],
        calendar: businessCalendar(DEFAULT_WORKING_CALENDAR),
        now: at('2026-12-08T12:00:00'),
      }),
    );
    expect(responseTimes.total.firstResponseAvgMs).toBe(90 * MIN);
    expect(responseTimes.total.resolutionAvgMs).toBe(6.5 * HOUR);
  });
});

describe('serviceMetrics: CSAT and NPS trends', () => {
  it('summarizes CSAT per month of the answer', () => {
    const { csat } = serviceMetrics(input());
    expect(csat.months).toEqual([
      { month: '2026-11', responses: 1, average: 5, satisfiedPercent: 100, ticketIds: ['t1'] },
      { month: '2026-12', responses: 1, average: 2, satisfiedPercent: 0, ticketIds: ['t2'] },
    ]);
    expect(csat.total).toMatchObject({ responses: 2, average: 3.5, satisfiedPercent: 50 });
  });

  it('summarizes NPS per month from the nps activities in scope', () => {
    const { nps: trend } = serviceMetrics(input());
    expect(trend.months).toEqual([
      {
        month: '2026-11',
        responses: 3,
        promoters: 1,
        passives: 1,
        detractors: 1,
        score: 0,
        activityIds: ['n1', 'n2', 'n3'],
      },
      {
        month: '2026-12',
        responses: 1,
        promoters: 1,
        passives: 0,
        detractors: 0,
        score: 100,
        activityIds: ['n4'],
      },
    ]);
    expect(trend.total).toMatchObject({ responses: 4, promoters: 2, detractors: 1, score: 25 });
  });
});

describe('serviceMetrics: scope and empty periods', () => {
  it('an agent who changed team counts wholly for the team they are in now', () => {
    // a2 moved South → North in November: with South's agents now (a3) none of a2's tickets or answers count.
    const south = serviceMetrics(input({ agents: new Set(['a3']) }));
    expect(south.sla.total).toMatchObject({ tickets: 1, met: 1, compliance: 1, ticketIds: ['t8'] });
    expect(south.backlog.total).toBe(0);
    expect(south.csat.total).toMatchObject({ responses: 1, average: 4 });
    expect(south.nps.total).toMatchObject({ responses: 1, detractors: 1, score: -100 });
  });

  it('without a filter counts every agent', () => {
    const all = serviceMetrics(input({ agents: null }));
    expect(all.sla.total).toMatchObject({ tickets: 6, met: 2, breached: 3, running: 1 });
    expect(all.sla.total.compliance).toBeCloseTo(0.4);
    expect(all.nps.total).toMatchObject({ responses: 5, score: 0 });
  });

  it('an empty period answers null, never a division by zero', () => {
    const empty = serviceMetrics(input({ period: { start: '2025-01-01', end: '2025-01-31' } }));
    expect(empty.sla.total).toMatchObject({ tickets: 0, compliance: null });
    expect(empty.sla.rows.every((r) => r.compliance === null)).toBe(true);
    expect(empty.responseTimes.total).toMatchObject({
      firstResponses: 0,
      firstResponseAvgMs: null,
      firstResponseMedianMs: null,
      resolutionAvgMs: null,
    });
    expect(empty.csat.months).toEqual([
      { month: '2025-01', responses: 0, average: null, satisfiedPercent: null, ticketIds: [] },
    ]);
    expect(empty.nps.months[0]).toMatchObject({ responses: 0, score: null });
    expect(empty.nps.total.score).toBeNull();
    // The backlog is today's, not the period's.
    expect(empty.backlog.total).toBe(4);
  });

  it('no tickets and no answers at all', () => {
    const none = serviceMetrics(input({ tickets: [], npsAnswers: [] }));
    expect(none.backlog.total).toBe(0);
    expect(none.sla.total.compliance).toBeNull();
    expect(none.csat.total.average).toBeNull();
  });
});

describe('monthsOf', () => {
  it('lists the months of a period across a year end', () => {
    expect(monthsOf({ start: '2026-11-15', end: '2027-02-01' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsOf({ start: '2026-12-01', end: '2026-11-30' })).toEqual([]);
  });
});

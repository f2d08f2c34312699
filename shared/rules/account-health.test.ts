import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_SCORING, healthScoringValueSchema } from '../domain';
import {
  accountHealth,
  healthActivitySince,
  healthBand,
  type HealthActivity,
  type HealthContract,
  type HealthFacts,
  type HealthPart,
  type HealthTicket,
} from './account-health';

const DAY = 86_400_000;
// 2026-06-30 12:00 in China (UTC+8): local today is 2026-06-30, 30 days ago 2026-05-31.
const NOW = Date.UTC(2026, 5, 30, 4, 0, 0);
const clock = { now: NOW, utcOffsetMinutes: 480 };
const rules = DEFAULT_HEALTH_SCORING;

const ticket = (over: Partial<HealthTicket>): HealthTicket => ({
  status: 'open',
  createdAt: NOW - 5 * DAY,
  updatedAt: NOW - 5 * DAY,
  resolvedAt: undefined,
  csat: undefined,
  csatAt: 0,
  slaBreachedAt: 0,
  deleted: false,
  ...over,
});
const nps = (score: number, daysAgo: number): HealthActivity => ({
  type: 'nps',
  occurredAt: NOW - daysAgo * DAY,
  done: false,
  deleted: false,
  npsScore: score,
});
const contract = (over: Partial<HealthContract>): HealthContract => ({
  status: 'active',
  endDate: '',
  amount: 30_000,
  paymentPlan: [],
  payments: [],
  deleted: false,
  ...over,
});
const facts = (over: Partial<HealthFacts>): HealthFacts => ({
  account: { lastActivityAt: NOW - DAY },
  tickets: [],
  activities: [],
  contracts: [],
  ...over,
});
const part = (parts: HealthPart[], kind: HealthPart['kind']) => parts.find((p) => p.kind === kind);
const pointsOf = (f: HealthFacts) =>
  Object.fromEntries(accountHealth(f, rules, clock).parts.map((p) => [p.kind, p.points]));

describe('accountHealth with the default rules', () => {
  it('an account with nothing: never contacted costs all 25 of recency → 75, healthy, not at risk', () => {
    const health = accountHealth(facts({ account: { lastActivityAt: 0 } }), rules, clock);
    expect(health.score).toBe(75);
    expect(health.previousScore).toBe(75);
    expect(health.band).toBe('healthy');
    expect(health.churnRisk).toBe(false);
    expect(health.parts).toEqual([
      { kind: 'recency', days: null, points: -25 },
      { kind: 'openTickets', count: 0, points: 0 },
      { kind: 'breachedTickets', count: 0, points: 0 },
      { kind: 'csat', average: null, answers: 0, points: 0 },
      { kind: 'nps', nps: null, answers: 0, points: 0 },
      { kind: 'overduePayments', count: 0, amount: 0, points: 0 },
      { kind: 'renewal', days: null, endDate: '', points: 0 },
    ]);
  });

  it('an account with everything: 100 − 6 − 4 − 10 − 5 − 4 − 15 − 5 = 51 now, 84 thirty days ago → drops fast', () => {
    const f = facts({
      // 33 days idle: (33 − 14) / (90 − 14) = 0.25 of 25 = 6.25 → −6.
      account: { lastActivityAt: NOW - 33 * DAY },
      tickets: [
        // Two open (2/5 of 10 = −4), one breached 10 days ago (1/2 of 20 = −10).
        ticket({ createdAt: NOW - 15 * DAY, slaBreachedAt: NOW - 10 * DAY }),
        ticket({ createdAt: NOW - 40 * DAY }),
        // CSAT 2 and 4 → 3.0: (5 − 3) / 4 of 10 = −5. Resolved 26 days ago: open 30 days ago.
        ticket({
          status: 'closed',
          createdAt: NOW - 60 * DAY,
          resolvedAt: NOW - 26 * DAY,
          csat: 2,
          csatAt: NOW - 20 * DAY,
        }),
        ticket({
          status: 'resolved',
          createdAt: NOW - 60 * DAY,
          resolvedAt: NOW - 26 * DAY,
          csat: 4,
          csatAt: NOW - 25 * DAY,
        }),
      ],
      // NPS 10, 9, 7, 3: 2 promoters, 1 detractor of 4 → 25: (100 − 25) / 200 of 10 = 3.75 → −4.
      activities: [nps(10, 5), nps(9, 6), nps(7, 7), nps(3, 8)],
      contracts: [
        contract({
          // 2026-06-30 → 2026-08-14 = 45 days: (90 − 45) / 90 of 10 = −5.
          endDate: '2026-08-14',
          paymentPlan: [
            { id: 'p1', dueDate: '2026-05-01', amount: 10_000, note: '' },
            { id: 'p2', dueDate: '2026-06-01', amount: 10_000, note: '' },
            { id: 'p3', dueDate: '2026-08-01', amount: 10_000, note: '' },
          ],
          payments: [
            {
              id: 'r1',
              date: '2026-05-03',
              amount: 5_000,
              method: 'bankTransfer',
              planItemId: 'p1',
              note: '',
            },
          ],
        }),
      ],
    });
    const health = accountHealth(f, rules, clock);
    expect(health.parts).toEqual([
      { kind: 'recency', days: 33, points: -6 },
      { kind: 'openTickets', count: 2, points: -4 },
      { kind: 'breachedTickets', count: 1, points: -10 },
      { kind: 'csat', average: 3, answers: 2, points: -5 },
      { kind: 'nps', nps: 25, answers: 4, points: -4 },
      // p1's unpaid 5,000 and p2's 10,000: 2/2 of 15.
      { kind: 'overduePayments', count: 2, amount: 15_000, points: -15 },
      { kind: 'renewal', days: 45, endDate: '2026-08-14', points: -5 },
    ]);
    expect(health.score).toBe(51);
    expect(health.band).toBe('watch');
    // On 2026-05-31: idle 3 days (0); open: the 40-day one and the two resolved later (3/5 of 10 = −6); no breach,
    // CSAT or NPS yet; p1 overdue by 5,000 (1/2 of 15 = 7.5 → −8); 75 days to the end (15/90 of 10 → −2).
    expect(health.previousScore).toBe(84);
    expect(health.churnRisk).toBe(true);
    expect(health.churnReasons).toEqual(['drop']);
  });

  it('drops fast: a healthy account that gets two breached tickets and an overdue instalment this month', () => {
    const base = facts({
      activities: [
        { type: 'call', occurredAt: NOW - DAY, done: false, deleted: false },
        { type: 'visit', occurredAt: NOW - 35 * DAY, done: false, deleted: false },
      ],
      contracts: [
        contract({
          paymentPlan: [{ id: 'p1', dueDate: '2026-06-20', amount: 10_000, note: '' }],
        }),
      ],
    });
    const before = accountHealth(base, rules, clock);
    const after = accountHealth(
      {
        ...base,
        tickets: [
          ticket({ slaBreachedAt: NOW - 2 * DAY }),
          ticket({ status: 'resolved', resolvedAt: NOW - DAY, slaBreachedAt: NOW - 3 * DAY }),
        ],
      },
      rules,
      clock,
    );
    // Overdue since 06-21: 1/2 of 15 = −7.5 → −8; 30 days ago it was not due yet.
    expect(before).toMatchObject({ score: 92, previousScore: 100, churnRisk: false });
    // + one open ticket (−2) and two breaches (−20): 70, 30 points down from 100.
    expect(after).toMatchObject({ score: 70, previousScore: 100, band: 'healthy' });
    expect(after.churnReasons).toEqual(['drop']);
  });

  it('below the churn threshold is a risk even without a drop', () => {
    const f = facts({
      account: { lastActivityAt: 0 },
      tickets: [
        ticket({ createdAt: NOW - 100 * DAY, slaBreachedAt: NOW - 60 * DAY }),
        ticket({ createdAt: NOW - 100 * DAY, slaBreachedAt: NOW - 45 * DAY }),
      ],
    });
    const health = accountHealth(f, rules, clock);
    // 100 − 25 (never contacted) − 4 (two open) − 20 (two breaches within 90 days) = 51… plus nothing else.
    expect(health.score).toBe(51);
    const worse = accountHealth(
      { ...f, contracts: [contract({ endDate: '2026-06-30' })] },
      rules,
      clock,
    );
    // A renewal due today costs all 10 → 41 (30 days ago: 30 days left → 60/90 of 10 → −7, 44).
    expect(worse.score).toBe(41);
    expect(worse.previousScore).toBe(44);
    expect(worse).toMatchObject({ band: 'risk', churnRisk: true, churnReasons: ['low'] });
  });
});

describe("each part's edges", () => {
  it('recency: nothing up to 14 idle days, all 25 from 90 on', () => {
    const at = (days: number) =>
      pointsOf(facts({ account: { lastActivityAt: NOW - days * DAY } })).recency;
    expect(at(0)).toBe(0);
    expect(at(14)).toBe(0);
    // 15 days: 1/76 of 25 = 0.33 → 0.
    expect(at(15)).toBe(0);
    expect(at(52)).toBe(-13);
    expect(at(90)).toBe(-25);
    expect(at(400)).toBe(-25);
  });

  it('recency 30 days ago reads the activities: a contact after that day does not count then', () => {
    const f = facts({
      account: { lastActivityAt: NOW - DAY },
      activities: [
        { type: 'call', occurredAt: NOW - DAY, done: false, deleted: false },
        { type: 'visit', occurredAt: NOW - 50 * DAY, done: false, deleted: false },
        // Comments and NPS answers are not customer contact; a deleted call is gone.
        { type: 'comment', occurredAt: NOW - 31 * DAY, done: false, deleted: false },
        { type: 'call', occurredAt: NOW - 32 * DAY, done: false, deleted: true },
      ],
    });
    const health = accountHealth(f, rules, clock);
    expect(part(health.parts, 'recency')).toEqual({ kind: 'recency', days: 1, points: 0 });
    // 30 days ago the last contact was 20 days before: (20 − 14) / 76 of 25 = 1.97 → −2.
    expect(health.previousScore).toBe(98);
  });

  it('open tickets are capped at 5; resolved, closed, deleted and later ones do not count', () => {
    const open = Array.from({ length: 7 }, () => ticket({}));
    expect(pointsOf(facts({ tickets: open })).openTickets).toBe(-10);
    const done = [
      ticket({ status: 'resolved', resolvedAt: NOW - DAY }),
      ticket({ status: 'closed' }),
      ticket({ deleted: true }),
      ticket({ createdAt: NOW + DAY }),
    ];
    expect(pointsOf(facts({ tickets: done })).openTickets).toBe(0);
  });

  it('breached tickets count within 90 days of their breach, two take all 20', () => {
    const breachedAt = (days: number) =>
      ticket({ status: 'closed', slaBreachedAt: NOW - days * DAY });
    expect(pointsOf(facts({ tickets: [breachedAt(90)] })).breachedTickets).toBe(-10);
    expect(pointsOf(facts({ tickets: [breachedAt(91)] })).breachedTickets).toBe(0);
    expect(pointsOf(facts({ tickets: [1, 2, 3].map(breachedAt) })).breachedTickets).toBe(-20);
  });

  it('CSAT: all 5s cost nothing, all 1s cost all 10; answers older than 90 days do not count', () => {
    const answer = (csat: number, days = 1) =>
      ticket({ status: 'closed', csat, csatAt: NOW - days * DAY });
    expect(pointsOf(facts({ tickets: [answer(5), answer(5)] })).csat).toBe(0);
    expect(pointsOf(facts({ tickets: [answer(1)] })).csat).toBe(-10);
    expect(pointsOf(facts({ tickets: [answer(1, 91)] })).csat).toBe(0);
  });

  it('NPS: promoters cost nothing, detractors all 10, passives half', () => {
    expect(pointsOf(facts({ activities: [nps(9, 1), nps(10, 2)] })).nps).toBe(0);
    expect(pointsOf(facts({ activities: [nps(0, 1), nps(6, 2)] })).nps).toBe(-10);
    expect(pointsOf(facts({ activities: [nps(7, 1), nps(8, 2)] })).nps).toBe(-5);
    expect(pointsOf(facts({ activities: [{ ...nps(0, 1), deleted: true }] })).nps).toBe(0);
  });

  it('overdue payments: an instalment due today is not overdue yet; a draft contract never counts', () => {
    const plan = (dueDate: string) => [{ id: 'p', dueDate, amount: 1_000, note: '' }];
    expect(
      pointsOf(facts({ contracts: [contract({ paymentPlan: plan('2026-06-30') })] }))
        .overduePayments,
    ).toBe(0);
    expect(
      pointsOf(facts({ contracts: [contract({ paymentPlan: plan('2026-06-29') })] }))
        .overduePayments,
    ).toBe(-8);
    expect(
      pointsOf(
        facts({ contracts: [contract({ status: 'draft', paymentPlan: plan('2026-06-29') })] }),
      ).overduePayments,
    ).toBe(0);
  });

  it('renewal: the nearest active end date; beyond 90 days nothing, on or past its end all 10', () => {
    const ends = (...endDates: string[]) =>
      part(
        accountHealth(
          facts({ contracts: endDates.map((endDate) => contract({ endDate })) }),
          rules,
          clock,
        ).parts,
        'renewal',
      );
    expect(ends('2026-09-29')).toEqual({
      kind: 'renewal',
      days: 91,
      endDate: '2026-09-29',
      points: 0,
    });
    expect(ends('2026-12-31', '2026-07-30')).toEqual({
      kind: 'renewal',
      days: 30,
      endDate: '2026-07-30',
      points: -7,
    });
    expect(ends('2026-06-30')?.points).toBe(-10);
    expect(ends('2026-06-01')).toEqual({
      kind: 'renewal',
      days: -29,
      endDate: '2026-06-01',
      points: -10,
    });
    const expired = facts({ contracts: [contract({ status: 'expired', endDate: '2026-07-01' })] });
    expect(part(accountHealth(expired, rules, clock).parts, 'renewal')?.points).toBe(0);
  });
});

describe('settings and helpers', () => {
  it('bands: risk below 50, watch below 70', () => {
    expect(healthBand(49, rules)).toBe('risk');
    expect(healthBand(50, rules)).toBe('watch');
    expect(healthBand(70, rules)).toBe('healthy');
  });

  it('activities older than 30 + max(stale, window) days never matter', () => {
    expect(healthActivitySince(NOW, rules)).toBe(NOW - 120 * DAY);
  });

  it('the schema names the field of an inconsistent setting', () => {
    const bad = healthScoringValueSchema.safeParse({
      ...rules,
      staleDays: 10,
      watchBelow: 40,
      weights: { ...rules.weights, nps: 101 },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['weights.nps']));
    const order = healthScoringValueSchema.safeParse({ ...rules, staleDays: 10, watchBelow: 40 });
    expect(order.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['staleDays', 'validation.health.dayOrder'],
      ['watchBelow', 'validation.health.thresholdOrder'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  customerHealth,
  customerRfm,
  rfmReferenceDay,
  rfmScores,
  rfmSegment,
  type RfmAccount,
  type RfmContract,
} from './customer-metrics';
import { dashboardScope, type ScopeMember } from './filters';

const members: ScopeMember[] = [
  { id: 'north', kind: 'team', parentTeamId: '', teamIds: [] },
  { id: 'south', kind: 'team', parentTeamId: '', teamIds: [] },
];
const everyone = dashboardScope({ teamId: '', ownerId: '' }, members);
const north = dashboardScope({ teamId: 'north', ownerId: '' }, members);

const account = (
  id: string,
  teamId: string,
  extra: { mergedIntoId?: string; deleted?: boolean } = {},
): RfmAccount => ({
  id,
  name: id,
  ownerId: `${id}-owner`,
  teamId,
  deleted: extra.deleted ?? false,
  mergedIntoId: extra.mergedIntoId ?? '',
});
const payment = (date: string, amount: number) => ({
  id: `p-${date}-${amount}`,
  date,
  amount,
  method: 'bankTransfer' as const,
  planItemId: '',
  note: '',
});
const contract = (
  id: string,
  accountId: string,
  signedDate: string,
  payments: ReturnType<typeof payment>[] = [],
  extra: Partial<RfmContract> = {},
): RfmContract => ({
  id,
  accountId,
  status: 'active',
  signedDate,
  payments,
  deleted: false,
  ...extra,
});

// Q4 2026 looked at on 2026-12-07: the reference day is today.
const quarter = { start: '2026-10-01', end: '2026-12-31' };
const today = '2026-12-07';
const accounts = [
  account('A', 'north'),
  account('B', 'north'),
  account('C', 'south'),
  account('D', 'south'),
  account('E', 'north'),
  account('F', 'north', { mergedIntoId: 'A' }),
  account('G', 'south', { deleted: true }),
];
const contracts = [
  // A: signed in the quarter, paid twice: F = 3, M = 600,000, last 2026-11-30 → 7 days.
  contract('c1', 'A', '2026-10-10', [
    payment('2026-10-20', 400_000),
    payment('2026-11-30', 200_000),
  ]),
  // B: signed last year, paid in June (before the quarter): F = 0, M = 0, 189 days.
  contract('c2', 'B', '2025-03-01', [payment('2026-06-01', 50_000)]),
  // C: signed in the quarter, unpaid; its draft never counts; a payment dated after today is not in yet.
  contract('c3', 'C', '2026-12-01', [payment('2026-12-20', 10_000)]),
  contract('c4', 'C', '2026-12-05', [], { status: 'draft' }),
  // E: only a deleted contract; F: merged away; G: deleted.
  contract('c5', 'E', '2026-10-05', [payment('2026-10-06', 90_000)], { deleted: true }),
  contract('c6', 'F', '2026-10-05', [payment('2026-10-06', 90_000)]),
  contract('c7', 'G', '2026-10-05', [payment('2026-10-06', 90_000)]),
];

describe('RFM scores and segments', () => {
  it('scores by the fixed bands', () => {
    expect(rfmScores(0, 0, 0)).toEqual({ r: 5, f: 1, m: 1 });
    expect(rfmScores(30, 2, 30_000)).toEqual({ r: 5, f: 2, m: 2 });
    expect(rfmScores(31, 3, 99_999.99)).toEqual({ r: 4, f: 3, m: 2 });
    expect(rfmScores(180, 5, 100_000)).toEqual({ r: 3, f: 4, m: 3 });
    expect(rfmScores(365, 8, 1_000_000)).toEqual({ r: 2, f: 5, m: 5 });
    expect(rfmScores(366, 1, 29_999)).toEqual({ r: 1, f: 1, m: 1 });
  });
  it('names the eight segments by high (≥ 3) or low R, F, M', () => {
    expect(rfmSegment(5, 5, 5)).toBe('importantValue');
    expect(rfmSegment(3, 2, 3)).toBe('importantDevelop');
    expect(rfmSegment(2, 3, 4)).toBe('importantKeep');
    expect(rfmSegment(1, 1, 3)).toBe('importantRetain');
    expect(rfmSegment(4, 4, 2)).toBe('generalValue');
    expect(rfmSegment(5, 1, 1)).toBe('generalDevelop');
    expect(rfmSegment(2, 5, 1)).toBe('generalKeep');
    expect(rfmSegment(1, 1, 1)).toBe('generalRetain');
  });
  it('measures recency to today while the period runs, else to its end', () => {
    expect(rfmReferenceDay(quarter, today)).toBe('2026-12-07');
    expect(rfmReferenceDay(quarter, '2027-02-01')).toBe('2026-12-31');
  });
});

describe('customerRfm', () => {
  it('segments the customers in scope from contracts and payments', () => {
    const result = customerRfm({ accounts, contracts, filters: quarter, scope: everyone, today });
    expect(result.referenceDay).toBe('2026-12-07');
    expect(result.scores).toEqual([
      {
        accountId: 'A',
        recencyDays: 7,
        frequency: 3,
        monetary: 600_000,
        r: 5,
        f: 3,
        m: 4,
        segment: 'importantValue',
      },
      {
        accountId: 'B',
        recencyDays: 189,
        frequency: 0,
        monetary: 0,
        r: 2,
        f: 1,
        m: 1,
        segment: 'generalRetain',
      },
      {
        accountId: 'C',
        recencyDays: 6,
        frequency: 1,
        monetary: 0,
        r: 5,
        f: 1,
        m: 1,
        segment: 'generalDevelop',
      },
    ]);
    expect(result.customers).toBe(3);
    expect(result.withoutTransactions).toBe(2); // D, E (F merged away and G deleted are not accounts any more)
    expect(result.monetary).toBe(600_000);
    expect(result.averageMonetaryPerPayer).toBe(600_000);
    const bySegment = Object.fromEntries(result.segments.map((s) => [s.segment, s]));
    expect(result.segments).toHaveLength(8);
    expect(bySegment.importantValue).toEqual({
      segment: 'importantValue',
      count: 1,
      monetary: 600_000,
      averageRecencyDays: 7,
      share: 1 / 3,
      accountIds: ['A'],
    });
    expect(bySegment.generalRetain?.accountIds).toEqual(['B']);
    expect(bySegment.generalDevelop?.accountIds).toEqual(['C']);
    expect(bySegment.importantKeep).toMatchObject({ count: 0, averageRecencyDays: null, share: 0 });
  });

  it('keeps to the team filter', () => {
    const result = customerRfm({ accounts, contracts, filters: quarter, scope: north, today });
    expect(result.scores.map((s) => s.accountId)).toEqual(['A', 'B']);
    expect(result.withoutTransactions).toBe(1); // E
  });

  it('gives zeros and no averages for an empty period (no division by zero)', () => {
    const result = customerRfm({
      accounts,
      contracts,
      filters: { start: '2020-01-01', end: '2020-03-31' },
      scope: everyone,
      today,
    });
    expect(result.customers).toBe(0);
    expect(result.monetary).toBe(0);
    expect(result.averageMonetaryPerPayer).toBeNull();
    expect(result.withoutTransactions).toBe(5);
    for (const row of result.segments)
      expect(row).toMatchObject({ count: 0, monetary: 0, averageRecencyDays: null, share: null });
  });

  it('sums money in fen', () => {
    const result = customerRfm({
      accounts: [account('X', 'north')],
      contracts: [
        contract('x', 'X', '2026-10-01', [payment('2026-10-02', 0.1), payment('2026-10-03', 0.2)]),
      ],
      filters: quarter,
      scope: everyone,
      today,
    });
    expect(result.monetary).toBe(0.3);
  });
});

describe('customerHealth', () => {
  const health = new Map([
    ['A', { score: 90, band: 'healthy' as const, churnRisk: false }],
    ['B', { score: 20, band: 'risk' as const, churnRisk: true }],
    ['C', { score: 55, band: 'watch' as const, churnRisk: true }],
    ['D', { score: 10, band: 'risk' as const, churnRisk: true }],
    ['F', { score: 5, band: 'risk' as const, churnRisk: true }],
  ]);

  it('counts the accounts in scope by band and churn risk, lowest score first', () => {
    const result = customerHealth({ accounts, health, scope: everyone });
    expect(result.bands).toEqual([
      { band: 'healthy', count: 1, churnRisk: 0, share: 0.25, accountIds: ['A'] },
      { band: 'watch', count: 1, churnRisk: 1, share: 0.25, accountIds: ['C'] },
      { band: 'risk', count: 2, churnRisk: 2, share: 0.5, accountIds: ['B', 'D'] },
    ]);
    expect(result.churnRiskIds).toEqual(['D', 'B', 'C']);
    expect(result.scored).toBe(4);
    expect(result.churnRiskShare).toBe(0.75);
    expect(result.averageScore).toBe(43.75);
  });

  it('keeps to the team filter', () => {
    const result = customerHealth({ accounts, health, scope: north });
    expect(result.churnRiskIds).toEqual(['B']);
    expect(result.scored).toBe(2);
  });

  it('gives no shares or average when nothing is scored', () => {
    const result = customerHealth({ accounts: [], health, scope: everyone });
    expect(result.scored).toBe(0);
    expect(result.churnRiskShare).toBeNull();
    expect(result.averageScore).toBeNull();
    expect(result.bands.every((b) => b.count === 0 && b.share === null)).toBe(true);
  });
});

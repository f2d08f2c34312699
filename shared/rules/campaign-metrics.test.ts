import { describe, expect, it } from 'vitest';
import { campaignValueSchema } from '../domain';
import {
  businessDayOf,
  campaignNumbers,
  campaignPhase,
  sourceNumbers,
  type MetricsCampaign,
  type MetricsDeal,
  type MetricsLead,
} from './campaign-metrics';

/** Noon in Beijing on a day (04:00 UTC). */
const at = (day: string) => Date.parse(`${day}T04:00:00Z`);
let n = 0;
const lead = (overrides: Partial<MetricsLead>): MetricsLead => ({
  id: `l${++n}`,
  source: 'website',
  campaignId: '',
  qualification: '',
  createdAt: at('2026-03-10'),
  deleted: false,
  mergedIntoId: '',
  ...overrides,
});
const deal = (overrides: Partial<MetricsDeal>): MetricsDeal => ({
  id: `d${++n}`,
  status: 'won',
  amount: 0,
  campaignId: '',
  source: '',
  closeDate: '2026-03-20',
  deleted: false,
  ...overrides,
});
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

const expo: MetricsCampaign = { id: 'expo', value: { budget: 50_000, actualCost: 30_000.1 } };
const free: MetricsCampaign = { id: 'free', value: { budget: 0, actualCost: 0 } };

describe('campaignNumbers (hand-worked)', () => {
  // Spring expo: 4 leads in March (one MQL, two SQLs), 1 won deal of 0.1 + 1 of 0.2 + 1 of 100 000 yuan.
  const leads = [
    lead({ campaignId: 'expo', source: 'event' }),
    lead({ campaignId: 'expo', source: 'event', qualification: 'mql' }),
    lead({ campaignId: 'expo', source: 'event', qualification: 'sql' }),
    lead({ campaignId: 'expo', source: 'referral', qualification: 'sql' }),
    // Not counted: created in February, deleted, merged away, another campaign.
    lead({ campaignId: 'expo', createdAt: at('2026-02-28') }),
    lead({ campaignId: 'expo', deleted: true }),
    lead({ campaignId: 'expo', mergedIntoId: 'l1' }),
    lead({ campaignId: 'other' }),
  ];
  const deals = [
    deal({ campaignId: 'expo', amount: 0.1 }),
    deal({ campaignId: 'expo', amount: 0.2 }),
    deal({ campaignId: 'expo', amount: 100_000 }),
    // Not counted: open, lost, closed in April, deleted.
    deal({ campaignId: 'expo', status: 'open', amount: 9 }),
    deal({ campaignId: 'expo', status: 'lost', amount: 9 }),
    deal({ campaignId: 'expo', closeDate: '2026-04-01', amount: 9 }),
    deal({ campaignId: 'expo', deleted: true, amount: 9 }),
  ];

  it('counts leads, MQLs (an SQL is an MQL too), SQLs, won deals and exact revenue', () => {
    const [numbers] = campaignNumbers([expo], leads, deals, MARCH);
    expect(numbers).toMatchObject({
      campaignId: 'expo',
      leads: 4,
      mqls: 3,
      sqls: 2,
      wonDeals: 3,
      revenue: 100_000.3, // 10 + 20 + 10 000 000 fen, not 100000.30000000000001
      leadToSql: 0.5,
      sqlToWon: 1.5,
      leadToWon: 0.75,
      cost: 30_000.1,
      budget: 50_000,
    });
    // 3 000 010 fen / 4 = 750 002.5 → 750 003 fen; / 3 = 1 000 003.33 → 1 000 003 fen.
    expect(numbers.costPerLead).toBe(7_500.03);
    expect(numbers.cac).toBe(10_000.03);
    // (10 000 030 − 3 000 010) / 3 000 010
    expect(numbers.roi).toBeCloseTo(7_000_020 / 3_000_010, 12);
  });

  it('gives zeros and nulls ("—") for an empty period, and null ROI for a campaign without cost', () => {
    const [empty, costless] = campaignNumbers([expo, free], leads, deals, {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(empty).toEqual({
      campaignId: 'expo',
      leads: 0,
      mqls: 0,
      sqls: 0,
      wonDeals: 0,
      revenue: 0,
      leadToSql: null,
      sqlToWon: null,
      leadToWon: null,
      cost: 30_000.1,
      budget: 50_000,
      costPerLead: null,
      cac: null,
      roi: -1,
    });
    expect(costless).toMatchObject({ cost: 0, costPerLead: null, cac: null, roi: null });
  });

  it('costs nothing per lead when the cost is zero and there are leads', () => {
    const [numbers] = campaignNumbers([free], [lead({ campaignId: 'free' })], [], MARCH);
    expect(numbers).toMatchObject({ leads: 1, costPerLead: 0, cac: null, roi: null });
  });

  it('an open period ("" on both sides) counts everything not deleted', () => {
    const [numbers] = campaignNumbers([expo], leads, deals, { from: '', to: '' });
    expect(numbers.leads).toBe(5);
    expect(numbers.wonDeals).toBe(4);
  });

  it('reads the lead creation day in Beijing time: 2026-02-28 16:30 UTC is 1 March', () => {
    expect(businessDayOf(Date.parse('2026-02-28T16:30:00Z'))).toBe('2026-03-01');
    const late = lead({ campaignId: 'expo', createdAt: Date.parse('2026-02-28T16:30:00Z') });
    expect(campaignNumbers([expo], [late], [], MARCH)[0].leads).toBe(1);
  });
});

describe('sourceNumbers (conversion by source)', () => {
  it('groups leads by source and won deals by their own source, sorted by source code', () => {
    const leads = [
      lead({ source: 'event', qualification: 'sql' }),
      lead({ source: 'event' }),
      lead({ source: 'website', qualification: 'mql' }),
    ];
    const deals = [
      deal({ source: 'event', amount: 500 }),
      deal({ source: 'partner', amount: 200 }),
      deal({ source: '', amount: 1 }), // no source: in no row
    ];
    expect(sourceNumbers(leads, deals, MARCH)).toEqual([
      {
        source: 'event',
        leads: 2,
        mqls: 1,
        sqls: 1,
        wonDeals: 1,
        revenue: 500,
        leadToSql: 0.5,
        sqlToWon: 1,
        leadToWon: 0.5,
      },
      {
        source: 'partner',
        leads: 0,
        mqls: 0,
        sqls: 0,
        wonDeals: 1,
        revenue: 200,
        leadToSql: null,
        sqlToWon: null,
        leadToWon: null,
      },
      {
        source: 'website',
        leads: 1,
        mqls: 1,
        sqls: 0,
        wonDeals: 0,
        revenue: 0,
        leadToSql: 0,
        sqlToWon: null,
        leadToWon: 0,
      },
    ]);
  });
  it('is empty for an empty period', () => {
    expect(sourceNumbers([lead({})], [deal({})], { from: '2030-01-01', to: '2030-12-31' })).toEqual(
      [],
    );
  });
});

describe('campaignPhase and the campaign schema', () => {
  const c = { startDate: '2026-03-01', endDate: '2026-03-31' };
  it('is planned before the start, active on both end days, ended after; no end date runs on', () => {
    expect(campaignPhase(c, '2026-02-28')).toBe('planned');
    expect(campaignPhase(c, '2026-03-01')).toBe('active');
    expect(campaignPhase(c, '2026-03-31')).toBe('active');
    expect(campaignPhase(c, '2026-04-01')).toBe('ended');
    expect(campaignPhase({ ...c, endDate: '' }, '2099-01-01')).toBe('active');
  });
  it('refuses an end before the start, at endDate', () => {
    const value = {
      name: '春季展会',
      channel: 'exhibition',
      startDate: '2026-03-10',
      endDate: '2026-03-09',
      budget: 1,
      actualCost: 0,
      notes: '',
    };
    expect(campaignValueSchema.safeParse(value).error?.issues[0]).toMatchObject({
      path: ['endDate'],
      message: 'validation.date.order',
    });
    expect(campaignValueSchema.safeParse({ ...value, endDate: '2026-03-10' }).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_ID } from '../domain/defaults';
import type { PipelineValue } from '../domain/entities';
import {
  addForecast,
  dealContribution,
  dealWeightedFen,
  EMPTY_FORECAST,
  findForecastRow,
  forecastNumbers,
  forecastOf,
  forecastTree,
  indexTargets,
  maySetTarget,
  ownTarget,
  parsePeriod,
  periodOf,
  shiftPeriod,
  stageProbability,
  targetRecordId,
  targetTeamId,
  targetWriteRefusal,
  type ForecastDeal,
  type ForecastMember,
  type Period,
} from './forecast';

const stage = (id: string, probability: number, outcome: 'open' | 'won' | 'lost' = 'open') => ({
  id,
  name: id,
  probability,
  outcome,
  requiredFields: [],
});
const defaultPipeline: PipelineValue = {
  name: 'New business',
  stages: [
    stage('qualify', 10),
    stage('quote', 50),
    stage('won', 100, 'won'),
    stage('lost', 0, 'lost'),
  ],
};
const renewal: PipelineValue = {
  name: 'Renewal',
  stages: [stage('quote', 80), stage('won', 100, 'won'), stage('lost', 0, 'lost')],
};
const pipelines = new Map([
  [DEFAULT_PIPELINE_ID, defaultPipeline],
  ['renewal', renewal],
]);

let n = 0;
function deal(overrides: Partial<ForecastDeal> = {}): ForecastDeal {
  n += 1;
  return {
    id: `d${n}`,
    name: `Deal ${n}`,
    ownerId: 'u-li',
    pipelineId: DEFAULT_PIPELINE_ID,
    stage: 'qualify',
    status: 'open',
    amount: 1000,
    probability: 10,
    closeDate: '2026-11-15',
    forecastCategory: '',
    ...overrides,
  };
}
const q4 = parsePeriod('2026-Q4') as Period;

describe('periods', () => {
  it('finds the month, quarter and year containing a date', () => {
    expect(periodOf('month', '2026-02-10')).toEqual({
      kind: 'month',
      key: '2026-02',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(periodOf('month', '2028-02-10').end).toBe('2028-02-29');
    expect(periodOf('quarter', '2026-11-30')).toEqual({
      kind: 'quarter',
      key: '2026-Q4',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(periodOf('year', '2026-05-01')).toMatchObject({ key: '2026', start: '2026-01-01' });
  });

  it('steps back and forth across years', () => {
    expect(shiftPeriod(q4, 1).key).toBe('2027-Q1');
    expect(shiftPeriod(q4, -4).key).toBe('2025-Q4');
    expect(shiftPeriod(periodOf('month', '2026-01-05'), -1).key).toBe('2025-12');
    expect(shiftPeriod(periodOf('year', '2026-01-05'), 1).key).toBe('2027');
  });

  it('parses target keys and refuses others', () => {
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('2026-03')?.end).toBe('2026-03-31');
  });
});

describe('one deal in a period', () => {
  it('weights an open deal by the probability of its own pipeline stage', () => {
    // 'quote' is 50 % in the default pipeline, 80 % in the renewal one; the deal's own 10 % is stale.
    const inDefault = deal({ stage: 'quote', amount: 12_345.67, probability: 10 });
    const inRenewal = deal({ stage: 'quote', amount: 12_345.67, pipelineId: 'renewal' });
    expect(dealContribution(inDefault, q4, pipelines).weighted).toBe(617_284); // 1 234 567 fen × 0.5, rounded
    expect(dealContribution(inRenewal, q4, pipelines).weighted).toBe(987_654); // × 0.8 = 987 653.6
  });

  it('gives the deal page the same weighted amount: stage probability, won in full, lost nothing', () => {
    const open = deal({ stage: 'quote', amount: 12_345.67, probability: 10, closeDate: '' });
    expect(dealWeightedFen(open, pipelines)).toBe(617_284); // not 10 %: no period needed either
    expect(dealWeightedFen({ ...open, status: 'won', stage: 'won' }, pipelines)).toBe(1_234_567);
    expect(dealWeightedFen({ ...open, status: 'lost', stage: 'lost' }, pipelines)).toBe(0);
  });

  it('keeps the probability a deal carries when its stage was deleted from its pipeline', () => {
    const orphan = deal({ stage: 'negotiate', probability: 60, amount: 1000 });
    expect(stageProbability(orphan, pipelines)).toEqual({ probability: 60, stageFound: false });
    expect(dealContribution(orphan, q4, pipelines)).toMatchObject({
      pipeline: 100_000,
      weighted: 60_000,
    });
  });

  it('sorts open deals by category; won counts in full as won; lost and omitted out of the pipeline', () => {
    expect(dealContribution(deal({ forecastCategory: 'commit' }), q4, pipelines)).toMatchObject({
      commit: 100_000,
      bestCase: 100_000,
      pipeline: 100_000,
    });
    expect(dealContribution(deal({ forecastCategory: 'bestCase' }), q4, pipelines)).toMatchObject({
      commit: 0,
      bestCase: 100_000,
      pipeline: 100_000,
    });
    expect(dealContribution(deal(), q4, pipelines)).toMatchObject({
      commit: 0,
      bestCase: 0,
      pipeline: 100_000,
      weighted: 10_000,
    });
    expect(dealContribution(deal({ forecastCategory: 'omitted' }), q4, pipelines)).toEqual({
      ...EMPTY_FORECAST,
      omitted: 100_000,
      deals: 1,
    });
    expect(
      dealContribution(
        deal({ status: 'won', stage: 'won', forecastCategory: 'commit' }),
        q4,
        pipelines,
      ),
    ).toEqual({ ...EMPTY_FORECAST, won: 100_000, deals: 1 });
    expect(dealContribution(deal({ status: 'lost', stage: 'lost' }), q4, pipelines)).toBe(
      EMPTY_FORECAST,
    );
  });

  it('moves with its close date: out of one period, into the next', () => {
    const before = deal({ forecastCategory: 'commit', closeDate: '2026-12-31' });
    const after = { ...before, closeDate: '2027-01-01' };
    const q1 = shiftPeriod(q4, 1);
    expect(dealContribution(before, q4, pipelines).commit).toBe(100_000);
    expect(dealContribution(after, q4, pipelines)).toBe(EMPTY_FORECAST);
    expect(dealContribution(after, q1, pipelines).commit).toBe(100_000);
    // An incremental sum follows the move: take the old contribution out, put the new one in.
    let sum = forecastOf([before, deal()], q4, pipelines);
    sum = addForecast(sum, dealContribution(before, q4, pipelines), -1);
    sum = addForecast(sum, dealContribution(after, q4, pipelines));
    expect(sum).toEqual(forecastOf([after, deal()], q4, pipelines));
    expect(dealContribution(deal({ closeDate: '' }), q4, pipelines)).toBe(EMPTY_FORECAST);
  });
});

describe('targets', () => {
  const targets = indexTargets([
    { period: '2026-10', memberId: 'u-li', amount: 100.1 },
    { period: '2026-11', memberId: 'u-li', amount: 200.2 },
    { period: '2026-Q4', memberId: 'u-wang', amount: 5000 },
    { period: '2026-12', memberId: 'u-wang', amount: 1 },
  ]);

  it('uses the target set for the period, else the sum of its months (in fen), else none', () => {
    expect(ownTarget(targets, 'u-wang', q4)).toEqual({ amount: 5000, source: 'set' });
    expect(ownTarget(targets, 'u-li', q4)).toEqual({ amount: 300.3, source: 'subPeriods' });
    expect(ownTarget(targets, 'u-li', parsePeriod('2026') as Period)).toEqual({
      amount: 300.3,
      source: 'subPeriods',
    });
    expect(ownTarget(targets, 'u-li', parsePeriod('2026-Q3') as Period)).toBeNull();
  });

  it('gives gap and attainment against won and commit; none without a target', () => {
    const sum = { ...EMPTY_FORECAST, won: 40_000, commit: 25_000 };
    expect(forecastNumbers(sum, 1000)).toMatchObject({ gap: 350, attainment: 0.4 });
    expect(forecastNumbers(sum, null)).toMatchObject({ gap: null, attainment: null });
    expect(forecastNumbers(sum, 0)).toMatchObject({ gap: -650, attainment: null });
    expect(forecastNumbers(EMPTY_FORECAST, 1000)).toMatchObject({
      won: 0,
      gap: 1000,
      attainment: 0,
    });
  });

  it('has one record id per member and period, within 64 characters', () => {
    expect(targetRecordId('u-li', '2026-Q4')).toBe('target:2026-Q4:u-li');
    const long = targetRecordId('x'.repeat(63), '2026-Q4');
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).not.toBe(targetRecordId(`${'x'.repeat(62)}y`, '2026-Q4'));
  });
});

describe('who sets targets', () => {
  const south = { id: 't-south', kind: 'team' as const, teamIds: [] };
  const li = { id: 'u-li', kind: 'user' as const, teamIds: ['t-south'] };
  it('lets a non-admin store a target only in its member’s team', () => {
    const manager = { role: 'manager' };
    expect(targetWriteRefusal(manager, { teamId: 't-south', memberId: 'u-li' }, li)).toBeNull();
    expect(
      targetWriteRefusal(manager, { teamId: 't-south', memberId: 't-south' }, south),
    ).toBeNull();
    expect(targetWriteRefusal(manager, { teamId: 't-east', memberId: 'u-li' }, li)).toEqual({
      reason: 'targetScope',
      memberId: 'u-li',
    });
    expect(
      targetWriteRefusal(manager, { teamId: 't-south', memberId: 'u-x' }, null),
    ).not.toBeNull();
    expect(targetWriteRefusal({ role: 'admin' }, { teamId: '', memberId: 'u-x' }, null)).toBeNull();
  });
  it('offers managers the teams of their scope and their people, reps nobody', () => {
    const scope = new Set(['t-south']);
    const east = { id: 'u-east', kind: 'user' as const, teamIds: ['t-east'] };
    expect(maySetTarget({ role: 'manager', scope }, li)).toBe(true);
    expect(maySetTarget({ role: 'manager', scope }, south)).toBe(true);
    expect(maySetTarget({ role: 'manager', scope }, east)).toBe(false);
    expect(maySetTarget({ role: 'rep', scope }, li)).toBe(false);
    expect(maySetTarget({ role: 'admin', scope: 'all' }, east)).toBe(true);
  });
  it('stores a person’s target in their first team the writer may write', () => {
    const both = { id: 'u-zhao', kind: 'user' as const, teamIds: ['t-east', 't-south'] };
    expect(targetTeamId(both, (t) => t === 't-south')).toBe('t-south');
    expect(targetTeamId(both, () => false)).toBe('t-east');
    expect(targetTeamId(south, () => false)).toBe('t-south');
  });
});

describe('forecastTree: team → person → deals', () => {
  const member = (m: Partial<ForecastMember> & Pick<ForecastMember, 'id' | 'kind' | 'name'>) => ({
    teamIds: [],
    parentTeamId: '',
    active: true,
    deleted: false,
    ...m,
  });
  const members: ForecastMember[] = [
    member({ id: 't-sales', kind: 'team', name: 'Sales' }),
    member({ id: 't-south', kind: 'team', name: 'South', parentTeamId: 't-sales' }),
    member({ id: 'u-li', kind: 'user', name: 'Li', teamIds: ['t-south'] }),
    member({ id: 'u-wang', kind: 'user', name: 'Wang', teamIds: ['t-sales', 't-south'] }),
    member({ id: 'u-old', kind: 'user', name: 'Old', teamIds: ['t-south'], active: false }),
    member({ id: 'u-solo', kind: 'user', name: 'Solo' }),
  ];
  const deals = [
    deal({ ownerId: 'u-li', forecastCategory: 'commit', amount: 3000, stage: 'quote' }),
    deal({ ownerId: 'u-li', status: 'won', stage: 'won', amount: 2000 }),
    deal({ ownerId: 'u-li', amount: 5000, closeDate: '2027-01-10' }), // next quarter
    deal({ ownerId: 'u-wang', forecastCategory: 'bestCase', amount: 1000 }),
    deal({ ownerId: 'u-wang', status: 'lost', stage: 'lost', amount: 9000 }),
  ];
  const targets = indexTargets([
    { period: '2026-Q4', memberId: 'u-li', amount: 10_000 },
    { period: '2026-Q4', memberId: 'u-wang', amount: 4000 },
    { period: '2026-Q4', memberId: 't-sales', amount: 20_000 },
  ]);
  const rows = forecastTree({ members, deals, targets, pipelines, period: q4 });

  it('rolls people up into teams, each deal once', () => {
    expect(rows.map((r) => r.name)).toEqual(['Sales', 'Solo']);
    const sales = rows[0];
    expect(sales.children.map((c) => c.name)).toEqual(['South', 'Wang']);
    // Li: commit 3000 (quote 50 % → 1500), won 2000; Wang: best case 1000 (qualify 10 % → 100).
    expect(sales.numbers).toMatchObject({
      won: 2000,
      commit: 3000,
      bestCase: 4000,
      pipeline: 4000,
      weighted: 1600,
      target: 20_000,
      gap: 15_000,
      deals: 3,
    });
    const south = findForecastRow(rows, 't-south');
    // South has no target of its own: Li's and Wang's (Old has none) add up.
    expect(south?.numbers).toMatchObject({ won: 2000, pipeline: 4000, target: 14_000, gap: 9000 });
    expect(south?.targetSource).toBe('members');
    expect(south?.children.map((c) => c.name)).toEqual(['Li', 'Wang']); // inactive Old has nothing
  });

  it('lists a person’s deals in the period, largest first', () => {
    const li = findForecastRow(rows, 'u-li');
    expect(li?.deals.map((d) => d.amount)).toEqual([3000, 2000]);
    expect(li?.numbers).toMatchObject({ won: 2000, commit: 3000, attainment: 0.2, gap: 5000 });
  });

  it('shows an empty period as zeros against the target', () => {
    const empty = forecastTree({
      members,
      deals,
      targets,
      pipelines,
      period: parsePeriod('2026-Q2') as Period,
    });
    expect(empty[0].numbers).toMatchObject({
      won: 0,
      pipeline: 0,
      weighted: 0,
      target: null,
      gap: null,
    });
    expect(findForecastRow(empty, 'u-solo')?.deals).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID, type PipelineValue } from '../domain';
import {
  contractsUpForRenewal,
  daysUntil,
  renewalDealDraft,
  renewalDealId,
  renewalPipeline,
  renewalRange,
} from './renewals';

const renewalFlow: PipelineValue = {
  name: '续约管道',
  stages: [
    { id: 'won-early', name: 'x', probability: 100, outcome: 'won', requiredFields: [] },
    { id: 'r-contact', name: '联系', probability: 30, outcome: 'open', requiredFields: [] },
    { id: 'r-lost', name: '流失', probability: 0, outcome: 'lost', requiredFields: [] },
  ],
};
const defaults = { id: DEFAULT_PIPELINE_ID, value: DEFAULT_PIPELINE };

describe('renewal windows', () => {
  const c = (endDate: string, status: 'active' | 'expired' = 'active', deleted = false) => ({
    endDate,
    status,
    deleted,
  });

  it('covers today through today + N days, soonest first; other statuses, deleted and past ends stay out', () => {
    expect(renewalRange('2026-12-07', 30)).toEqual({ from: '2026-12-07', to: '2027-01-06' });
    const contracts = [
      c('2027-01-06'),
      c('2026-12-27'),
      c('2027-01-07'),
      c('2026-12-06'),
      c('2026-12-07'),
      c('2026-12-20', 'expired'),
      c('2026-12-21', 'active', true),
      c(''),
    ];
    expect(contractsUpForRenewal(contracts, '2026-12-07', 30).map((x) => x.endDate)).toEqual([
      '2026-12-07',
      '2026-12-27',
      '2027-01-06',
    ]);
    expect(contractsUpForRenewal(contracts, '2026-12-07', 60)).toHaveLength(4);
  });

  it('days left', () => {
    expect(daysUntil('2026-12-07', '2026-12-27')).toBe(20);
    expect(daysUntil('2026-12-07', '2026-12-07')).toBe(0);
    expect(daysUntil('2026-12-07', '2026-12-01')).toBe(-6);
  });
});

describe('the renewal deal', () => {
  const contract = {
    id: 'c-1',
    accountId: 'a-1',
    amount: 120_000,
    endDate: '2026-12-27',
    ownerId: 'u-rep',
    teamId: 't-east',
  };

  it('goes into a pipeline named renewal, its first open stage', () => {
    expect(renewalPipeline([defaults, { id: 'pipeline-x', value: renewalFlow }])).toEqual({
      pipelineId: 'pipeline-x',
      stage: 'r-contact',
      probability: 30,
    });
    expect(
      renewalPipeline([
        defaults,
        { id: 'renewal', value: { ...renewalFlow, name: 'After-sales' } },
      ]),
    ).toEqual({ pipelineId: 'renewal', stage: 'r-contact', probability: 30 });
  });

  it("else the default pipeline's first stage", () => {
    const other = { id: 'pipeline-y', value: { ...DEFAULT_PIPELINE, name: '新业务' } };
    expect(renewalPipeline([other, defaults])).toEqual({
      pipelineId: DEFAULT_PIPELINE_ID,
      stage: 'qualify',
      probability: 10,
    });
    expect(renewalPipeline([])).toBeNull();
  });

  it('for the account and owner, amount and close date from the contract, an id from contract and term', () => {
    expect(renewalDealDraft(contract, [defaults], '续约: 年度服务')).toEqual({
      id: renewalDealId('c-1', '2026-12-27'),
      name: '续约: 年度服务',
      accountId: 'a-1',
      pipelineId: DEFAULT_PIPELINE_ID,
      stage: 'qualify',
      probability: 10,
      amount: 120_000,
      closeDate: '2026-12-27',
      ownerId: 'u-rep',
      teamId: 't-east',
    });
  });

  it('the id is the same for the same term and differs for the next one', () => {
    const id = renewalDealId('c-1', '2026-12-27');
    expect(id).toBe(renewalDealId('c-1', '2026-12-27'));
    expect(id).not.toBe(renewalDealId('c-1', '2027-12-27'));
    expect(id).not.toBe(renewalDealId('c-2', '2026-12-27'));
    expect(renewalDealId('x'.repeat(64), '2026-12-27').length).toBeLessThanOrEqual(64);
  });
});

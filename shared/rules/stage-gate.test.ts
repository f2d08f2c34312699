import { describe, expect, it } from 'vitest';
import type { PipelineStage } from '../domain/entities';
import { buildBareDeal } from '../../test/support/factories';
import { DEFAULT_PIPELINE } from '../domain/defaults';
import { canEnterStage, missingStageFields } from './stage-gate';

function stage(id: string): PipelineStage {
  const found = DEFAULT_PIPELINE.stages.find((s) => s.id === id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
}

describe('missingStageFields', () => {
  it('lets any deal enter a stage without required fields', () => {
    expect(missingStageFields(buildBareDeal(), stage('qualify'))).toEqual([]);
    expect(canEnterStage(buildBareDeal(), stage('qualify'))).toBe(true);
  });

  it('lists every empty required field of 报价 in the stage order', () => {
    expect(missingStageFields(buildBareDeal(), stage('quote'))).toEqual([
      'amount',
      'closeDate',
      'budget',
      'decisionMakerId',
      'competitor',
    ]);
    expect(canEnterStage(buildBareDeal(), stage('quote'))).toBe(false);
  });

  it('lets a deal with budget, decision maker and competitor enter 报价', () => {
    const deal = buildBareDeal({
      amount: 480_000,
      closeDate: '2025-09-30',
      budget: '50 万',
      decisionMakerId: 'con-1',
      competitor: 'Salesforce',
    });
    expect(missingStageFields(deal, stage('quote'))).toEqual([]);
    expect(canEnterStage(deal, stage('quote'))).toBe(true);
  });

  it('counts an amount of 0 as missing', () => {
    expect(
      missingStageFields(buildBareDeal({ amount: 0, closeDate: '2025-09-30' }), stage('proposal')),
    ).toEqual(['amount']);
    expect(
      missingStageFields(
        buildBareDeal({ amount: 0.01, closeDate: '2025-09-30' }),
        stage('proposal'),
      ),
    ).toEqual([]);
  });

  it('counts whitespace-only text as missing', () => {
    const deal = buildBareDeal({
      amount: 1,
      closeDate: '2025-09-30',
      budget: '   ',
      decisionMakerId: 'con-1',
      competitor: '\n',
    });
    expect(missingStageFields(deal, stage('quote'))).toEqual(['budget', 'competitor']);
  });

  it('requires a lost reason to enter 输单', () => {
    expect(missingStageFields(buildBareDeal(), stage('lost'))).toEqual(['lostReason']);
    expect(canEnterStage(buildBareDeal({ lostReason: '预算被砍' }), stage('lost'))).toBe(true);
  });

  it('treats a zero number other than amount as filled, and an empty list as missing', () => {
    const custom: PipelineStage = {
      id: 'x',
      name: 'X',
      probability: 0,
      outcome: 'open',
      requiredFields: ['probability', 'rank', 'lineItems'],
    };
    expect(missingStageFields(buildBareDeal({ probability: 0, rank: 0 }), custom)).toEqual([
      'lineItems',
    ]);
    const withItems = buildBareDeal({
      lineItems: [{ id: 'l', product: 'p', quantity: 1, unitPrice: 1, discount: 0 }],
    });
    expect(missingStageFields(withItems, custom)).toEqual([]);
  });

  it('reports a required field the deal does not have, so a misconfigured stage is visible', () => {
    const custom: PipelineStage = {
      id: 'x',
      name: 'X',
      probability: 0,
      outcome: 'open',
      requiredFields: ['nonexistent', 'toString'],
    };
    expect(missingStageFields(buildBareDeal(), custom)).toEqual(['nonexistent', 'toString']);
  });
});

import { describe, expect, it } from 'vitest';
import type { PipelineValue } from '../domain/entities';
import { buildBareDeal } from '../../test/support/factories';
import { DEFAULT_PIPELINE } from '../domain/defaults';
import {
  checkStageEntry,
  derivedDealFields,
  findStage,
  moveDealToStage,
  saveDealStage,
  stageEntryChanges,
} from './deal-stage';

const READY_FOR_QUOTE = {
  amount: 480_000,
  closeDate: '2025-09-30',
  budget: '50 万',
  decisionMakerId: 'con-1',
  competitor: 'Salesforce',
};

const item = { id: 'l1', product: 'CRM', quantity: 2, unitPrice: 1_000, discount: 0 };

describe('derivedDealFields', () => {
  it('takes the line items total as the amount when there are line items', () => {
    expect(derivedDealFields(buildBareDeal({ amount: 5, lineItems: [item] })).amount).toBe(2_000);
  });
  it('keeps the typed amount without line items, and trims the name', () => {
    expect(derivedDealFields(buildBareDeal({ amount: 5, name: '  采购 ' }))).toEqual({
      amount: 5,
      name: '采购',
    });
  });
});

describe('stageEntryChanges / findStage', () => {
  it('sets stage, status from the outcome and the stage probability', () => {
    expect(stageEntryChanges(findStage(DEFAULT_PIPELINE, 'won')!)).toEqual({
      stage: 'won',
      status: 'won',
      probability: 100,
    });
    expect(stageEntryChanges(findStage(DEFAULT_PIPELINE, 'quote')!)).toMatchObject({
      status: 'open',
    });
  });
  it('finds nothing for an unknown stage', () => {
    expect(findStage(DEFAULT_PIPELINE, 'nope')).toBeUndefined();
  });
});

describe('moveDealToStage', () => {
  it('returns the changes when the gate is met', () => {
    expect(moveDealToStage(buildBareDeal(READY_FOR_QUOTE), 'quote', DEFAULT_PIPELINE)).toEqual({
      ok: true,
      changes: { stage: 'quote', status: 'open', probability: 60 },
    });
  });
  it('closes the deal when moved to a won stage', () => {
    const result = moveDealToStage(buildBareDeal({ amount: 1 }), 'won', DEFAULT_PIPELINE);
    expect(result).toEqual({
      ok: true,
      changes: { stage: 'won', status: 'won', probability: 100 },
    });
  });
  it('refuses with the missing gate fields, in the stage order', () => {
    const result = moveDealToStage(buildBareDeal({ budget: '10 万' }), 'quote', DEFAULT_PIPELINE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toEqual({
      reason: 'stageGate',
      stage: findStage(DEFAULT_PIPELINE, 'quote'),
      missing: ['amount', 'closeDate', 'decisionMakerId', 'competitor'],
    });
  });
  it('refuses an unknown stage', () => {
    expect(moveDealToStage(buildBareDeal(), 'nope', DEFAULT_PIPELINE)).toEqual({
      ok: false,
      refusal: { reason: 'unknownStage', stageId: 'nope' },
    });
  });
  it('counts line items as the amount', () => {
    const deal = buildBareDeal({ amount: 0, closeDate: '2025-09-30', lineItems: [item] });
    expect(moveDealToStage(deal, 'proposal', DEFAULT_PIPELINE).ok).toBe(true);
  });
  it('does not re-check the gate of the stage the deal is in (a reorder in its column)', () => {
    const deal = buildBareDeal({ stage: 'quote', probability: 55 });
    expect(moveDealToStage(deal, 'quote', DEFAULT_PIPELINE)).toEqual({
      ok: true,
      changes: { stage: 'quote', status: 'open', probability: 60 },
    });
  });
  it('uses the given pipeline, not the default one', () => {
    const custom: PipelineValue = {
      name: 'custom',
      stages: [
        { id: 'a', name: 'A', probability: 5, outcome: 'open', requiredFields: [] },
        { id: 'b', name: 'B', probability: 50, outcome: 'open', requiredFields: ['notes'] },
      ],
    };
    expect(moveDealToStage(buildBareDeal({ stage: 'a' }), 'b', custom)).toMatchObject({
      ok: false,
      refusal: { reason: 'stageGate', missing: ['notes'] },
    });
    expect(moveDealToStage(buildBareDeal({ stage: 'a', notes: 'x' }), 'b', custom)).toEqual({
      ok: true,
      changes: { stage: 'b', status: 'open', probability: 50 },
    });
  });
});

describe('checkStageEntry', () => {
  it('checks a new deal against the stage it is created in', () => {
    expect(
      checkStageEntry(null, buildBareDeal({ stage: 'needs' }), DEFAULT_PIPELINE),
    ).toMatchObject({
      reason: 'stageGate',
      missing: ['contactId'],
    });
    expect(
      checkStageEntry(null, buildBareDeal({ stage: 'needs', contactId: 'c1' }), DEFAULT_PIPELINE),
    ).toBeNull();
  });
  it('does not check a deal that stays in its stage', () => {
    const deal = buildBareDeal({ stage: 'quote' });
    expect(checkStageEntry(deal, { ...deal, notes: 'edited' }, DEFAULT_PIPELINE)).toBeNull();
  });
  it('checks a changed stage, and refuses an unknown one', () => {
    const deal = buildBareDeal();
    expect(checkStageEntry(deal, { ...deal, stage: 'lost' }, DEFAULT_PIPELINE)).toMatchObject({
      reason: 'stageGate',
      missing: ['lostReason'],
    });
    expect(checkStageEntry(deal, { ...deal, stage: 'gone' }, DEFAULT_PIPELINE)).toEqual({
      reason: 'unknownStage',
      stageId: 'gone',
    });
  });
});

describe('saveDealStage', () => {
  it('takes the status of the stage a new deal is created in, keeping the typed probability', () => {
    expect(
      saveDealStage(
        null,
        buildBareDeal({ stage: 'won', amount: 9, probability: 80 }),
        DEFAULT_PIPELINE,
      ),
    ).toEqual({ ok: true, changes: { status: 'won' } });
  });
  it('changes nothing when an edit keeps the stage, even if its gate is not met', () => {
    const deal = buildBareDeal({ stage: 'quote' });
    expect(saveDealStage(deal, { ...deal, name: 'x' }, DEFAULT_PIPELINE)).toEqual({
      ok: true,
      changes: {},
    });
  });
  it('refuses an edit into a stage whose gate is not met', () => {
    const deal = buildBareDeal();
    expect(saveDealStage(deal, { ...deal, stage: 'proposal' }, DEFAULT_PIPELINE)).toMatchObject({
      ok: false,
      refusal: { reason: 'stageGate', missing: ['amount', 'closeDate'] },
    });
  });
  it('refuses an unknown stage', () => {
    expect(saveDealStage(null, buildBareDeal({ stage: 'gone' }), DEFAULT_PIPELINE)).toEqual({
      ok: false,
      refusal: { reason: 'unknownStage', stageId: 'gone' },
    });
  });
});

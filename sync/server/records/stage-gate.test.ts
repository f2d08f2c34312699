import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID, type PipelineValue } from '@shared/domain';
import { RejectReason } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import { loadPipelines, pipelineOf, stageGateRefusal } from './stage-gate';

const DEFAULT_ONLY = new Map<string, PipelineValue>();
import { account, deal } from './test-fixtures';

describe('stageGateRefusal', () => {
  it('refuses a deal entering a stage whose required fields are empty, naming them', () => {
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'quote' }), DEFAULT_ONLY),
    ).toEqual({
      reason: RejectReason.stageGate,
      params: { stage: 'quote', fields: 'budget,decisionMakerId,competitor' },
    });
  });

  it('checks a new deal against the stage it is created in', () => {
    expect(stageGateRefusal('deals', null, deal('d', { stage: 'lost' }), DEFAULT_ONLY)).toEqual({
      reason: RejectReason.stageGate,
      params: { stage: 'lost', fields: 'lostReason' },
    });
  });

  it('reports an unknown stage as the missing field "stage"', () => {
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'gone' }), DEFAULT_ONLY),
    ).toEqual({ reason: RejectReason.stageGate, params: { stage: 'gone', fields: 'stage' } });
  });

  it('lets a deal that stays in its stage, a met gate and other collections through', () => {
    const inQuote = deal('d', { stage: 'quote' });
    expect(stageGateRefusal('deals', inQuote, { ...inQuote, notes: 'x' }, DEFAULT_ONLY)).toBe(null);
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'proposal' }), DEFAULT_ONLY),
    ).toBeNull();
    expect(stageGateRefusal('accounts', null, account('a'), DEFAULT_ONLY)).toBeNull();
  });
});

describe('loadPipelines and pipelineOf', () => {
  const custom: PipelineValue = {
    name: 'renewal',
    stages: [
      { id: 'a', name: 'A', probability: 5, outcome: 'open', requiredFields: ['competitor'] },
      { id: 'b', name: 'B', probability: 100, outcome: 'won', requiredFields: [] },
      { id: 'c', name: 'C', probability: 0, outcome: 'lost', requiredFields: [] },
    ],
  };
  /** A transaction answering the pipeline query with `rows`. */
  const txWith = (rows: unknown[]) => {
    const params: unknown[][] = [];
    const tx: SqlTx = {
      query: <T>(_text: string, p?: unknown[]) => {
        params.push(p ?? []);
        return Promise.resolve(rows as T[]);
      },
      exec: () => Promise.resolve(),
    };
    return { tx, params };
  };

  it('reads the workspace’s stored pipelines by key', async () => {
    const { tx, params } = txWith([{ data: { key: 'renewal', value: custom } }]);
    expect(await loadPipelines(tx, 'ws-9')).toEqual(new Map([['renewal', custom]]));
    expect(params).toEqual([['ws-9']]);
  });

  it('leaves out a stored value that does not validate', async () => {
    expect(
      await loadPipelines(txWith([{ data: { key: 'x', value: { name: 'x' } } }]).tx, 'ws'),
    ).toEqual(new Map());
  });

  it('picks the deal’s own pipeline, else the stored default, else the built-in one', () => {
    const stored = new Map([['renewal', custom]]);
    expect(pipelineOf(stored, 'renewal')).toBe(custom);
    expect(pipelineOf(stored, 'gone')).toBe(DEFAULT_PIPELINE);
    expect(pipelineOf(new Map([[DEFAULT_PIPELINE_ID, custom]]), 'gone')).toBe(custom);
  });

  it('holds a deal to its own pipeline’s gate', () => {
    const stored = new Map([['renewal', custom]]);
    const inA = deal('d', { pipelineId: 'renewal', stage: 'a' });
    expect(stageGateRefusal('deals', null, inA, stored)).toEqual({
      reason: RejectReason.stageGate,
      params: { stage: 'a', fields: 'competitor' },
    });
    // 'quote' is no stage of the renewal pipeline.
    expect(stageGateRefusal('deals', null, { ...inA, stage: 'quote' }, stored)).toEqual({
      reason: RejectReason.stageGate,
      params: { stage: 'quote', fields: 'stage' },
    });
  });
});

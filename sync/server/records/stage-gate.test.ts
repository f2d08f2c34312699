import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, type PipelineValue } from '@shared/domain';
import { RejectReason } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import { loadPipeline, stageGateRefusal } from './stage-gate';
import { account, deal } from './test-fixtures';

describe('stageGateRefusal', () => {
  it('refuses a deal entering a stage whose required fields are empty, naming them', () => {
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'quote' }), DEFAULT_PIPELINE),
    ).toEqual({
      reason: RejectReason.stageGate,
      params: { stage: 'quote', fields: 'budget,decisionMakerId,competitor' },
    });
  });

  it('checks a new deal against the stage it is created in', () => {
    expect(stageGateRefusal('deals', null, deal('d', { stage: 'lost' }), DEFAULT_PIPELINE)).toEqual(
      { reason: RejectReason.stageGate, params: { stage: 'lost', fields: 'lostReason' } },
    );
  });

  it('reports an unknown stage as the missing field "stage"', () => {
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'gone' }), DEFAULT_PIPELINE),
    ).toEqual({ reason: RejectReason.stageGate, params: { stage: 'gone', fields: 'stage' } });
  });

  it('lets a deal that stays in its stage, a met gate and other collections through', () => {
    const inQuote = deal('d', { stage: 'quote' });
    expect(stageGateRefusal('deals', inQuote, { ...inQuote, notes: 'x' }, DEFAULT_PIPELINE)).toBe(
      null,
    );
    expect(
      stageGateRefusal('deals', deal('d'), deal('d', { stage: 'proposal' }), DEFAULT_PIPELINE),
    ).toBeNull();
    expect(stageGateRefusal('accounts', null, account('a'), DEFAULT_PIPELINE)).toBeNull();
  });
});

describe('loadPipeline', () => {
  const custom: PipelineValue = {
    name: 'custom',
    stages: [
      { id: 'a', name: 'A', probability: 5, outcome: 'open', requiredFields: [] },
      { id: 'b', name: 'B', probability: 100, outcome: 'won', requiredFields: [] },
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

  it('reads the workspace’s stored pipeline', async () => {
    const { tx, params } = txWith([{ data: { value: custom } }]);
    expect(await loadPipeline(tx, 'ws-9')).toEqual(custom);
    expect(params).toEqual([['ws-9']]);
  });

  it('falls back to the default pipeline when none is stored or it is invalid', async () => {
    expect(await loadPipeline(txWith([]).tx, 'ws')).toEqual(DEFAULT_PIPELINE);
    expect(await loadPipeline(txWith([{ data: { value: { name: 'x' } } }]).tx, 'ws')).toEqual(
      DEFAULT_PIPELINE,
    );
  });
});

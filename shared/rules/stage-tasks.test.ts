import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, type PipelineValue } from '../domain';
import { stageEntryTasks, stageTaskId } from './stage-tasks';

const pipeline: PipelineValue = {
  ...DEFAULT_PIPELINE,
  stages: DEFAULT_PIPELINE.stages.map((stage) =>
    stage.id === 'quote'
      ? {
          ...stage,
          taskTemplates: [
            { id: 't1', title: '上传竞品分析', dueInDays: 2 },
            { id: 't2', title: 'Call the buyer', dueInDays: 0 },
          ],
        }
      : stage,
  ),
};
const deal = { id: 'd1', stage: 'quote', ownerId: 'u1', teamId: 'team-a', accountId: 'a1' };

describe('stageEntryTasks', () => {
  it('creates one task per template of the entered stage, for the owner, due N days after entry', () => {
    const tasks = stageEntryTasks({ stage: 'proposal' }, deal, pipeline, '2026-12-30');
    expect(tasks).toEqual([
      {
        id: stageTaskId('d1', 'quote', 't1', '2026-12-30'),
        subject: '上传竞品分析',
        dueDate: '2027-01-01',
        ownerId: 'u1',
        teamId: 'team-a',
        relatedId: 'd1',
        accountId: 'a1',
      },
      expect.objectContaining({ subject: 'Call the buyer', dueDate: '2026-12-30' }),
    ]);
  });

  it('creates nothing when the deal stays in its stage', () => {
    expect(stageEntryTasks({ stage: 'quote' }, deal, pipeline, '2026-12-30')).toEqual([]);
  });

  it('a new deal enters its first stage too', () => {
    expect(stageEntryTasks(null, deal, pipeline, '2026-12-30')).toHaveLength(2);
  });

  it('creates nothing for a stage without templates or an unknown stage', () => {
    expect(stageEntryTasks(null, { ...deal, stage: 'needs' }, pipeline, '2026-12-30')).toEqual([]);
    expect(stageEntryTasks(null, { ...deal, stage: 'gone' }, pipeline, '2026-12-30')).toEqual([]);
  });
});

describe('stageTaskId', () => {
  it('is the same for the same entry day (two laptops merge) and differs for another day or template', () => {
    const id = stageTaskId('d1', 'quote', 't1', '2026-12-30');
    expect(stageTaskId('d1', 'quote', 't1', '2026-12-30')).toBe(id);
    expect(stageTaskId('d1', 'quote', 't1', '2026-12-31')).not.toBe(id);
    expect(stageTaskId('d1', 'quote', 't2', '2026-12-30')).not.toBe(id);
    expect(stageTaskId('d2', 'quote', 't1', '2026-12-30')).not.toBe(id);
  });

  it('stays a valid record id (≤ 64 characters) for long parts', () => {
    expect(
      stageTaskId('d'.repeat(64), 's'.repeat(40), 't'.repeat(40), '2026-12-30').length,
    ).toBeLessThanOrEqual(64);
  });
});

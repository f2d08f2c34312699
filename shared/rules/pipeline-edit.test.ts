import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, pipelineValueSchema, type PipelineValue } from '../domain';
import { ValidationMessage } from '../validation/messages';
import { mayDeletePipeline, removedStageIds, stagesMissingTarget } from './pipeline-edit';

const withoutNeeds: PipelineValue = {
  ...DEFAULT_PIPELINE,
  stages: DEFAULT_PIPELINE.stages.filter((stage) => stage.id !== 'needs'),
};
const renamed: PipelineValue = {
  ...DEFAULT_PIPELINE,
  stages: DEFAULT_PIPELINE.stages.map((s) => (s.id === 'needs' ? { ...s, name: '需求分析' } : s)),
};

describe('removedStageIds', () => {
  it('names the stages an edit removes; a rename keeps the id, so nothing is removed', () => {
    expect(removedStageIds(DEFAULT_PIPELINE, withoutNeeds)).toEqual(['needs']);
    expect(removedStageIds(DEFAULT_PIPELINE, renamed)).toEqual([]);
  });
});

describe('stagesMissingTarget', () => {
  it('wants a target stage of the new pipeline for a removed stage with deals', () => {
    expect(stagesMissingTarget(DEFAULT_PIPELINE, withoutNeeds, { needs: 3 }, {})).toEqual([
      'needs',
    ]);
    expect(
      stagesMissingTarget(DEFAULT_PIPELINE, withoutNeeds, { needs: 3 }, { needs: 'needs' }),
    ).toEqual(['needs']);
    expect(
      stagesMissingTarget(DEFAULT_PIPELINE, withoutNeeds, { needs: 3 }, { needs: 'qualify' }),
    ).toEqual([]);
  });

  it('an empty removed stage needs no target', () => {
    expect(stagesMissingTarget(DEFAULT_PIPELINE, withoutNeeds, { needs: 0 }, {})).toEqual([]);
  });
});

describe('mayDeletePipeline', () => {
  it('only when no open deal uses it', () => {
    expect(mayDeletePipeline(0)).toBe(true);
    expect(mayDeletePipeline(1)).toBe(false);
  });
});

describe('pipelineValueSchema', () => {
  const messages = (value: unknown) =>
    pipelineValueSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

  it('accepts a stored pipeline without the new fields and one with exit criteria and task templates', () => {
    expect(messages(DEFAULT_PIPELINE)).toEqual([]);
    const quote = {
      ...DEFAULT_PIPELINE.stages[3],
      exitCriteria: ['客户确认预算'],
      taskTemplates: [{ id: 't1', title: '上传竞品分析', dueInDays: 2 }],
    };
    expect(
      messages({ ...DEFAULT_PIPELINE, stages: [...DEFAULT_PIPELINE.stages.slice(0, 3), quote] }),
    ).toEqual([ValidationMessage.pipelineNeedsClosing, ValidationMessage.pipelineNeedsClosing]);
  });

  it('refuses two stages with one id', () => {
    const stages = [...DEFAULT_PIPELINE.stages, { ...DEFAULT_PIPELINE.stages[0] }];
    expect(messages({ ...DEFAULT_PIPELINE, stages })).toEqual([
      ValidationMessage.pipelineStageTwice,
    ]);
  });

  it('refuses a pipeline without a won or a lost stage', () => {
    const stages = DEFAULT_PIPELINE.stages.filter((s) => s.outcome !== 'lost');
    expect(messages({ ...DEFAULT_PIPELINE, stages })).toEqual([
      ValidationMessage.pipelineNeedsClosing,
    ]);
  });

  it('refuses a task template with a negative or fractional due', () => {
    const bad = {
      ...DEFAULT_PIPELINE.stages[0],
      taskTemplates: [{ id: 't', title: 'x', dueInDays: 1.5 }],
    };
    expect(
      messages({ ...DEFAULT_PIPELINE, stages: [bad, ...DEFAULT_PIPELINE.stages.slice(1)] }),
    ).not.toEqual([]);
  });
});

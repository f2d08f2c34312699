import type { TFunction } from 'i18next';
import type { PipelineStage } from '@shared/domain';

/**
 * A stage's label: built-in stages are label keys (lists.stage.<name>); user-made stages show their typed name.
 * With the pipeline setting it configures, so history (which may not import deals) labels stages too.
 */
export function stageLabel(t: TFunction, stage: Pick<PipelineStage, 'name'> | string): string {
  const name = typeof stage === 'string' ? stage : stage.name;
  return t(`lists.stage.${name}`, { defaultValue: name });
}

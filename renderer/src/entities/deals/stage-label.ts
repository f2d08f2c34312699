import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PipelineStage } from '@shared/domain';

/** A stage's label: built-in stages are label keys (lists.stage.<name>); user-made stages show their typed name. */
export function stageLabel(t: TFunction, stage: Pick<PipelineStage, 'name'> | string): string {
  const name = typeof stage === 'string' ? stage : stage.name;
  return t(`lists.stage.${name}`, { defaultValue: name });
}

/** Stage labels in the current language (re-rendered when the language changes). */
export function useStageLabel(): (stage: Pick<PipelineStage, 'name'> | string) => string {
  const { t } = useTranslation();
  return useCallback((stage: Pick<PipelineStage, 'name'> | string) => stageLabel(t, stage), [t]);
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineStage } from '@shared/domain';
import { stageLabel } from '../settings/stage-label';

export { stageLabel };

/** Stage labels in the current language (re-rendered when the language changes). */
export function useStageLabel(): (stage: Pick<PipelineStage, 'name'> | string) => string {
  const { t } = useTranslation();
  return useCallback((stage: Pick<PipelineStage, 'name'> | string) => stageLabel(t, stage), [t]);
}

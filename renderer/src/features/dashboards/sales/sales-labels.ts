import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stageLabel } from '../../../entities/settings/stage-label';

/** How the sales dashboard names owners, stages, pipelines and sources in the current language. */
export function useSalesLabels() {
  const { t } = useTranslation();
  const owner = useCallback(
    (row: { ownerId: string; name: string }) =>
      row.name || (row.ownerId === '' ? t('dashboards.sales.unassigned') : row.ownerId),
    [t],
  );
  const stage = useCallback(
    (name: string) => (name === '' ? t('dashboards.sales.removedStage') : stageLabel(t, name)),
    [t],
  );
  const pipeline = useCallback(
    (name: string) => (name === 'default' ? t('settings.pipelines.defaultName') : name),
    [t],
  );
  const source = useCallback(
    (code: string) => (code === '' ? t('dashboards.sales.noSource') : t(`lists.source.${code}`)),
    [t],
  );
  return useMemo(() => ({ owner, stage, pipeline, source }), [owner, stage, pipeline, source]);
}

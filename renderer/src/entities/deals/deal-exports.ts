import type { TFunction } from 'i18next';
import type { Deal, PipelineValue } from '@shared/domain';
import type { Column } from '../../components/virtual-table';
import { stageLabel } from '../settings/stage-label';

type ExportSpec = NonNullable<Column<Deal>['export']>;

export interface DealExportContext {
  users: ReadonlyMap<string, { name: string }>;
  hides: (record: Deal, field: string) => boolean;
  accountName: (deal: Deal) => string;
  /** The workspace's pipelines by id: a deal's stage is named by its own pipeline (issue 20). */
  pipelines: ReadonlyMap<string, PipelineValue>;
  /** The page's pipeline, for deals whose own pipeline is not loaded yet. */
  fallback?: PipelineValue;
}

/**
 * How each column of the deals list exports (issue 17), in the UI language; a field the field policy hides
 * exports empty. One place, so the export→import round trip test reads exactly what the list writes.
 */
export function dealExports(t: TFunction, context: DealExportContext) {
  const { users, hides, accountName, pipelines, fallback } = context;
  const stageName = (d: Deal) => {
    const own = pipelines.get(d.pipelineId) ?? fallback;
    const stage = own?.stages.find((s) => s.id === d.stage);
    return stageLabel(t, stage ?? d.stage);
  };
  const categoryName = (d: Deal) =>
    d.status !== 'open'
      ? ''
      : d.forecastCategory
        ? t(`lists.forecastCategory.${d.forecastCategory}`)
        : t('lists.forecastCategory.pipeline');
  return {
    stageName,
    categoryName,
    specs: {
      name: { header: t('fields.dealName'), type: 'text', value: (d) => d.name },
      account: { header: t('fields.accountId'), type: 'text', value: accountName },
      stage: { header: t('fields.stage'), type: 'text', value: stageName },
      status: {
        header: t('fields.status'),
        type: 'text',
        value: (d) => t(`lists.dealStatus.${d.status}`),
      },
      // A hidden amount is empty in the file, never the replica's neutral 0.
      amount: {
        header: t('fields.amount'),
        type: 'money',
        value: (d) => (hides(d, 'amount') ? null : d.amount),
      },
      probability: { header: t('fields.probability'), type: 'number', value: (d) => d.probability },
      closeDate: { header: t('fields.closeDate'), type: 'date', value: (d) => d.closeDate },
      // An unowned deal's owner cell is empty, so the file imports back without inventing one.
      owner: {
        header: t('fields.ownerId'),
        type: 'text',
        value: (d) => (d.ownerId === '' ? '' : (users.get(d.ownerId)?.name ?? '')),
      },
      lastActivityAt: {
        header: t('common.lastActivityAt'),
        type: 'datetime',
        value: (d) => d.lastActivityAt || null,
      },
      updatedAt: { header: t('common.updatedAt'), type: 'datetime', value: (d) => d.updatedAt },
      forecastCategory: { header: t('fields.forecastCategory'), type: 'text', value: categoryName },
    } satisfies Record<string, ExportSpec>,
  };
}

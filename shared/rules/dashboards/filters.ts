import type { Deal } from '../../domain';

/**
 * What every dashboard is filtered by (issue 22): a period of whole days and, optionally, one team (with the teams
 * under it) and one owner. '' means "all the viewer may see": the replica only holds the viewer's scope, so a
 * dashboard never needs to filter by permission itself.
 */
export type DashboardPeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface DashboardFilters {
  periodKind: DashboardPeriodKind;
  /** First day of the period, 'YYYY-MM-DD' (business day, UTC+8 as campaign-metrics.ts `businessDayOf`). */
  start: string;
  /** Last day of the period, inclusive, 'YYYY-MM-DD'. */
  end: string;
  /** A team id ('' = every team the viewer sees). The team's sub-teams are included. */
  teamId: string;
  /** A member id ('' = everyone in the chosen team). */
  ownerId: string;
}

/**
 * The slice of a deal the sales dashboard reads (issue 22, B8). The dashboard's data source keeps an in-memory
 * array of these (small, so 100k of them recompute in a few ms) and updates it from the change stream.
 */
export type SalesDeal = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'ownerId'
  | 'teamId'
  | 'accountId'
  | 'pipelineId'
  | 'stage'
  | 'status'
  | 'amount'
  | 'probability'
  | 'closeDate'
  | 'createdAt'
  | 'updatedAt'
  | 'source'
  | 'campaignId'
  | 'forecastCategory'
  | 'deleted'
>;

/** The fields of `SalesDeal`, for projecting a stored deal onto it (query `fields`, snapshot writers). */
export const SALES_DEAL_FIELDS = [
  'id',
  'name',
  'ownerId',
  'teamId',
  'accountId',
  'pipelineId',
  'stage',
  'status',
  'amount',
  'probability',
  'closeDate',
  'createdAt',
  'updatedAt',
  'source',
  'campaignId',
  'forecastCategory',
  'deleted',
] as const satisfies readonly (keyof SalesDeal)[];

/** A deal projected onto `SalesDeal` (drops everything else: line items, quotes, notes). */
export function toSalesDeal(deal: Deal): SalesDeal {
  const slim = {} as Record<string, unknown>;
  for (const field of SALES_DEAL_FIELDS) slim[field] = deal[field];
  return slim as SalesDeal;
}

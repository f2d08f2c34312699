import { useQuery } from '@tanstack/react-query';
import type { Deal } from '@shared/domain';
import { dealsTotal } from '@shared/rules/deal-math';
import { useRepositories } from '../../hooks/use-workspace';
import { usePagedList } from '../../hooks/use-paged-list';
import type { DealFilter } from '../../data/repositories/deal-repository';
import { settingKeys } from '../settings/queries';

export type { DealFilter };

/** Cards loaded per board column; a longer column says how many more there are (the table shows them all). */
export const BOARD_COLUMN_LIMIT = 200;

/** Hierarchical keys (all → lists → list(filter) → detail(id)); the first element is the collection. */
export const dealKeys = {
  all: ['deals'] as const,
  lists: () => [...dealKeys.all, 'list'] as const,
  list: (filter: DealFilter) => [...dealKeys.lists(), filter] as const,
  boards: () => [...dealKeys.all, 'board'] as const,
  board: (stageIds: readonly string[], pipelineId = '') =>
    [...dealKeys.boards(), stageIds, pipelineId] as const,
  boardTotals: (stageIds: readonly string[], pipelineId = '') =>
    [...dealKeys.all, 'boardTotals', stageIds, pipelineId] as const,
  detail: (id: string) => [...dealKeys.all, 'detail', id] as const,
  byAccount: (accountId: string) => [...dealKeys.all, 'byAccount', accountId] as const,
};

export interface BoardColumnData {
  stageId: string;
  /** The first BOARD_COLUMN_LIMIT deals of the stage, by rank. */
  deals: Deal[];
  /** All deals in the stage (may exceed deals.length). */
  count: number;
}

/** A pipeline (stages, probabilities, stage gates): the deal's own by id, the default one without an id. */
export function usePipelineQuery(id?: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.pipeline(id),
    queryFn: () => repos.settings.pipeline(id || undefined),
  });
}

/** Every pipeline of the workspace (issue 20), the default one first. */
export function usePipelinesQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: settingKeys.pipelines(), queryFn: () => repos.settings.pipelines() });
}

/** Board columns: per stage the first cards by rank and the number of deals (indexed deleted+stage+rank). */
export function useDealBoard(stageIds: readonly string[], pipelineId?: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: dealKeys.board(stageIds, pipelineId),
    queryFn: () =>
      Promise.all(
        stageIds.map(async (stageId): Promise<BoardColumnData> => {
          const [deals, count] = await Promise.all([
            repos.deals.byStage(stageId, BOARD_COLUMN_LIMIT, pipelineId),
            repos.deals.countInStage(stageId, pipelineId),
          ]);
          return { stageId, deals, count };
        }),
      ),
    enabled: stageIds.length > 0,
    placeholderData: (previous) => previous,
  });
}

/**
 * Amount per column over every deal in the stage (not only the loaded cards). A separate query so the cards
 * show at once and the sums follow.
 */
export function useDealBoardTotals(stageIds: readonly string[], pipelineId?: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: dealKeys.boardTotals(stageIds, pipelineId),
    queryFn: async () => {
      const totals: Record<string, number> = {};
      await Promise.all(
        stageIds.map(async (stageId) => {
          const count = await repos.deals.countInStage(stageId, pipelineId);
          const deals = count > 0 ? await repos.deals.byStage(stageId, count, pipelineId) : [];
          totals[stageId] = dealsTotal(deals);
        }),
      );
      return totals;
    },
    enabled: stageIds.length > 0,
    placeholderData: (previous) => previous,
  });
}

/** The deal table: pages of deals matching the filter, most recently updated first. */
export function useDealList(filter: DealFilter) {
  const repos = useRepositories();
  return usePagedList(dealKeys.list(filter), (limit, skip) =>
    repos.deals.listPage(filter, limit, skip),
  );
}

export function useDealQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: dealKeys.detail(id ?? ''),
    queryFn: () => repos.deals.get(id ?? ''),
    enabled: !!id,
  });
}

/** Deals of one account (account 360° page, contract form). */
export function useDealsByAccount(accountId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: dealKeys.byAccount(accountId ?? ''),
    queryFn: () => repos.deals.byAccount(accountId ?? ''),
    enabled: !!accountId,
  });
}

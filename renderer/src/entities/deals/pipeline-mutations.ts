import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PipelineValue } from '@shared/domain';
import { removedStageIds, type StageMoves } from '@shared/rules/pipeline-edit';
import { useRepositories } from '../../hooks/use-workspace';
import { dealKeys } from './queries';
import { settingKeys } from '../settings/queries';

export interface SavePipelineVariables {
  /** Undefined for a new pipeline. */
  id: string | undefined;
  before: PipelineValue | undefined;
  value: PipelineValue;
  /** Where the deals of each removed stage go (a stage of `value`). */
  moves: StageMoves;
}

/**
 * Saves a pipeline (a settings record: it syncs to every laptop), then moves the deals of each removed stage to
 * the stage the admin picked — each deal a normal write, so nothing is lost.
 */
export function useSavePipelineMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, before, value, moves }: SavePipelineVariables) => {
      const saved = await repos.settings.savePipeline(id, value);
      for (const stageId of before ? removedStageIds(before, value) : []) {
        const target = value.stages.find((stage) => stage.id === moves[stageId]);
        if (target) await repos.deals.moveStageDeals(saved.id, stageId, target);
      }
      return saved;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: settingKeys.all }),
        queryClient.invalidateQueries({ queryKey: dealKeys.all }),
      ]),
  });
}

export function useDeletePipelineMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => repos.settings.deletePipeline(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

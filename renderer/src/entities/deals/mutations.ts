import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deal, PipelineValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { Repositories, UpdateInput } from '../../data/repositories';
import type { DealInput } from '../../data/repositories/deal-repository';
import { dealKeys } from './queries';

export type { DealInput };

/*
 * The stage rules (gate, status, probability) are the shared commands in shared/rules/deal-stage.ts, applied by
 * DealRepository; these hooks only load the pipeline and call it.
 */

async function pipelineFor(
  repos: Repositories,
  pipelineId: string | undefined,
): Promise<PipelineValue> {
  return pipelineId ? repos.settings.pipeline(pipelineId) : repos.settings.pipeline();
}

export function useCreateDealMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async (input: DealInput) =>
      repos.deals.createInStage(input, await pipelineFor(repos, input.pipelineId)),
  });
}

/** Saves an edit; a changed stage passes the stage gate and goes to the end of its board column. */
export function useUpdateDealMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UpdateInput<Deal> }) => {
      if (patch.stage === undefined) return repos.deals.update(id, patch);
      const current = await repos.deals.get(id);
      if (!current) throw new Error(`deals/${id} not found`);
      if (patch.stage === current.stage) return repos.deals.update(id, patch);
      const pipeline = await pipelineFor(repos, patch.pipelineId ?? current.pipelineId);
      return repos.deals.edit(id, patch, pipeline);
    },
  });
}

export interface MoveDealVariables {
  id: string;
  stageId: string;
  /** Position in the column; the end of the column when omitted. */
  rank?: number;
  /** The pipeline already on screen (saves a read); loaded when omitted. */
  pipeline?: PipelineValue;
}

/**
 * Board drag and drop and the stage buttons: DealRepository.moveToStage checks the stage gate and throws
 * BusinessRuleError('deals.errors.stageGate') when fields are missing. The mutation stays pending until the
 * board has re-read the columns, so an optimistic card never jumps back for a frame.
 */
export function useMoveDealMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, stageId, rank, pipeline }: MoveDealVariables) =>
      repos.deals.moveToStage(
        id,
        pipeline ?? (await repos.settings.pipeline((await repos.deals.get(id))?.pipelineId)),
        stageId,
        rank,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dealKeys.boards() }),
  });
}

export function useDeleteDealMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.deals.softDelete(id) });
}

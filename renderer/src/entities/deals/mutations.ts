import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Deal, PipelineStage, PipelineValue } from '@shared/domain';
import { missingStageFields } from '@shared/rules/stage-gate';
import { lineItemsTotal } from '@shared/rules/deal-math';
import { useRepositories } from '../../hooks/use-workspace';
import { BusinessRuleError } from '../../data/errors';
import type { CreateInput, Repositories, UpdateInput } from '../../data/repositories';
import { dealKeys } from './queries';

/** What the deal form provides; status and rank follow from the stage. */
export type DealInput = Omit<CreateInput<Deal>, 'status' | 'rank'>;

function findStage(pipeline: PipelineValue, stageId: string): PipelineStage {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw new BusinessRuleError('deals.errors.unknownStage', { stage: stageId });
  return stage;
}

/**
 * The same stage gate as DealRepository.moveToStage (PRODUCT.md §2), for writes that set the stage from the
 * form: a deal cannot be created in, or edited into, a stage whose required fields are empty.
 */
function assertStageGate(deal: Deal, stage: PipelineStage): void {
  // The repository derives the amount from line items; check what will be stored.
  const effective =
    deal.lineItems.length > 0 ? { ...deal, amount: lineItemsTotal(deal.lineItems) } : deal;
  const missing = missingStageFields(effective, stage);
  if (missing.length > 0)
    throw new BusinessRuleError('deals.errors.stageGate', {
      stage: stage.name,
      fields: missing.join(','),
    });
}

async function pipelineFor(
  repos: Repositories,
  pipelineId: string | undefined,
): Promise<PipelineValue> {
  return pipelineId ? repos.settings.pipeline(pipelineId) : repos.settings.pipeline();
}

export function useCreateDealMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async (input: DealInput) => {
      const stage = findStage(await pipelineFor(repos, input.pipelineId), input.stage);
      assertStageGate({ ...input, status: stage.outcome, rank: 0 } as Deal, stage);
      const rank = await repos.deals.nextRank(stage.id);
      return repos.deals.create({ ...input, status: stage.outcome, rank });
    },
  });
}

/** Saves an edit; a changed stage passes the stage gate and goes to the end of its board column. */
export function useUpdateDealMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UpdateInput<Deal> }) => {
      const current = await repos.deals.get(id);
      if (!current) throw new Error(`deals/${id} not found`);
      if (patch.stage === undefined || patch.stage === current.stage)
        return repos.deals.update(id, patch);
      const stage = findStage(
        await pipelineFor(repos, patch.pipelineId ?? current.pipelineId),
        patch.stage,
      );
      assertStageGate({ ...current, ...patch }, stage);
      const rank = await repos.deals.nextRank(stage.id);
      return repos.deals.update(id, { ...patch, status: stage.outcome, rank });
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
      repos.deals.moveToStage(id, pipeline ?? (await repos.settings.pipeline()), stageId, rank),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dealKeys.boards() }),
  });
}

export function useDeleteDealMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.deals.softDelete(id) });
}

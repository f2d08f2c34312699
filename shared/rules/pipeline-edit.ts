import type { PipelineValue } from '../domain/entities';

/**
 * Editing a pipeline (issue 20): which stages an edit removes (their deals must move first, to a stage the admin
 * picks) and whether a pipeline may be deleted. Renaming keeps a stage's id, so renamed stages are not removed.
 */

/** The ids of `before`'s stages that `after` no longer has, in `before`'s order. */
export function removedStageIds(before: PipelineValue, after: PipelineValue): string[] {
  const kept = new Set(after.stages.map((stage) => stage.id));
  return before.stages.filter((stage) => !kept.has(stage.id)).map((stage) => stage.id);
}

/** Where the deals of each removed stage go: every removed stage needs a target that `after` has. */
export type StageMoves = Readonly<Record<string, string>>;

/** The removed stages (see removedStageIds) that have deals but no valid target in `moves`. */
export function stagesMissingTarget(
  before: PipelineValue,
  after: PipelineValue,
  dealsInStage: Readonly<Record<string, number>>,
  moves: StageMoves,
): string[] {
  const targets = new Set(after.stages.map((stage) => stage.id));
  return removedStageIds(before, after).filter(
    (id) => (dealsInStage[id] ?? 0) > 0 && !targets.has(moves[id] ?? ''),
  );
}

/** A pipeline may be deleted only when no open deal uses it (closed deals keep their stage id as history). */
export function mayDeletePipeline(openDealsInPipeline: number): boolean {
  return openDealsInPipeline === 0;
}

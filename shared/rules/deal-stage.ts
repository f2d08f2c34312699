import type { Deal, PipelineStage, PipelineValue } from '../domain/entities';
import { lineItemsTotal } from './deal-math';
import { missingStageFields } from './stage-gate';

/**
 * A deal's stage commands: what entering a stage sets on a deal, and when a deal may not enter
 * it. The app's repositories and the sync server both call these; nothing else decides a deal's stage.
 */

/** Why a deal may not take a stage: the pipeline has no such stage, or the stage gate wants fields filled. */
export type DealStageRefusal =
  | { reason: 'unknownStage'; stageId: string }
  | { reason: 'stageGate'; stage: PipelineStage; missing: string[] };

/** A command's answer: the fields to change, or why the change may not be made. */
export type RuleResult<Changes, Refusal> =
  { ok: true; changes: Changes } | { ok: false; refusal: Refusal };

/** What entering a stage sets: the stage, the status its outcome gives, and its probability. */
export type StageEntryChanges = Pick<Deal, 'stage' | 'status' | 'probability'>;

/** The pipeline's stage with this id, if it has one. */
export function findStage(pipeline: PipelineValue, stageId: string): PipelineStage | undefined {
  return pipeline.stages.find((stage) => stage.id === stageId);
}

/**
 * The fields a deal derives from others, as it is stored: a deal with line items is worth their total (without
 * items the typed amount stands), and the name is trimmed.
 */
export function derivedDealFields(deal: Pick<Deal, 'name' | 'amount' | 'lineItems'>): {
  name: string;
  amount: number;
} {
  return {
    name: deal.name.trim(),
    amount: deal.lineItems.length > 0 ? lineItemsTotal(deal.lineItems) : deal.amount,
  };
}

/**
 * What entering `stage` sets on a deal: status follows the stage's outcome (a won/lost stage closes the deal)
 * and probability is the stage's. The deal form proposes the same probability when a stage is picked.
 */
export function stageEntryChanges(stage: PipelineStage): StageEntryChanges {
  return { stage: stage.id, status: stage.outcome, probability: stage.probability };
}

/**
 * The stage gate for a write: `null` when `after` may be stored, else why not. The gate applies only when the
 * deal enters a stage (a new deal, or a changed stage); a deal that stays where it is is not checked again, so
 * a pipeline that gained a required field does not lock existing deals. `after` is checked as it will be
 * stored (derived amount included), so the app and the server decide the same.
 */
export function checkStageEntry(
  before: Pick<Deal, 'stage'> | null,
  after: Deal,
  pipeline: PipelineValue,
): DealStageRefusal | null {
  if (before && before.stage === after.stage) return null;
  const stage = findStage(pipeline, after.stage);
  if (!stage) return { reason: 'unknownStage', stageId: after.stage };
  const missing = missingStageFields({ ...after, ...derivedDealFields(after) }, stage);
  return missing.length > 0 ? { reason: 'stageGate', stage, missing } : null;
}

/**
 * Move a deal to a stage (board drag and drop, stage buttons): the changes to make — stage, status and
 * probability follow the stage — or the refusal (unknown stage, or the gate's missing fields). Moving a deal to
 * the stage it is in re-applies the stage's status and probability without checking the gate again.
 */
export function moveDealToStage(
  deal: Deal,
  stageId: string,
  pipeline: PipelineValue,
): RuleResult<StageEntryChanges, DealStageRefusal> {
  const stage = findStage(pipeline, stageId);
  if (!stage) return { ok: false, refusal: { reason: 'unknownStage', stageId } };
  const refusal = checkStageEntry(deal, { ...deal, stage: stage.id }, pipeline);
  return refusal ? { ok: false, refusal } : { ok: true, changes: stageEntryChanges(stage) };
}

/**
 * Save a deal from the form (create, or an edit that may change the stage): entering a stage passes its gate and
 * takes the stage's status; the probability stays what the person typed (the form proposed the stage's). An
 * edit that keeps the stage changes nothing here. `before` is null for a new deal.
 */
export function saveDealStage(
  before: Deal | null,
  after: Deal,
  pipeline: PipelineValue,
): RuleResult<Partial<Pick<Deal, 'status'>>, DealStageRefusal> {
  if (before && before.stage === after.stage) return { ok: true, changes: {} };
  const refusal = checkStageEntry(before, after, pipeline);
  if (refusal) return { ok: false, refusal };
  const stage = findStage(pipeline, after.stage) as PipelineStage;
  return { ok: true, changes: { status: stage.outcome } };
}

import type { Deal, PipelineStage } from '../domain/entities';

/**
 * Stage gates: each pipeline stage lists deal fields that must be filled before a deal may
 * enter it, e.g. 报价 needs amount, close date, budget, decision maker and competitor. The same check runs in
 * the app (board drag, stage picker) and on the server, so an offline move cannot skip a gate.
 */

/**
 * True when a deal field counts as "not filled in". Optional references and texts are stored as '' (see
 * shared/domain/base.ts), so blank strings are empty; an amount of 0 means nobody has estimated the deal
 * yet; an empty list (line items) is empty. A field name the deal does not have is treated as missing, so a
 * misconfigured pipeline shows up in the gate message instead of being ignored silently.
 */
function isEmptyDealValue(field: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return field === 'amount' ? value <= 0 : Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * Which of `stage.requiredFields` are empty on the deal, in the stage's order. An empty result means the
 * deal may enter the stage. The names are Deal field names, so the UI can label them (`deals.fields.<name>`).
 */
export function missingStageFields(deal: Deal, stage: PipelineStage): string[] {
  const values = deal as unknown as Readonly<Record<string, unknown>>;
  return stage.requiredFields.filter((field) =>
    isEmptyDealValue(field, Object.hasOwn(values, field) ? values[field] : undefined),
  );
}

/** True when every field the stage requires is filled in (see missingStageFields for what "filled" means). */
export function canEnterStage(deal: Deal, stage: PipelineStage): boolean {
  return missingStageFields(deal, stage).length === 0;
}

/** The deal fields a stage may require (the Settings pipeline editor offers these; issue 20). */
export const STAGE_GATE_FIELDS = [
  'contactId',
  'amount',
  'closeDate',
  'lineItems',
  'source',
  'budget',
  'decisionMakerId',
  'competitor',
  'lostReason',
  'notes',
] as const;

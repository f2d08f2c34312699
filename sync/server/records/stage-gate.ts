import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  pipelineValueSchema,
  type CollectionName,
  type Deal,
  type PipelineValue,
} from '@shared/domain';
import { checkStageEntry } from '@shared/rules/deal-stage';
import { RejectReason } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import type { Entity } from './types';
import type { WriteRefusal } from './write-permissions';

/** The workspace's deal pipelines by id (the settings record's key, which deals name in `pipelineId`). */
export type DealPipelines = ReadonlyMap<string, PipelineValue>;

/**
 * The workspace's stored deal pipelines (issue 20: several, edited in Settings). A stored value that does not
 * validate is left out, so the deal falls back as in `pipelineOf`.
 */
export async function loadPipelines(tx: SqlTx, workspaceId: string): Promise<DealPipelines> {
  const rows = await tx.query<{ data: { key?: unknown; value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'pipeline' AND deleted = false ORDER BY seq ASC`,
    [workspaceId],
  );
  const pipelines = new Map<string, PipelineValue>();
  for (const row of rows) {
    const parsed = pipelineValueSchema.safeParse(row.data.value);
    if (parsed.success && typeof row.data.key === 'string')
      pipelines.set(row.data.key, parsed.data);
  }
  return pipelines;
}

/**
 * A deal's pipeline: the one its `pipelineId` names, else the workspace's default pipeline record, else the
 * built-in default — the same order the app's SettingRepository.pipeline uses, so both gate alike.
 */
export function pipelineOf(pipelines: DealPipelines, pipelineId: unknown): PipelineValue {
  return (
    (typeof pipelineId === 'string' ? pipelines.get(pipelineId) : undefined) ??
    pipelines.get(DEFAULT_PIPELINE_ID) ??
    DEFAULT_PIPELINE
  );
}

/**
 * The stage gate for a pushed deal, decided by the shared command (shared/rules/deal-stage.ts checkStageEntry)
 * exactly as the app decides it, so an offline or foreign client cannot skip it. An unknown stage is reported
 * as the missing field 'stage'. The deal is checked against its own pipeline (`pipelineId`). Null when the
 * write may be made (and for other collections).
 */
export function stageGateRefusal(
  collection: CollectionName,
  before: Entity | null,
  after: Entity,
  pipelines: DealPipelines,
): WriteRefusal | null {
  if (collection !== 'deals') return null;
  const pipeline = pipelineOf(pipelines, after.pipelineId);
  const refusal = checkStageEntry(
    before as unknown as Deal | null,
    after as unknown as Deal,
    pipeline,
  );
  if (!refusal) return null;
  return {
    reason: RejectReason.stageGate,
    params: {
      stage: String(after.stage),
      fields: refusal.reason === 'stageGate' ? refusal.missing.join(',') : 'stage',
    },
  };
}

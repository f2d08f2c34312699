import {
  DEFAULT_PIPELINE,
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

/** The workspace's deal pipeline (its stored `settings` record), or the default one when it has none. */
export async function loadPipeline(tx: SqlTx, workspaceId: string): Promise<PipelineValue> {
  const [row] = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'pipeline' AND deleted = false ORDER BY seq DESC LIMIT 1`,
    [workspaceId],
  );
  const parsed = pipelineValueSchema.safeParse(row?.data.value);
  return parsed.success ? parsed.data : DEFAULT_PIPELINE;
}

/**
 * The stage gate for a pushed deal, decided by the shared command (shared/rules/deal-stage.ts checkStageEntry)
 * exactly as the app decides it, so an offline or foreign client cannot skip it. An unknown stage is reported
 * as the missing field 'stage'. Null when the write may be made (and for other collections).
 */
export function stageGateRefusal(
  collection: CollectionName,
  before: Entity | null,
  after: Entity,
  pipeline: PipelineValue,
): WriteRefusal | null {
  if (collection !== 'deals') return null;
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

import type { Principal } from '@shared/sync';
import { sameRecord, threeWayMerge, type FieldConflict } from '@shared/sync';
import type { Entity, PushRow, StoredRow } from './types';
import { entityOf } from './wire';

/** The state a pushed row would write, and the fields where a concurrent write lost a tie-break. */
export interface MergeOutcome {
  candidate: Entity;
  conflicts: FieldConflict[];
}

/**
 * The state to write for a pushed row: the pushed state when the client saw the stored state (its assumed master
 * state is what is stored) or there is nothing live to merge with; else a field-by-field three-way merge of the
 * assumed, stored and pushed states (shared/sync/merge.ts), the pushed value winning a tie.
 */
export function mergeIncoming(row: PushRow, stored: StoredRow | null): MergeOutcome {
  const incoming = entityOf(row.newDocumentState);
  if (!stored || stored.deleted) return { candidate: incoming, conflicts: [] };
  const assumed = row.assumedMasterState ? entityOf(row.assumedMasterState) : null;
  if (assumed && sameRecord(assumed, stored.data)) return { candidate: incoming, conflicts: [] };
  // Someone else wrote since this client last pulled.
  const merge = threeWayMerge(assumed, stored.data, incoming, 'incoming');
  return { candidate: merge.merged, conflicts: merge.conflicts };
}

/**
 * The fields the server owns, whatever the client sent: who wrote it last (the caller), an `updatedAt` that
 * moves forward, and, for an existing record, its creator, creation time and workspace.
 */
export function stampServerFields(
  candidate: Entity,
  principal: Principal,
  storedEntity: Entity | null,
): Entity {
  return {
    ...candidate,
    updatedBy: principal.userId,
    updatedAt: Math.max(Number(candidate.updatedAt) || 0, (storedEntity?.updatedAt ?? 0) + 1),
    ...(storedEntity
      ? {
          createdBy: storedEntity.createdBy,
          createdAt: storedEntity.createdAt,
          workspaceId: storedEntity.workspaceId,
        }
      : { createdBy: principal.userId }),
  };
}

import type { Principal, Stamp } from '@shared/sync';
import {
  encodeStamp,
  MERGE_IGNORED_FIELDS,
  sameRecord,
  stampLookup,
  threeWayMerge,
  UNSTAMPED_FIELDS,
  type FieldConflict,
} from '@shared/sync';
import type { Entity, PushRow, StoredRow } from './types';
import { entityOf } from './wire';

/** The stamps one pushed row is judged with (push-group.ts makes them with the server's clock). */
export interface RowStamping {
  /** The row's stamps, each clamped to the server's clock + the max skew (hlc.ts `clampStamp`). */
  incoming: Readonly<Record<string, Stamp>>;
  /** The server's stamp for this row: the receive time of unstamped paths, and what the server changes itself. */
  server: Stamp;
}

/** The node of the stamp a stored path without one falls back to (the record's last write). */
export const LEGACY_STAMP_NODE = 'legacy';

/** When a stored record was last written, as a stamp: what its unstamped paths count as (legacy records). */
export function legacyStamp(stored: StoredRow): Stamp {
  const wall = Number(stored.updated_at ?? stored.data.updatedAt) || 0;
  return encodeStamp({ wall, counter: 0, node: LEGACY_STAMP_NODE });
}

/**
 * A stored record's per-path stamps. A record written before stamps existed (or by a server write) has none:
 * each of its fields counts as edited at its last write, and is written down so on its first stamped write
 * (a later write of another field must not make the untouched ones look newer).
 */
export function storedClocks(stored: StoredRow | null): Record<string, Stamp> {
  if (!stored) return {};
  const clocks = stored.field_clocks ?? {};
  if (Object.keys(clocks).length > 0) return { ...clocks };
  const legacy = legacyStamp(stored);
  return Object.fromEntries(
    Object.keys(stored.data)
      .filter((f) => !f.startsWith('_') && !UNSTAMPED_FIELDS.has(f) && !MERGE_IGNORED_FIELDS.has(f))
      .map((f) => [f, legacy]),
  );
}

/** The state a pushed row would write, the paths where a concurrent write lost, and the pushed paths' stamps. */
export interface MergeOutcome {
  candidate: Entity;
  conflicts: FieldConflict[];
  /** The stamp of a path of the pushed state: as the merge decided it, else the row's, else the receive time. */
  incomingStamp: (path: string) => Stamp;
}

/**
 * The state to write for a pushed row: the pushed state when the client saw the stored state (its assumed master
 * state is what is stored) or there is nothing live to merge with; else a three-way merge of the assumed, stored
 * and pushed states (shared/sync/merge.ts) where the later edit wins each path both sides changed: stored
 * stamps (legacy paths: the record's last write) against the row's clamped stamps (unstamped: receive time).
 */
export function mergeIncoming(
  row: PushRow,
  stored: StoredRow | null,
  stamping: RowStamping,
): MergeOutcome {
  const incoming = entityOf(row.newDocumentState);
  const rowStamp = stampLookup(stamping.incoming, stamping.server);
  if (!stored || stored.deleted)
    return { candidate: incoming, conflicts: [], incomingStamp: rowStamp };
  const assumed = row.assumedMasterState ? entityOf(row.assumedMasterState) : null;
  if (assumed && sameRecord(assumed, stored.data))
    return { candidate: incoming, conflicts: [], incomingStamp: rowStamp };
  // Someone else wrote since this client last pulled.
  const merge = threeWayMerge(assumed, stored.data, incoming, {
    stamps: {
      current: stampLookup(storedClocks(stored), legacyStamp(stored)),
      incoming: rowStamp,
    },
  });
  return {
    candidate: merge.merged,
    conflicts: merge.conflicts,
    incomingStamp: (path) => merge.stamps[path] ?? rowStamp(path),
  };
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

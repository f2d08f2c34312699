import type { CollectionName } from '@shared/domain';
import { canRead, checkWrite, type Principal, type Scope, type WireDoc } from '@shared/sync';
import type { Entity, PushRow, StoredRow } from './types';
import { toWire } from './wire';

/** Why a write is refused: an i18n key (RejectReason) and its values. */
export interface WriteRefusal {
  reason: string;
  params?: Record<string, string>;
}

/**
 * May `principal` replace `before` (null: a new record) by `after`? The rule is shared/sync's checkWrite (the
 * workspace, immutable ids, admin-only collections, team scope); null when allowed. A deletion is checked as a
 * write of the record onto itself.
 */
export function permissionRefusal(
  principal: Principal,
  scope: Scope,
  collection: CollectionName,
  before: Entity | null,
  after: Entity,
): WriteRefusal | null {
  const check = checkWrite(principal, scope, collection, before, after);
  if (check.ok) return null;
  return check.params ? { reason: check.reason, params: check.params } : { reason: check.reason };
}

/**
 * The stored state a refused push is answered with — as the pusher may see it: a record now outside their scope
 * comes back as a tombstone of what they already had (as a pull would remove it), never as it is now in the
 * other team.
 */
export function conflictFor(
  scope: Scope,
  collection: CollectionName,
  stored: StoredRow,
  row: PushRow,
): WireDoc {
  if (canRead(scope, collection, stored.data)) return toWire(stored.data, stored.deleted);
  const known = row.assumedMasterState ?? row.newDocumentState;
  return { ...known, id: stored.data.id, _deleted: true };
}

import type { CollectionName } from '@shared/domain';
import { targetWriteRefusal, type TargetMember } from '@shared/rules/forecast';
import { RejectReason, type Principal } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { Entity, PushRow } from './types';
import type { WriteRefusal } from './write-permissions';

/**
 * Targets (issue 20): checkWrite lets a manager write a target only into a team of their scope; this ties that
 * team to the member the target names (shared/rules/forecast.ts `targetWriteRefusal`), so a manager cannot file
 * another team's person under their own team. The members named are read once per group.
 */

/** The members a group's targets name, by id (absent: no such live member). */
export type TargetMembers = ReadonlyMap<string, TargetMember>;

export const NO_TARGET_MEMBERS: TargetMembers = new Map();

function targetMemberId(doc: Record<string, unknown>): string | null {
  if (doc.kind !== 'target') return null;
  const value = doc.value as { memberId?: unknown } | undefined;
  return typeof value?.memberId === 'string' && isStorableText(value.memberId)
    ? value.memberId
    : null;
}

/** The members named by the group's pushed targets (settings only; no query when there is none). */
export async function loadTargetMembers(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<TargetMembers> {
  if (collection !== 'settings') return NO_TARGET_MEMBERS;
  const ids = new Set<string>();
  for (const row of rows) {
    const id = targetMemberId(row.newDocumentState);
    if (id) ids.add(id);
  }
  if (ids.size === 0) return NO_TARGET_MEMBERS;
  const found = await tx.query<{ data: { id: string; kind: string; teamIds?: string[] } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND deleted = false AND id = ANY($2::text[])`,
    [workspaceId, [...ids]],
  );
  return new Map(
    found.map(({ data }) => [
      data.id,
      { id: data.id, kind: data.kind === 'team' ? 'team' : 'user', teamIds: data.teamIds ?? [] },
    ]),
  );
}

/** The refusal of a target whose team is not its member's (non-admins), else null. */
export function targetRefusal(
  principal: Principal,
  collection: CollectionName,
  after: Entity,
  members: TargetMembers,
): WriteRefusal | null {
  if (collection !== 'settings') return null;
  const memberId = targetMemberId(after);
  if (memberId === null) return null;
  const refusal = targetWriteRefusal(
    principal,
    { teamId: after.teamId, memberId },
    members.get(memberId) ?? null,
  );
  return refusal ? { reason: RejectReason.targetScope, params: { member: memberId } } : null;
}

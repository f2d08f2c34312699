import type { CollectionName } from '@shared/domain';
import { decideRecordTeam, type OwnerMember } from '@shared/rules/record-ownership';
import {
  RejectReason,
  PERSONAL_COLLECTIONS,
  WORKSPACE_WIDE_COLLECTIONS,
  type Principal,
  type Scope,
  type TeamNode,
} from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { Entity, PushRow, StoredRow } from './types';
import type { WriteRefusal } from './write-permissions';

/** What the ownership rule reads about people: the team tree and the owners a group of rows names. */
export interface OwnershipContext {
  teams: readonly TeamNode[];
  /** User members by id (only those named as owners; absent: no such user). */
  owners: ReadonlyMap<string, OwnerMember>;
}

export const NO_OWNERS: OwnershipContext = { teams: [], owners: new Map() };

interface MemberRow {
  data: {
    id: string;
    kind: string;
    parentTeamId?: string;
    deleted?: boolean;
  } & Partial<OwnerMember>;
}

/**
 * The owner ids a group's rows may need the rule for, or null when none creates a record or names another owner
 * or team than the stored one (the common edit: then no query is made). Stored owners are included, as a merge
 * may keep them; only text the database can hold is looked up.
 */
export function ownersToLoad(
  rows: readonly PushRow[],
  stored: readonly (StoredRow & { id: string })[],
): string[] | null {
  const byId = new Map(stored.map((row) => [row.id, row.data]));
  const moves = rows.some((row) => {
    const doc = row.newDocumentState;
    const before = byId.get(doc.id);
    return !before || before.ownerId !== doc.ownerId || before.teamId !== doc.teamId;
  });
  if (!moves) return null;
  return [
    ...rows.map((row) => row.newDocumentState.ownerId),
    ...stored.map((r) => r.data.ownerId),
  ].filter((id): id is string => typeof id === 'string' && isStorableText(id));
}

/**
 * The teams and the named owners from the `members` collection, as the app reads them from its replica (the
 * server mirrors its users and teams there), so both sides decide on the same people. One query per group.
 */
export async function loadOwnership(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  ownerIds: readonly string[],
): Promise<OwnershipContext> {
  if (WORKSPACE_WIDE_COLLECTIONS.has(collection) || PERSONAL_COLLECTIONS.has(collection))
    return NO_OWNERS;
  const rows = await tx.query<MemberRow>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND deleted = false AND (data->>'kind' = 'team' OR id = ANY($2::text[]))`,
    [workspaceId, [...new Set(ownerIds)].filter((id) => id !== '')],
  );
  const teams: TeamNode[] = [];
  const owners = new Map<string, OwnerMember>();
  for (const { data } of rows) {
    if (data.kind === 'team') teams.push({ id: data.id, parentTeamId: data.parentTeamId ?? '' });
    else if (data.kind === 'user' && data.deleted !== true)
      owners.set(data.id, {
        id: data.id,
        role: data.role ?? '',
        teamId: data.teamId ?? '',
        teamIds: data.teamIds ?? [],
        active: data.active ?? true,
      });
  }
  return { teams, owners };
}

/**
 * The shared ownership rule (shared/rules/record-ownership.ts) on one valid row: the record with the team its
 * owner gives it, or the refusal (a non-admin naming an owner outside their scope, or putting it in no team).
 * Workspace-wide collections (members, settings) have no owner's team and pass unchanged.
 */
export function applyOwnership(
  context: OwnershipContext,
  principal: Principal,
  scope: Scope,
  collection: CollectionName,
  before: Entity | null,
  after: Entity,
): { entity: Entity } | { refusal: WriteRefusal } {
  // Personal records (inbox marks) keep their owner's personal team; checkWrite admits only the owner's own.
  if (WORKSPACE_WIDE_COLLECTIONS.has(collection) || PERSONAL_COLLECTIONS.has(collection))
    return { entity: after };
  const decision = decideRecordTeam({
    writer: { userId: principal.userId, role: principal.role, scope },
    teams: context.teams,
    owner: context.owners.get(after.ownerId) ?? null,
    before,
    after,
  });
  if (decision.ok) {
    const { teamId } = decision.changes;
    return { entity: teamId === after.teamId ? after : { ...after, teamId } };
  }
  const { refusal } = decision;
  return refusal.reason === 'ownerOutOfScope'
    ? { refusal: { reason: RejectReason.ownerOutOfScope, params: { owner: refusal.ownerId } } }
    : { refusal: { reason: RejectReason.workspaceWide } };
}

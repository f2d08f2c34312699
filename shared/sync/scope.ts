import type { CollectionName, MemberRole } from '../domain';

/** Who is acting on the server, resolved from a verified token. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: MemberRole;
  teamIds: readonly string[];
  deviceId: string;
}

export interface TeamNode {
  id: string;
  parentTeamId: string;
}

/** 'all' for admins; otherwise the set of team ids whose records this person may see. */
export type Scope = 'all' | ReadonlySet<string>;

/**
 * Visibility by team: reps see their teams; managers their teams and every team below;
 * admins everything. Records with no team ('') belong to the whole workspace and are visible to all.
 */
export function scopeFor(
  principal: Pick<Principal, 'role' | 'teamIds'>,
  teams: readonly TeamNode[],
): Scope {
  if (principal.role === 'admin') return 'all';
  const visible = new Set(principal.teamIds);
  if (principal.role === 'manager') {
    const children = new Map<string, string[]>();
    for (const team of teams)
      children.set(team.parentTeamId, [...(children.get(team.parentTeamId) ?? []), team.id]);
    const queue = [...principal.teamIds];
    while (queue.length > 0) {
      for (const child of children.get(queue.pop()!) ?? []) {
        if (!visible.has(child)) {
          visible.add(child);
          queue.push(child);
        }
      }
    }
  }
  return visible;
}

export function inScope(scope: Scope, teamId: string): boolean {
  return scope === 'all' || teamId === '' || scope.has(teamId);
}

/** Collections every member of a workspace reads whole (names of people and teams, pipelines, lists). */
export const WORKSPACE_WIDE_COLLECTIONS: ReadonlySet<CollectionName> = new Set([
  'members',
  'settings',
]);

export function canRead(
  scope: Scope,
  collection: CollectionName,
  record: { teamId: string },
): boolean {
  return WORKSPACE_WIDE_COLLECTIONS.has(collection) || inScope(scope, record.teamId);
}

export const RejectReason = {
  validation: 'sync.rejected.validation',
  outOfScope: 'sync.rejected.outOfScope',
  adminOnly: 'sync.rejected.adminOnly',
  workspace: 'sync.rejected.workspace',
  stageGate: 'sync.rejected.stageGate',
  immutable: 'sync.rejected.immutable',
  ownerOutOfScope: 'sync.rejected.ownerOutOfScope',
  workspaceWide: 'sync.rejected.workspaceWide',
} as const;
export type RejectReasonKey = (typeof RejectReason)[keyof typeof RejectReason];

export type WriteCheck =
  { ok: true } | { ok: false; reason: RejectReasonKey; params?: Record<string, string> };

/**
 * May this person write `after` (replacing `before`, null for a new record)? The server runs this on every
 * push and REST write; the client may run it to warn early. Members are managed by admins only; settings
 * by admins, except each person's own saved filters.
 */
export function checkWrite(
  principal: Principal,
  scope: Scope,
  collection: CollectionName,
  before: { teamId: string; ownerId: string; workspaceId: string; id: string } | null,
  after: { teamId: string; ownerId: string; workspaceId: string; id: string; kind?: unknown },
): WriteCheck {
  if (
    after.workspaceId !== principal.workspaceId ||
    (before && before.workspaceId !== principal.workspaceId)
  ) {
    return { ok: false, reason: RejectReason.workspace };
  }
  if (before && before.id !== after.id) return { ok: false, reason: RejectReason.immutable };
  if (collection === 'members') {
    return principal.role === 'admin'
      ? { ok: true }
      : { ok: false, reason: RejectReason.adminOnly };
  }
  if (collection === 'settings') {
    if (principal.role === 'admin') return { ok: true };
    const ownFilter =
      after.kind === 'savedFilter' &&
      after.ownerId === principal.userId &&
      (!before || before.ownerId === principal.userId);
    return ownFilter ? { ok: true } : { ok: false, reason: RejectReason.adminOnly };
  }
  if (before && !inScope(scope, before.teamId))
    return { ok: false, reason: RejectReason.outOfScope, params: { team: before.teamId } };
  if (!inScope(scope, after.teamId))
    return { ok: false, reason: RejectReason.outOfScope, params: { team: after.teamId } };
  return { ok: true };
}

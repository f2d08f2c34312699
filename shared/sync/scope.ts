import type { CollectionName, MemberRole } from '../domain';
import { commentWriteRefusal } from '../rules/comments';

/** Who is acting on the server, resolved from a verified token. */
export interface Principal {
  userId: string;
  workspaceId: string;
  role: MemberRole;
  teamIds: readonly string[];
  /** Teams shared with this person read-only: read like their own, never written (none when absent). */
  readOnlyTeamIds?: readonly string[];
  deviceId: string;
}

export interface TeamNode {
  id: string;
  parentTeamId: string;
}

/** 'all' for admins; otherwise the set of team ids whose records this person may see. */
export type Scope = 'all' | ReadonlySet<string>;

/**
 * The team id of a person's own records (inbox marks, issue 18): only that person's scope holds it (and an admin's,
 * who sees everything), so the team filter that scopes every pull and fan-out sends each person their own marks and
 * nobody else's. '~' never starts a real team id; user ids are ≤ 63 characters here (`user-<uuid>` is 41).
 */
export function personalTeamId(userId: string): string {
  return `~${userId}`;
}

/** Collections of personal records: the owner's personal team, written by the owner only, never moved to a team. */
export const PERSONAL_COLLECTIONS: ReadonlySet<CollectionName> = new Set(['inbox_marks']);

/**
 * Visibility by team: reps see their teams; managers and viewers their teams and every team below (a viewer
 * with no team: the whole workspace); admins everything; everyone also the teams shared with them read-only.
 * Records with no team ('') belong to the whole workspace and are visible to all.
 */
export function scopeFor(
  principal: Pick<Principal, 'role' | 'teamIds' | 'readOnlyTeamIds'> & { userId?: string },
  teams: readonly TeamNode[],
): Scope {
  if (principal.role === 'admin') return 'all';
  if (principal.role === 'viewer' && principal.teamIds.length === 0) return 'all';
  const visible = new Set([...principal.teamIds, ...(principal.readOnlyTeamIds ?? [])]);
  // With the person known, their personal team too (their inbox marks); the ownership rule asks without it.
  if (principal.userId) visible.add(personalTeamId(principal.userId));
  if (principal.role === 'manager' || principal.role === 'viewer') {
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
  /** A change to a field the field policy hides from the writer (field-policy.ts). */
  hiddenField: 'sync.rejected.hiddenField',
  readOnly: 'sync.rejected.readOnly',
  ownerOutOfScope: 'sync.rejected.ownerOutOfScope',
  workspaceWide: 'sync.rejected.workspaceWide',
  /** A personal record (an inbox mark) written for someone else, or moved out of its owner's personal team. */
  personal: 'sync.rejected.personal',
  /** A comment is written and edited by its author only; deleted by its author or an admin (issue 18). */
  commentAuthorOnly: 'sync.rejected.commentAuthorOnly',
  /** An account whose 统一社会信用代码 another live account already has (shared/rules/duplicates.ts, issue 19). */
  creditCodeTaken: 'sync.rejected.creditCodeTaken',
  /** An approval decided already (first decision wins, issue 20): params `decider` (their name). */
  approvalDecided: 'sync.rejected.approvalDecided',
  /** A decision by someone the approval's current step does not name (shared/rules/approval-routing.ts). */
  approvalNotApprover: 'sync.rejected.approvalNotApprover',
  /** A requester deciding their own request. */
  approvalOwnRequest: 'sync.rejected.approvalOwnRequest',
  /** An approval created decided or for someone else, or changed other than by a decision. */
  approvalForged: 'sync.rejected.approvalForged',
  /** A sent quote version is frozen: its lines and terms cannot change (shared/rules/quote-math.ts, issue 20). */
  quoteFrozen: 'sync.rejected.quoteFrozen',
  /** A quote marked sent whose discount needs an approval it does not have (quote-math.ts, issue 20). */
  quoteNeedsApproval: 'sync.rejected.quoteNeedsApproval',
  /** Targets are set by admins, and by managers for their teams and their people only (issue 20). */
  targetScope: 'sync.rejected.targetScope',
  /** A contract whose number another live contract already has (shared/rules/contract-number.ts, issue 20). */
  contractNumberTaken: 'sync.rejected.contractNumberTaken',
  /** A contract made active above the approval threshold without an approval (contract-approval.ts, issue 20). */
  contractApproval: 'sync.rejected.contractApproval',
} as const;
export type RejectReasonKey = (typeof RejectReason)[keyof typeof RejectReason];

export type WriteCheck =
  { ok: true } | { ok: false; reason: RejectReasonKey; params?: Record<string, string> };

/**
 * Read-only access: a viewer writes no record, and nobody writes into (or out of) a team shared with them
 * read-only unless it is also one of their own teams. Settings follow their own rule below, which lets a
 * viewer keep their saved filters.
 */
function readOnlyRefusal(
  principal: Principal,
  collection: CollectionName,
  before: { teamId: string } | null,
  after: { teamId: string },
): WriteCheck | null {
  if (collection === 'settings') return null;
  if (principal.role === 'viewer') return { ok: false, reason: RejectReason.readOnly };
  const shared = principal.readOnlyTeamIds ?? [];
  const team = [before?.teamId, after.teamId].find(
    (id) => id && shared.includes(id) && !principal.teamIds.includes(id),
  );
  return team ? { ok: false, reason: RejectReason.readOnly, params: { team } } : null;
}

/**
 * May this person write `after` (replacing `before`, null for a new record)? The server runs this on every
 * push and REST write; the client may run it to warn early. Members are managed by admins only; settings
 * by admins, except each person's own saved filters, campaigns (managers too) and targets (managers, for their teams); comments by their authors (shared/rules/comments.ts).
 */
export function checkWrite(
  principal: Principal,
  scope: Scope,
  collection: CollectionName,
  before: {
    teamId: string;
    ownerId: string;
    workspaceId: string;
    id: string;
    kind?: unknown;
  } | null,
  after: { teamId: string; ownerId: string; workspaceId: string; id: string; kind?: unknown },
): WriteCheck {
  if (
    after.workspaceId !== principal.workspaceId ||
    (before && before.workspaceId !== principal.workspaceId)
  ) {
    return { ok: false, reason: RejectReason.workspace };
  }
  if (before && before.id !== after.id) return { ok: false, reason: RejectReason.immutable };
  // Personal records before the read-only rule: a viewer keeps their own inbox marks too.
  if (PERSONAL_COLLECTIONS.has(collection)) {
    const mine = (record: { ownerId: string; teamId: string }) =>
      record.ownerId === principal.userId && record.teamId === personalTeamId(principal.userId);
    return mine(after) && (!before || mine(before))
      ? { ok: true }
      : { ok: false, reason: RejectReason.personal };
  }
  const readOnly = readOnlyRefusal(principal, collection, before, after);
  if (readOnly) return readOnly;
  if (collection === 'members') {
    return principal.role === 'admin'
      ? { ok: true }
      : { ok: false, reason: RejectReason.adminOnly };
  }
  if (collection === 'settings') {
    if (principal.role === 'admin') return { ok: true };
    // Managers run marketing too (there is no marketing role): they keep the campaigns (issue 19).
    const campaign =
      principal.role === 'manager' &&
      after.kind === 'campaign' &&
      (!before || before.kind === 'campaign');
    if (campaign) return { ok: true };
    // Managers set targets for their teams and people: the record sits in the member's team (shared/rules
    // forecast.ts targetWriteRefusal ties the team to the member), which must be in their scope (issue 20).
    if (after.kind === 'target' || before?.kind === 'target') {
      const inTeams = (record: { teamId: string; kind?: unknown }) =>
        record.kind === 'target' && record.teamId !== '' && inScope(scope, record.teamId);
      return principal.role === 'manager' && inTeams(after) && (!before || inTeams(before))
        ? { ok: true }
        : { ok: false, reason: RejectReason.targetScope };
    }
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
  if (collection === 'activities' && commentWriteRefusal(principal, before, after) !== null)
    return { ok: false, reason: RejectReason.commentAuthorOnly };
  return { ok: true };
}

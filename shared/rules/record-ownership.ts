import type { Member } from '../domain/entities';
import { inScope, scopeFor, type Principal, type Scope, type TeamNode } from '../sync/scope';
import type { RuleResult } from './deal-stage';

/**
 * Who owns a record and which team it is in (issue 14 "Trust", items 1 and 6): nobody owns what they cannot
 * see, and a person hands records only to people inside their own scope. The app's repositories and the sync
 * server's write path (pushes and REST) both call `decideRecordTeam`; the owner pickers offer `mayAssignTo`.
 *
 * - A record's team follows its owner: the team written is kept when the owner can see it (one of their teams,
 *   a team below one they manage, any team for an admin), else it becomes the owner's first team the writer
 *   may write to (their primary team when it is). So reassigning a record to someone in another team the writer
 *   can see moves the record there too. A team the writer may not write to is left for the scope check
 *   (shared/sync `checkWrite`) to refuse.
 * - Only an admin creates a record with no team ('' — visible to the whole workspace) or moves one there.
 *   Records already workspace-wide stay so on edits (nothing is rewritten in bulk).
 * - A non-admin may make only themselves or a member with a team inside their scope the owner (an unassigned
 *   record, owner '', stays in a team of theirs).
 *
 * The rule is decided on a write that creates a record or changes its owner or team; other edits leave both
 * alone, so an owner's change of team never makes an unrelated edit fail.
 */

/** The part of a `members` record (kind user) the rule reads. */
export type OwnerMember = Pick<Member, 'id' | 'role' | 'teamId' | 'teamIds' | 'active'>;

/** The writer: who is acting, and the teams whose records they may write (shared/sync `scopeFor`). */
export interface OwnershipWriter {
  userId: string;
  role: Principal['role'];
  scope: Scope;
}

export type OwnershipRefusal =
  /** The owner is not the writer and has no team inside the writer's scope (or is unknown or inactive). */
  | { reason: 'ownerOutOfScope'; ownerId: string }
  /** A non-admin tried to put the record in no team (visible to the whole workspace). */
  | { reason: 'workspaceWide' };

export interface OwnershipInput {
  writer: OwnershipWriter;
  /** The workspace's team tree (a manager-owner sees the teams below theirs). */
  teams: readonly TeamNode[];
  /** The user member named by `after.ownerId`; null when there is none (or it is unknown or deleted). */
  owner: OwnerMember | null;
  /** The record as stored (null: a new record). */
  before: { ownerId: string; teamId: string } | null;
  after: { ownerId: string; teamId: string };
}

/** A member's teams, primary first (users keep it in `teamId` and as `teamIds[0]`). */
export function teamsOfMember(member: Pick<Member, 'teamId' | 'teamIds'>): string[] {
  return [...new Set([member.teamId, ...member.teamIds])].filter((team) => team !== '');
}

/**
 * The writer as the app knows them from its replica: their own `members` record (role and teams) and the team
 * tree (the server takes the same from the signed-in principal).
 */
export function writerFromMember(
  me: Pick<Member, 'id' | 'role' | 'teamId' | 'teamIds'>,
  teams: readonly TeamNode[],
): OwnershipWriter {
  const role = me.role === '' ? 'rep' : me.role;
  return { userId: me.id, role, scope: scopeFor({ role, teamIds: teamsOfMember(me) }, teams) };
}

/**
 * May `writer` make `owner` a record's owner? Themselves always; an admin anyone; anyone else an active member
 * with at least one team inside the writer's scope. The owner pickers offer exactly these people.
 */
export function mayAssignTo(writer: OwnershipWriter, owner: OwnerMember): boolean {
  if (owner.id === writer.userId || writer.role === 'admin') return true;
  if (!owner.active) return false;
  const { scope } = writer;
  return teamsOfMember(owner).some((team) => scope === 'all' || scope.has(team));
}

/** The team a record is written to, or why the owner or team may not be written (see the module comment). */
export function decideRecordTeam(
  input: OwnershipInput,
): RuleResult<{ teamId: string }, OwnershipRefusal> {
  const { writer, owner, before, after } = input;
  const ownerChanged = !before || before.ownerId !== after.ownerId;
  const teamChanged = !before || before.teamId !== after.teamId;
  if (!ownerChanged && !teamChanged) return { ok: true, changes: { teamId: after.teamId } };
  const admin = writer.role === 'admin';

  let teamId = after.teamId;
  if (after.ownerId !== '') {
    const assignable = owner !== null && mayAssignTo(writer, owner);
    if (ownerChanged && !admin && after.ownerId !== writer.userId && !assignable)
      return { ok: false, refusal: { reason: 'ownerOutOfScope', ownerId: after.ownerId } };
    if (owner) teamId = teamOwnerCanSee(input, owner) ?? teamId;
  }
  if (teamId === '' && !admin && (!before || before.teamId !== ''))
    return { ok: false, refusal: { reason: 'workspaceWide' } };
  return { ok: true, changes: { teamId } };
}

/**
 * `after.teamId` when the owner can see it, else the owner's first team the writer may write to; null when the
 * owner has no such team, or the writer named a team they may not write to (the team stays as written and the
 * scope check refuses it: a write outside one's scope is never quietly moved somewhere else).
 */
function teamOwnerCanSee(input: OwnershipInput, owner: OwnerMember): string | null {
  const { scope } = input.writer;
  if (!inScope(scope, input.after.teamId)) return null;
  const ownTeams = teamsOfMember(owner);
  const ownerScope = scopeFor(
    { role: owner.role === '' ? 'rep' : owner.role, teamIds: ownTeams },
    input.teams,
  );
  if (inScope(ownerScope, input.after.teamId)) return input.after.teamId;
  return ownTeams.find((team) => scope === 'all' || scope.has(team)) ?? null;
}

import { scopeFor, type Principal, type Scope } from '@shared/sync';
import type { Repositories } from './repositories';
import type { Session } from './session';

/** The rights of the person at this computer, as the server decides them (shared/sync/scope.ts). */
export interface Access {
  principal: Principal;
  scope: Scope;
  /** Team id → name, to say which team is shared read-only. */
  teamNames: ReadonlyMap<string, string>;
}

/**
 * Reads who may do what in this workspace. A local workspace belongs to its one user (everything allowed).
 * A team workspace follows the user's own mirrored member record (role, teams, teams shared read-only) and
 * the team tree in the replica, so an admin's change shows as soon as it syncs; until the member record has
 * arrived, the role and team of the sign-in stand in. The server stays the authority either way.
 */
export async function readAccess(repos: Repositories, session: Session): Promise<Access> {
  const base = {
    userId: session.userId,
    workspaceId: session.workspaceId,
    deviceId: session.deviceId ?? '',
  };
  if (session.mode === 'local') {
    const principal: Principal = { ...base, role: 'admin', teamIds: [session.teamId] };
    return { principal, scope: 'all', teamNames: new Map() };
  }
  const [me, teams] = await Promise.all([repos.members.get(session.userId), repos.members.teams()]);
  const principal: Principal = {
    ...base,
    role: me?.role || session.role || 'rep',
    teamIds: me ? me.teamIds : session.teamId ? [session.teamId] : [],
    readOnlyTeamIds: me?.readOnlyTeamIds ?? [],
  };
  const nodes = teams.map((team) => ({ id: team.id, parentTeamId: team.parentTeamId }));
  return {
    principal,
    scope: scopeFor(principal, nodes),
    teamNames: new Map(teams.map((team) => [team.id, team.name])),
  };
}

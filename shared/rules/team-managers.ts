/**
 * Whom an escalation goes to (issue 18): the managers of the owner's team; when that team has no manager (other
 * than the owner), the managers of its parent team, and so on up the team tree. Members are the `members`
 * collection: users (role, teams, primary team in `parentTeamId`) and teams (parent in `parentTeamId`).
 */
export interface MemberLike {
  id: string;
  kind: 'user' | 'team';
  role: string;
  teamIds: readonly string[];
  parentTeamId: string;
  active: boolean;
  deleted: boolean;
}

export interface TeamDirectory {
  /** The managers who receive escalations about records `ownerId` owns (never the owner). */
  managersOf(ownerId: string): readonly string[];
  /** The owners whose escalations reach `managerId` (the inverse of managersOf). */
  escalatingOwnersTo(managerId: string): readonly string[];
}

export function buildTeamDirectory(members: readonly MemberLike[]): TeamDirectory {
  const parentOf = new Map<string, string>();
  const managersByTeam = new Map<string, string[]>();
  const users = new Map<string, MemberLike>();
  for (const m of members) {
    if (m.deleted) continue;
    if (m.kind === 'team') {
      parentOf.set(m.id, m.parentTeamId);
      continue;
    }
    users.set(m.id, m);
    if (m.role !== 'manager' || !m.active) continue;
    for (const team of m.teamIds)
      managersByTeam.set(team, [...(managersByTeam.get(team) ?? []), m.id]);
  }
  const cache = new Map<string, readonly string[]>();
  const managersOf = (ownerId: string): readonly string[] => {
    const cached = cache.get(ownerId);
    if (cached) return cached;
    const owner = users.get(ownerId);
    let team = owner ? owner.parentTeamId || owner.teamIds[0] || '' : '';
    let found: string[] = [];
    const seen = new Set<string>();
    while (team && !seen.has(team)) {
      seen.add(team);
      found = (managersByTeam.get(team) ?? []).filter((id) => id !== ownerId);
      if (found.length > 0) break;
      team = parentOf.get(team) ?? '';
    }
    cache.set(ownerId, found);
    return found;
  };
  return {
    managersOf,
    escalatingOwnersTo: (managerId) =>
      [...users.keys()].filter((id) => managersOf(id).includes(managerId)),
  };
}

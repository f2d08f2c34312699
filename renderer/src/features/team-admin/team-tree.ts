import type { TeamRow } from './schemas';

export interface TeamTreeNode {
  team: TeamRow;
  depth: number;
  children: TeamTreeNode[];
}

/**
 * Arranges teams as the tree their parent ids describe (managers see their teams and
 * every team below). A team whose parent is unknown is shown at the top rather than hidden; cycles are cut.
 */
export function buildTeamTree(teams: readonly TeamRow[]): TeamTreeNode[] {
  const ids = new Set(teams.map((t) => t.id));
  const byParent = new Map<string, TeamRow[]>();
  for (const team of teams) {
    const parent =
      team.parent_team_id && ids.has(team.parent_team_id) && team.parent_team_id !== team.id
        ? team.parent_team_id
        : '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), team]);
  }
  const seen = new Set<string>();
  const build = (parent: string, depth: number): TeamTreeNode[] =>
    (byParent.get(parent) ?? [])
      .filter((team) => !seen.has(team.id) && seen.add(team.id))
      .map((team) => ({ team, depth, children: build(team.id, depth + 1) }));
  const roots = build('', 0);
  // Teams caught in a parent cycle never hang below the top: show each loop from its first team.
  for (const team of teams) {
    if (seen.has(team.id)) continue;
    seen.add(team.id);
    roots.push({ team, depth: 0, children: build(team.id, 1) });
  }
  return roots;
}

/** The tree flattened in display order (for selects and lists), each team with its depth. */
export function flattenTeamTree(
  nodes: readonly TeamTreeNode[],
): { team: TeamRow; depth: number }[] {
  return nodes.flatMap((node) => [
    { team: node.team, depth: node.depth },
    ...flattenTeamTree(node.children),
  ]);
}

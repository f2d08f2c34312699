import { describe, expect, it } from 'vitest';
import { buildTeamTree, flattenTeamTree } from './team-tree';

const team = (id: string, parent = '') => ({ id, name: id.toUpperCase(), parent_team_id: parent });

describe('buildTeamTree', () => {
  it('nests teams under their parents', () => {
    const tree = buildTeamTree([
      team('root'),
      team('east', 'root'),
      team('shanghai', 'east'),
      team('west', 'root'),
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0].children.map((n) => n.team.id)).toEqual(['east', 'west']);
    expect(flattenTeamTree(tree).map((n) => `${n.depth}:${n.team.id}`)).toEqual([
      '0:root',
      '1:east',
      '2:shanghai',
      '1:west',
    ]);
  });

  it('shows orphans at the top and survives cycles', () => {
    expect(buildTeamTree([team('a', 'missing')]).map((n) => n.team.id)).toEqual(['a']);
    expect(
      flattenTeamTree(buildTeamTree([team('a', 'b'), team('b', 'a')])).map(
        (n) => `${n.depth}:${n.team.id}`,
      ),
    ).toEqual(['0:a', '1:b']);
    expect(buildTeamTree([team('a', 'a')]).map((n) => n.team.id)).toEqual(['a']);
  });
});

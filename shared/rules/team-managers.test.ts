import { describe, expect, it } from 'vitest';
import { buildTeamDirectory, type MemberLike } from './team-managers';

const team = (id: string, parentTeamId: string): MemberLike => ({
  id,
  kind: 'team',
  role: '',
  teamIds: [],
  parentTeamId,
  active: true,
  deleted: false,
});
const user = (
  id: string,
  role: string,
  teams: string[],
  extra: Partial<MemberLike> = {},
): MemberLike => ({
  id,
  kind: 'user',
  role,
  teamIds: teams,
  parentTeamId: teams[0] ?? '',
  active: true,
  deleted: false,
  ...extra,
});

// company (boss) → north (mgr-n) → north-a (no manager) ; company → east (mgr-e inactive)
const directory = buildTeamDirectory([
  team('company', ''),
  team('north', 'company'),
  team('north-a', 'north'),
  team('east', 'company'),
  user('boss', 'manager', ['company']),
  user('mgr-n', 'manager', ['north']),
  user('mgr-n2', 'manager', ['north']),
  user('rep-a', 'rep', ['north-a']),
  user('mgr-e', 'manager', ['east'], { active: false }),
  user('rep-e', 'rep', ['east']),
  user('gone', 'manager', ['north-a'], { deleted: true }),
]);

describe('buildTeamDirectory: the managers of an owner, up the team tree', () => {
  it('takes every manager of the owner team', () => {
    expect(directory.managersOf('rep-a')).toEqual(['mgr-n', 'mgr-n2']);
  });
  it('skips inactive and deleted managers and walks up', () => {
    expect(directory.managersOf('rep-e')).toEqual(['boss']);
  });
  it('a manager escalates to the managers above, never to themselves', () => {
    expect(directory.managersOf('mgr-n')).toEqual(['mgr-n2']);
    expect(directory.managersOf('boss')).toEqual([]);
  });
  it('unknown owners have no managers; the inverse lists whose escalations reach a manager', () => {
    expect(directory.managersOf('nobody')).toEqual([]);
    expect([...directory.escalatingOwnersTo('boss')].sort()).toEqual(['mgr-e', 'rep-e']);
    expect([...directory.escalatingOwnersTo('mgr-n')].sort()).toEqual(['mgr-n2', 'rep-a']);
  });
});

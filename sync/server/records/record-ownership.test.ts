import { describe, expect, it } from 'vitest';
import { RejectReason, type Scope } from '@shared/sync';
import { applyOwnership, ownersToLoad, type OwnershipContext } from './record-ownership';
import { account, principal, pushRow, stored } from './test-fixtures';

const context: OwnershipContext = {
  teams: [
    { id: 'team-a', parentTeamId: '' },
    { id: 'team-b', parentTeamId: '' },
  ],
  owners: new Map([
    ['u-mate', { id: 'u-mate', role: 'rep', teamId: 'team-a', teamIds: ['team-a'], active: true }],
    ['u-b', { id: 'u-b', role: 'rep', teamId: 'team-b', teamIds: ['team-b'], active: true }],
  ]),
};
const teamA: Scope = new Set(['team-a']);

describe('applyOwnership', () => {
  it("moves an admin's record to its owner's team", () => {
    const after = account('a', { ownerId: 'u-b', teamId: 'team-a' });
    expect(
      applyOwnership(context, principal({ role: 'admin' }), 'all', 'accounts', null, after),
    ).toEqual({ entity: { ...after, teamId: 'team-b' } });
  });

  it('keeps the record as it is when the owner sees its team', () => {
    const after = account('a', { ownerId: 'u-mate' });
    const result = applyOwnership(context, principal(), teamA, 'accounts', null, after);
    expect(result).toEqual({ entity: after });
  });

  it("refuses an owner outside the writer's scope, naming them", () => {
    const after = account('a', { ownerId: 'u-b' });
    expect(applyOwnership(context, principal(), teamA, 'accounts', null, after)).toEqual({
      refusal: { reason: RejectReason.ownerOutOfScope, params: { owner: 'u-b' } },
    });
  });

  it("refuses a rep's record in no team", () => {
    const after = account('a', { teamId: '' });
    expect(applyOwnership(context, principal(), teamA, 'accounts', null, after)).toEqual({
      refusal: { reason: RejectReason.workspaceWide },
    });
  });

  it('leaves workspace-wide collections alone', () => {
    const after = account('s', { ownerId: 'u-b', teamId: '' });
    expect(applyOwnership(context, principal(), teamA, 'settings', null, after)).toEqual({
      entity: after,
    });
  });
});

describe('ownersToLoad', () => {
  const storedA = { ...stored(account('a', { ownerId: 'u-mate' })), id: 'a' };

  it('reads nobody for edits that keep owner and team (no query)', () => {
    expect(
      ownersToLoad([pushRow(account('a', { ownerId: 'u-mate', notes: 'x' }))], [storedA]),
    ).toBe(null);
  });

  it('reads the named and the stored owners when a row creates a record or changes its owner', () => {
    expect(ownersToLoad([pushRow(account('b', { ownerId: 'u-b' }))], [])).toEqual(['u-b']);
    expect(ownersToLoad([pushRow(account('a', { ownerId: 'u-b' }))], [storedA])).toEqual([
      'u-b',
      'u-mate',
    ]);
  });

  it('never looks up text the database cannot hold', () => {
    expect(ownersToLoad([pushRow(account('b', { ownerId: 'u\u0000' }))], [])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { RejectReason } from '@shared/sync';
import { conflictFor, permissionRefusal } from './write-permissions';
import { account, principal, pushRow, stored } from './test-fixtures';

const teamA = new Set(['team-a']);

describe('permissionRefusal', () => {
  it('allows a write in the caller’s scope', () => {
    expect(permissionRefusal(principal(), teamA, 'accounts', null, account('a'))).toBeNull();
  });

  it('refuses another workspace, another team, and admin-only collections', () => {
    expect(
      permissionRefusal(principal(), teamA, 'accounts', null, account('a', { workspaceId: 'x' })),
    ).toEqual({ reason: RejectReason.workspace });
    expect(
      permissionRefusal(principal(), teamA, 'accounts', null, account('a', { teamId: 'team-b' })),
    ).toEqual({ reason: RejectReason.outOfScope, params: { team: 'team-b' } });
    expect(
      permissionRefusal(
        principal(),
        teamA,
        'accounts',
        account('a', { teamId: 'team-b' }),
        account('a'),
      ),
    ).toEqual({ reason: RejectReason.outOfScope, params: { team: 'team-b' } });
    expect(permissionRefusal(principal(), teamA, 'members', null, account('m'))).toEqual({
      reason: RejectReason.adminOnly,
    });
  });
});

describe('conflictFor', () => {
  it('answers with the stored state the pusher may see', () => {
    const current = account('a', { notes: 'stored' });
    expect(conflictFor(teamA, 'accounts', stored(current), pushRow(account('a')))).toEqual({
      ...current,
      _deleted: false,
    });
  });

  it('answers a record now in another team with a tombstone of what the pusher had', () => {
    const mine = account('a', { notes: 'what I had' });
    const moved = account('a', { teamId: 'team-b', notes: 'secret' });
    const answer = conflictFor(teamA, 'accounts', stored(moved), pushRow(account('a'), mine));
    expect(answer).toEqual({ ...mine, _deleted: true });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });
});

import { describe, expect, it } from 'vitest';
import { checkWrite, scopeFor, type Principal } from './scope';

// company → east → (shanghai, hangzhou); company → south
const teams = [
  { id: 'company', parentTeamId: '' },
  { id: 'east', parentTeamId: 'company' },
  { id: 'shanghai', parentTeamId: 'east' },
  { id: 'hangzhou', parentTeamId: 'east' },
  { id: 'south', parentTeamId: 'company' },
];
const principal = (role: Principal['role'], teamIds: string[]): Principal => ({
  userId: 'u',
  workspaceId: 'w',
  role,
  teamIds,
  deviceId: 'd',
});
const record = (teamId: string, extra: Record<string, unknown> = {}) => ({
  id: 'r',
  workspaceId: 'w',
  teamId,
  ownerId: 'u',
  ...extra,
});

describe('scopeFor', () => {
  it.each([
    ['rep', ['east'], ['east']],
    ['manager', ['east'], ['east', 'shanghai', 'hangzhou']],
    ['manager', ['shanghai', 'south'], ['shanghai', 'south']],
  ] as const)('%s of %j sees %j', (role, own, expected) => {
    const scope = scopeFor(principal(role, [...own]), teams);
    expect(scope === 'all' ? 'all' : [...scope].sort()).toEqual([...expected].sort());
  });

  it('admins see everything', () => {
    expect(scopeFor(principal('admin', []), teams)).toBe('all');
  });
});

describe('checkWrite', () => {
  const rep = principal('rep', ['east']);
  const scope = scopeFor(rep, teams);
  it('allows records in scope and workspace-wide ones', () => {
    expect(checkWrite(rep, scope, 'accounts', null, record('east'))).toEqual({ ok: true });
    expect(checkWrite(rep, scope, 'accounts', null, record(''))).toEqual({ ok: true });
  });
  it('refuses moving a record out of scope, other teams and other workspaces', () => {
    expect(checkWrite(rep, scope, 'accounts', record('east'), record('south'))).toMatchObject({
      ok: false,
      reason: 'sync.rejected.outOfScope',
    });
    expect(checkWrite(rep, scope, 'accounts', record('south'), record('south'))).toMatchObject({
      ok: false,
      reason: 'sync.rejected.outOfScope',
    });
    expect(
      checkWrite(rep, scope, 'accounts', null, { ...record('east'), workspaceId: 'other' }),
    ).toMatchObject({ ok: false, reason: 'sync.rejected.workspace' });
  });
  it('keeps members admin-only and lets people keep their own saved filters', () => {
    expect(checkWrite(rep, scope, 'members', null, record(''))).toMatchObject({
      ok: false,
      reason: 'sync.rejected.adminOnly',
    });
    expect(checkWrite(rep, scope, 'settings', null, record('', { kind: 'savedFilter' }))).toEqual({
      ok: true,
    });
    expect(
      checkWrite(rep, scope, 'settings', null, record('', { kind: 'pipeline' })),
    ).toMatchObject({ ok: false });
    expect(checkWrite(principal('admin', []), 'all', 'members', null, record(''))).toEqual({
      ok: true,
    });
  });
});

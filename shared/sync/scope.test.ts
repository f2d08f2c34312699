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
const principal = (
  role: Principal['role'],
  teamIds: string[],
  readOnlyTeamIds: string[] = [],
): Principal => ({
  userId: 'u',
  workspaceId: 'w',
  role,
  teamIds,
  readOnlyTeamIds,
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

  it('viewers see like a manager, or the whole workspace when they have no team', () => {
    expect([...(scopeFor(principal('viewer', ['east']), teams) as Set<string>)].sort()).toEqual([
      'east',
      'hangzhou',
      'shanghai',
    ]);
    expect(scopeFor(principal('viewer', []), teams)).toBe('all');
  });

  it('adds the teams shared read-only (only those, not the teams below them)', () => {
    const scope = scopeFor(principal('rep', ['south'], ['east']), teams);
    expect(scope === 'all' ? 'all' : [...scope].sort()).toEqual(['east', 'south']);
  });
});

describe('checkWrite: read-only access', () => {
  it('refuses every record write of a viewer, their own team and workspace-wide records too', () => {
    const viewer = principal('viewer', ['east']);
    const scope = scopeFor(viewer, teams);
    for (const [before, after] of [
      [null, record('east')],
      [record('east'), record('east')],
      [null, record('')],
    ] as const)
      expect(checkWrite(viewer, scope, 'accounts', before, after)).toEqual({
        ok: false,
        reason: 'sync.rejected.readOnly',
      });
    expect(checkWrite(viewer, 'all', 'deals', null, record(''))).toMatchObject({
      reason: 'sync.rejected.readOnly',
    });
  });

  it('lets a viewer keep their own saved filters, and nothing else in settings', () => {
    const viewer = principal('viewer', []);
    const filter = record('', { kind: 'savedFilter' });
    expect(checkWrite(viewer, 'all', 'settings', null, filter)).toEqual({ ok: true });
    expect(
      checkWrite(viewer, 'all', 'settings', filter, { ...filter, ownerId: 'x' }),
    ).toMatchObject({ ok: false });
    expect(
      checkWrite(viewer, 'all', 'settings', null, record('', { kind: 'pipeline' })),
    ).toMatchObject({ ok: false, reason: 'sync.rejected.adminOnly' });
  });

  it('refuses writes into and out of a team shared read-only, and allows the own teams', () => {
    const sharee = principal('rep', ['south'], ['east']);
    const scope = scopeFor(sharee, teams);
    expect(checkWrite(sharee, scope, 'accounts', record('east'), record('east'))).toEqual({
      ok: false,
      reason: 'sync.rejected.readOnly',
      params: { team: 'east' },
    });
    expect(checkWrite(sharee, scope, 'accounts', null, record('east'))).toMatchObject({
      reason: 'sync.rejected.readOnly',
    });
    expect(checkWrite(sharee, scope, 'accounts', record('east'), record('south'))).toMatchObject({
      reason: 'sync.rejected.readOnly',
    });
    expect(checkWrite(sharee, scope, 'accounts', null, record('south'))).toEqual({ ok: true });
    // Shared read-only but also one of their own teams: their own team wins.
    const both = principal('rep', ['east'], ['east']);
    expect(checkWrite(both, scopeFor(both, teams), 'accounts', null, record('east'))).toEqual({
      ok: true,
    });
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

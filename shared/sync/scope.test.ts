import { describe, expect, it } from 'vitest';
import { checkWrite, personalTeamId, scopeFor, type Principal } from './scope';

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
  // Every person also sees their own personal team ('~u': their inbox marks).
  it.each([
    ['rep', ['east'], ['east', '~u']],
    ['manager', ['east'], ['east', 'shanghai', 'hangzhou', '~u']],
    ['manager', ['shanghai', 'south'], ['shanghai', 'south', '~u']],
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
      '~u',
    ]);
    expect(scopeFor(principal('viewer', []), teams)).toBe('all');
  });

  it('adds the teams shared read-only (only those, not the teams below them)', () => {
    const scope = scopeFor(principal('rep', ['south'], ['east']), teams);
    expect(scope === 'all' ? 'all' : [...scope].sort()).toEqual(['east', 'south', '~u']);
  });

  it('holds no personal team when asked without the person (the ownership rule)', () => {
    expect([...(scopeFor({ role: 'rep', teamIds: ['east'] }, teams) as Set<string>)]).toEqual([
      'east',
    ]);
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
  it('lets managers (not reps) keep campaigns, and no other setting through a campaign', () => {
    const manager = principal('manager', ['east']);
    const campaign = record('', { kind: 'campaign' });
    expect(checkWrite(manager, scope, 'settings', null, campaign)).toEqual({ ok: true });
    expect(checkWrite(manager, scope, 'settings', campaign, campaign)).toEqual({ ok: true });
    expect(checkWrite(rep, scope, 'settings', null, campaign)).toMatchObject({
      reason: 'sync.rejected.adminOnly',
    });
    const scoring = record('', { kind: 'leadScoring' });
    expect(checkWrite(manager, scope, 'settings', scoring, campaign)).toMatchObject({
      reason: 'sync.rejected.adminOnly',
    });
    expect(checkWrite(manager, scope, 'settings', null, scoring)).toMatchObject({
      reason: 'sync.rejected.adminOnly',
    });
  });
});

describe('checkWrite: personal records (inbox marks)', () => {
  const mark = (ownerId: string, teamId = personalTeamId(ownerId)) => ({
    id: 'm',
    workspaceId: 'w',
    teamId,
    ownerId,
  });
  const personal = { ok: false, reason: 'sync.rejected.personal' };

  it('lets a person write their own marks, a viewer too', () => {
    for (const who of [principal('rep', ['east']), principal('viewer', ['east'])]) {
      const scope = scopeFor(who, teams);
      expect(checkWrite(who, scope, 'inbox_marks', null, mark('u'))).toEqual({ ok: true });
      expect(checkWrite(who, scope, 'inbox_marks', mark('u'), mark('u'))).toEqual({ ok: true });
    }
  });

  it("refuses a mark for someone else, even an admin's, and a mark moved into a team", () => {
    const admin = principal('admin', []);
    expect(checkWrite(admin, 'all', 'inbox_marks', null, mark('other'))).toEqual(personal);
    const rep = principal('rep', ['east']);
    const scope = scopeFor(rep, teams);
    expect(checkWrite(rep, scope, 'inbox_marks', null, mark('other'))).toEqual(personal);
    expect(checkWrite(rep, scope, 'inbox_marks', null, mark('u', 'east'))).toEqual(personal);
    expect(checkWrite(rep, scope, 'inbox_marks', mark('other'), mark('u'))).toEqual(personal);
  });

  it("keeps a manager's scope free of a rep's personal team", () => {
    const scope = scopeFor(principal('manager', ['east']), teams) as Set<string>;
    expect(scope.has(personalTeamId('rep-1'))).toBe(false);
  });
});

describe('checkWrite: targets (issue 20)', () => {
  it('lets managers write targets into their teams only, and refuses reps with the target reason', () => {
    const manager = principal('manager', ['east']);
    const scope = scopeFor(manager, teams);
    const target = (team: string) => record(team, { kind: 'target' });
    expect(checkWrite(manager, scope, 'settings', null, target('east'))).toEqual({ ok: true });
    expect(checkWrite(manager, scope, 'settings', target('east'), target('east'))).toEqual({
      ok: true,
    });
    for (const [before, after] of [
      [null, target('south')],
      [null, target('')],
      [target('south'), target('east')],
    ] as const)
      expect(checkWrite(manager, scope, 'settings', before, after)).toEqual({
        ok: false,
        reason: 'sync.rejected.targetScope',
      });
    const rep = principal('rep', ['east']);
    expect(checkWrite(rep, scopeFor(rep, teams), 'settings', null, target('east'))).toEqual({
      ok: false,
      reason: 'sync.rejected.targetScope',
    });
    expect(checkWrite(principal('admin', []), 'all', 'settings', null, target(''))).toEqual({
      ok: true,
    });
  });
});

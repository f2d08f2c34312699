import { describe, expect, it } from 'vitest';
import {
  dashboardPeriod,
  dashboardPeriodDays,
  dashboardScope,
  filtersFromSearch,
  filtersToSearch,
  inDashboardPeriod,
  inDashboardScope,
  isDashboardDay,
  ownersInScope,
  teamAndBelow,
  type DashboardFilters,
  type ScopeMember,
} from './filters';

const team = (id: string, parentTeamId = ''): ScopeMember => ({
  id,
  kind: 'team',
  parentTeamId,
  teamIds: [],
});
const user = (id: string, ...teamIds: string[]): ScopeMember => ({
  id,
  kind: 'user',
  parentTeamId: teamIds[0] ?? '',
  teamIds,
});

// Sales → North → North-1; Sales → South; Service stands alone.
const members: ScopeMember[] = [
  team('sales'),
  team('north', 'sales'),
  team('north-1', 'north'),
  team('south', 'sales'),
  team('service'),
  user('ann', 'north'),
  user('bob', 'north-1'),
  user('cy', 'south'),
  user('di', 'service', 'south'),
  user('ed'),
];

const params = (query: string) => new URLSearchParams(query);

describe('dashboardPeriod', () => {
  it('gives this month, quarter and year around today', () => {
    expect(dashboardPeriod('month', '2026-02-14')).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
    expect(dashboardPeriod('month', '2028-02-14')).toEqual({
      start: '2028-02-01',
      end: '2028-02-29',
    });
    expect(dashboardPeriod('quarter', '2026-12-07')).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(dashboardPeriod('year', '2026-12-07')).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('takes a custom range, swapped when backwards, and falls back to the month when invalid', () => {
    const today = '2026-12-07';
    expect(dashboardPeriod('custom', today, { start: '2026-03-05', end: '2026-04-01' })).toEqual({
      start: '2026-03-05',
      end: '2026-04-01',
    });
    expect(dashboardPeriod('custom', today, { start: '2026-04-01', end: '2026-03-05' })).toEqual({
      start: '2026-03-05',
      end: '2026-04-01',
    });
    expect(dashboardPeriod('custom', today, { start: '2026-02-30', end: '2026-03-05' })).toEqual({
      start: '2026-12-01',
      end: '2026-12-31',
    });
    expect(dashboardPeriod('custom', today)).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });
});

describe('inDashboardPeriod and dashboardPeriodDays', () => {
  const filters = { start: '2026-10-01', end: '2026-12-31' };
  it('counts both ends and never an empty day', () => {
    expect(inDashboardPeriod(filters, '2026-10-01')).toBe(true);
    expect(inDashboardPeriod(filters, '2026-12-31')).toBe(true);
    expect(inDashboardPeriod(filters, '2026-09-30')).toBe(false);
    expect(inDashboardPeriod(filters, '2027-01-01')).toBe(false);
    expect(inDashboardPeriod(filters, '')).toBe(false);
  });
  it('measures the period in whole days', () => {
    expect(dashboardPeriodDays(filters)).toBe(92);
    expect(dashboardPeriodDays({ start: '2026-12-07', end: '2026-12-07' })).toBe(1);
  });
  it('knows real days', () => {
    expect(isDashboardDay('2026-12-07')).toBe(true);
    expect(isDashboardDay('2026-13-01')).toBe(false);
    expect(isDashboardDay('2026-02-29')).toBe(false);
    expect(isDashboardDay('yesterday')).toBe(false);
  });
});

describe('teamAndBelow', () => {
  it('includes the team and every team under it', () => {
    expect(teamAndBelow('sales', members)).toEqual(new Set(['sales', 'north', 'north-1', 'south']));
    expect(teamAndBelow('north', members)).toEqual(new Set(['north', 'north-1']));
    expect(teamAndBelow('north-1', members)).toEqual(new Set(['north-1']));
  });
  it("gives every team for '' and the team itself when it is not listed", () => {
    expect(teamAndBelow('', members).size).toBe(5);
    expect(teamAndBelow('gone', members)).toEqual(new Set(['gone']));
  });
  it('survives a cycle in bad data', () => {
    expect(teamAndBelow('a', [team('a', 'b'), team('b', 'a')])).toEqual(new Set(['a', 'b']));
  });
});

describe('ownersInScope', () => {
  it('is everyone without a team or owner', () => {
    expect(ownersInScope({ teamId: '', ownerId: '' }, members)).toBeNull();
  });
  it('is the users of the team and the teams below it', () => {
    expect(ownersInScope({ teamId: 'sales', ownerId: '' }, members)).toEqual(
      new Set(['ann', 'bob', 'cy', 'di']),
    );
    expect(ownersInScope({ teamId: 'north', ownerId: '' }, members)).toEqual(
      new Set(['ann', 'bob']),
    );
    expect(ownersInScope({ teamId: 'service', ownerId: '' }, members)).toEqual(new Set(['di']));
  });
  it('is the chosen owner alone', () => {
    expect(ownersInScope({ teamId: 'north', ownerId: 'bob' }, members)).toEqual(new Set(['bob']));
  });
});

describe('inDashboardScope', () => {
  const record = (ownerId: string, teamId: string) => ({ ownerId, teamId });
  it('reads the record’s own team and owner', () => {
    const all = dashboardScope({ teamId: '', ownerId: '' }, members);
    expect(inDashboardScope(all, record('ed', ''))).toBe(true);
    const north = dashboardScope({ teamId: 'north', ownerId: '' }, members);
    expect(inDashboardScope(north, record('bob', 'north-1'))).toBe(true);
    expect(inDashboardScope(north, record('cy', 'south'))).toBe(false);
    const bob = dashboardScope({ teamId: '', ownerId: 'bob' }, members);
    expect(inDashboardScope(bob, record('bob', 'north-1'))).toBe(true);
    expect(inDashboardScope(bob, record('ann', 'north-1'))).toBe(false);
  });
});

describe('filters in the URL', () => {
  const today = '2026-12-07';
  it('defaults to this quarter and everyone', () => {
    expect(filtersFromSearch(params(''), today)).toEqual({
      periodKind: 'quarter',
      start: '2026-10-01',
      end: '2026-12-31',
      teamId: '',
      ownerId: '',
    });
  });
  it('reads a custom range with team and owner, and round-trips', () => {
    const filters = filtersFromSearch(
      params('period=custom&start=2026-03-01&end=2026-05-31&team=north&owner=bob'),
      today,
    );
    expect(filters).toEqual<DashboardFilters>({
      periodKind: 'custom',
      start: '2026-03-01',
      end: '2026-05-31',
      teamId: 'north',
      ownerId: 'bob',
    });
    expect(
      filtersFromSearch(params(new URLSearchParams(filtersToSearch(filters)).toString()), today),
    ).toEqual(filters);
  });
  it('falls back to the default for a bad period or a custom range without days', () => {
    expect(filtersFromSearch(params('period=decade'), today).periodKind).toBe('quarter');
    expect(filtersFromSearch(params('period=custom&start=2026-03-01'), today)).toMatchObject({
      periodKind: 'quarter',
      start: '2026-10-01',
    });
  });
  it('writes only what differs from the default', () => {
    expect(filtersToSearch(filtersFromSearch(params(''), today))).toEqual({});
    expect(filtersToSearch(filtersFromSearch(params('period=year&team=south'), today))).toEqual({
      period: 'year',
      team: 'south',
    });
  });
});

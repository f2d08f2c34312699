import { describe, expect, it } from 'vitest';
import { maskingFor } from '../records/masking';
import { planDelivery, viewOfChanges, type RecordChange } from './direct-changes';

const change = (
  id: string,
  teamId: string,
  previousTeamIds: string[] = [],
  deleted = false,
): RecordChange => ({
  id,
  teamId,
  previousTeamIds,
  doc: { id, teamId, name: id, _deleted: deleted },
});

describe('viewOfChanges', () => {
  const changes = [
    change('a', 't1', ['t1']),
    change('b', 't2', ['t1']),
    change('c', 't3', ['t3']),
    change('d', '', []),
    change('e', 't1', ['t1'], true),
  ];

  it('gives records in scope as written, records that left the scope as tombstones, nothing else', () => {
    const { documents } = viewOfChanges(new Set(['t1']), 'accounts', changes);
    expect(documents).toEqual([
      { id: 'a', teamId: 't1', name: 'a', _deleted: false },
      { id: 'b', teamId: 't2', name: 'b', _deleted: true },
      { id: 'd', teamId: '', name: 'd', _deleted: false },
      { id: 'e', teamId: 't1', name: 'e', _deleted: true },
    ]);
  });

  it('names equal views with equal keys and different views with different keys', () => {
    const t1 = viewOfChanges(new Set(['t1']), 'accounts', changes).key;
    expect(viewOfChanges(new Set(['t1', 'zz']), 'accounts', changes).key).toBe(t1);
    expect(viewOfChanges(new Set(['t2']), 'accounts', changes).key).not.toBe(t1);
    // 'b' seen as moved in (t2) vs moved out (t1) differ even at the same index.
    expect(viewOfChanges(new Set(['t2']), 'accounts', [changes[1]]).key).not.toBe(
      viewOfChanges(new Set(['t1']), 'accounts', [changes[1]]).key,
    );
  });

  it('shows everything to admins and in workspace-wide collections', () => {
    expect(viewOfChanges('all', 'accounts', changes).documents.map((d) => d.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(viewOfChanges(new Set(), 'members', changes).documents.map((d) => d.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('tombstones a record that passed through the scope twice in one push', () => {
    const { documents } = viewOfChanges(new Set(['t1']), 'accounts', [
      change('f', 't3', ['t1', 't2']),
    ]);
    expect(documents).toEqual([{ id: 'f', teamId: 't3', name: 'f', _deleted: true }]);
  });
});

describe('planDelivery', () => {
  const base = { known: 10, prevSeq: 10, direct: true, concerned: true, origin: false };
  it.each([
    ['complete up to the previous commit: documents', base, 'direct'],
    ['complete beyond the previous commit: documents', { ...base, known: 12 }, 'direct'],
    ['behind: poke', { ...base, known: 9 }, 'poke'],
    ['not known: poke', { ...base, known: undefined }, 'poke'],
    ['previous commit unknown (bulk write): poke', { ...base, prevSeq: undefined }, 'poke'],
    ['documents not at hand (another node): poke', { ...base, direct: false }, 'poke'],
    ['the origin, complete: not told, still complete', { ...base, origin: true }, 'advance'],
    [
      'the origin, behind: no poke, completeness forgotten',
      { ...base, origin: true, known: 3 },
      'forget',
    ],
    ['not concerned, complete: advances', { ...base, concerned: false }, 'advance'],
    [
      'not concerned, other node, complete: advances',
      { ...base, concerned: false, direct: false },
      'advance',
    ],
    ['not concerned, behind: keeps', { ...base, concerned: false, known: 9 }, 'keep'],
    ['not concerned, not known: keeps', { ...base, concerned: false, known: undefined }, 'keep'],
  ] as const)('%s', (_name, input, expected) => {
    expect(planDelivery(input)).toBe(expected);
  });
});

describe('viewOfChanges with field restrictions', () => {
  const policy = {
    rules: [{ collection: 'deals' as const, field: 'amount', roles: [], ownTeam: true }],
  };
  const deal = (id: string, teamId: string): RecordChange => ({
    id,
    teamId,
    previousTeamIds: [teamId],
    doc: { id, teamId, ownerId: 'someone', amount: 42, lineItems: [], _deleted: false },
  });
  const viewer = (teamIds: string[]) =>
    maskingFor({ userId: 'me', role: 'rep', teamIds }, policy, 'deals');

  it("masks another team's amount and names the masking in the key", () => {
    const changes = [deal('a', 't1'), deal('w', '')];
    const own = viewOfChanges(new Set(['t1']), 'deals', changes, viewer(['t1']));
    expect(own.documents.map((d) => d.amount)).toEqual([42, 0]);
    const other = viewOfChanges(new Set(['t1']), 'deals', changes, viewer(['t2']));
    expect(other.documents.map((d) => d.amount)).toEqual([0, 0]);
    // Same records, different masking: never one serialized message for both.
    expect(other.key).not.toBe(own.key);
    expect(viewOfChanges(new Set(['t1']), 'deals', changes).key).not.toBe(own.key);
  });
});

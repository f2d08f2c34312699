import { describe, expect, it } from 'vitest';
import { planBatch, type AuthoredWrite } from './write-batch';
import { account } from './test-fixtures';

const a1 = account('a', { notes: 'one' });
const a2 = account('a', { notes: 'two' });
const moved = account('b', { teamId: 'team-b' });
const b = account('b');

describe('planBatch', () => {
  it('stores the last write of each record, with its own sequence', () => {
    const writes: AuthoredWrite[] = [
      {
        userId: 'u1',
        write: {
          kind: 'create',
          id: 'a',
          entity: a1,
          before: null,
          changes: [],
          conflicts: [],
          clocks: {},
        },
      },
      {
        userId: 'u2',
        write: {
          kind: 'change',
          id: 'a',
          entity: a2,
          before: a1,
          changes: [{ field: 'notes', oldValue: 'one', newValue: 'two' }],
          conflicts: [],
          clocks: {},
        },
      },
    ];
    const { upserts, exits, history } = planBatch(writes, [10, 11]);
    expect(upserts).toEqual([
      {
        id: 'a',
        teamId: 'team-a',
        ownerId: 'u-rep',
        seq: 11,
        deleted: false,
        data: a2,
        clocks: {},
      },
    ]);
    expect(exits).toEqual([]);
    expect(history).toEqual([
      {
        recordId: 'a',
        seq: 11,
        userId: 'u2',
        field: 'notes',
        oldValue: 'one',
        newValue: 'two',
        kind: 'change',
      },
    ]);
  });

  it('keeps a tombstoned record’s data and team, and revives it on a later write', () => {
    const tombstone: AuthoredWrite = {
      userId: 'u1',
      write: { kind: 'tombstone', id: 'a', before: a1, changes: [], conflicts: [], clocks: {} },
    };
    expect(planBatch([tombstone], [5]).upserts).toEqual([
      { id: 'a', teamId: 'team-a', ownerId: 'u-rep', seq: 5, deleted: true, data: a1, clocks: {} },
    ]);
    const revive: AuthoredWrite = {
      userId: 'u1',
      write: {
        kind: 'change',
        id: 'a',
        entity: a2,
        before: a1,
        changes: [],
        conflicts: [],
        clocks: {},
      },
    };
    expect(planBatch([tombstone, revive], [5, 6]).upserts).toEqual([
      { id: 'a', teamId: 'team-a', ownerId: 'u-rep', seq: 6, deleted: false, data: a2, clocks: {} },
    ]);
  });

  it('records a move to another team as a scope exit of the old state', () => {
    const { exits, upserts } = planBatch(
      [
        {
          userId: 'u1',
          write: {
            kind: 'change',
            id: 'b',
            entity: moved,
            before: b,
            changes: [],
            conflicts: [],
            clocks: {},
          },
        },
      ],
      [20],
    );
    expect(exits).toEqual([{ id: 'b', oldTeamId: 'team-a', seq: 20, data: b }]);
    expect(upserts[0]).toMatchObject({ teamId: 'team-b', seq: 20 });
  });

  it('records the team a server rule took a new record out of as a scope exit (lead assignment)', () => {
    const create = (entity: typeof b, exitedFrom: typeof b): AuthoredWrite => ({
      userId: 'u1',
      write: {
        kind: 'create',
        id: entity.id,
        entity,
        before: null,
        changes: [],
        conflicts: [],
        clocks: {},
        exitedFrom,
      },
    });
    expect(planBatch([create(moved, b)], [30]).exits).toEqual([
      { id: 'b', oldTeamId: 'team-a', seq: 30, data: b },
    ]);
    // Same team, or a pushed record without a team: nothing left anyone's scope.
    expect(planBatch([create(b, b)], [31]).exits).toEqual([]);
    expect(planBatch([create(moved, { ...b, teamId: '' })], [32]).exits).toEqual([]);
  });
});

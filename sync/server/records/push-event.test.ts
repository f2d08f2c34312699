import { describe, expect, it } from 'vitest';
import { changeOf, commitEvent } from './push-event';
import { account } from './test-fixtures';
import type { PlannedWrite } from './types';

const write = (
  entity = account('a'),
  before: ReturnType<typeof account> | null = null,
): PlannedWrite => ({
  kind: before ? 'change' : 'create',
  id: entity.id,
  entity,
  before,
  changes: [],
  conflicts: [],
  clocks: {},
});

describe('changeOf', () => {
  it('sends the stored state, and every team the record was in', () => {
    const before = account('a', { teamId: 'team-b' });
    const first = changeOf(write(account('a', { teamId: 'team-c' }), before), undefined);
    expect(first).toEqual({
      id: 'a',
      teamId: 'team-c',
      previousTeamIds: ['team-b'],
      doc: { ...account('a', { teamId: 'team-c' }), _deleted: false },
      action: 'updated',
      statusBefore: before.status,
    });
    const second = changeOf(write(account('a'), account('a', { teamId: 'team-c' })), first);
    expect(second.previousTeamIds).toEqual(['team-b', 'team-c']);
  });

  it('sends a tombstone as the deleted stored state', () => {
    const before = account('a');
    expect(
      changeOf(
        { kind: 'tombstone', id: 'a', before, changes: [], conflicts: [], clocks: {} },
        undefined,
      ),
    ).toEqual({
      id: 'a',
      teamId: 'team-a',
      previousTeamIds: ['team-a'],
      doc: { ...before, _deleted: true },
      action: 'deleted',
      statusBefore: before.status,
    });
  });

  it('says what the push did to the record (webhooks): created if its first write created it', () => {
    const created = changeOf(write(account('a', { status: 'open' }), null), undefined);
    expect(created.action).toBe('created');
    expect(created).not.toHaveProperty('statusBefore');
    const again = changeOf(
      write(account('a', { status: 'won' }), account('a', { status: 'open' })),
      created,
    );
    expect(again.action).toBe('created');
    expect(again).not.toHaveProperty('statusBefore');
    const changed = changeOf(
      write(account('a', { status: 'won' }), account('a', { status: 'open' })),
      undefined,
    );
    expect(changed).toMatchObject({ action: 'updated', statusBefore: 'open' });
  });
});

describe('commitEvent', () => {
  const base = { workspaceId: 'ws', seq: 12, prevSeq: 9, origin: undefined };

  it('tells the teams of the written records, old and new', () => {
    const event = commitEvent({
      ...base,
      collection: 'accounts',
      writes: [write(account('a', { teamId: 'team-c' }), account('a', { teamId: 'team-b' }))],
    });
    expect(event).toMatchObject({
      kind: 'records',
      workspaceId: 'ws',
      collections: ['accounts'],
      seq: 12,
      prevSeq: 9,
    });
    expect(event.teams?.sort()).toEqual(['team-b', 'team-c']);
    expect(event.changes).toHaveLength(1);
    expect(Object.hasOwn(event, 'origin')).toBe(false);
  });

  it('tells everyone about a record without a team or a workspace-wide collection, and names the origin', () => {
    expect(
      commitEvent({
        ...base,
        collection: 'accounts',
        writes: [write(account('a', { teamId: '' }))],
      }).teams,
    ).toBeUndefined();
    const members = commitEvent({
      ...base,
      origin: 'conn-1',
      collection: 'members',
      writes: [write()],
    });
    expect(members.teams).toBeUndefined();
    expect(members.origin).toBe('conn-1');
  });

  it('sends one change per record, however often it was written', () => {
    const event = commitEvent({
      ...base,
      collection: 'accounts',
      writes: [write(account('a')), write(account('a', { notes: 'x' }), account('a'))],
    });
    expect(event.changes).toHaveLength(1);
    expect(event.changes?.[0].doc).toMatchObject({ notes: 'x' });
  });
});

describe('a record a server rule placed in another team (lead assignment)', () => {
  it('names the team it was pushed in as a previous team, so that team hears of it', () => {
    const assigned: PlannedWrite = {
      kind: 'create',
      id: 'a',
      entity: account('a', { teamId: 'team-north' }),
      before: null,
      changes: [],
      conflicts: [],
      clocks: {},
      exitedFrom: account('a', { teamId: 'team-east' }),
    };
    expect(changeOf(assigned, undefined).previousTeamIds).toEqual(['team-east']);
    const event = commitEvent({
      workspaceId: 'ws',
      collection: 'leads',
      writes: [assigned],
      seq: 3,
      prevSeq: 2,
      origin: undefined,
    });
    expect(event.teams?.sort()).toEqual(['team-east', 'team-north']);
    // Kept in its team: no previous team.
    const kept: PlannedWrite = { ...assigned, entity: account('a'), exitedFrom: account('a') };
    expect(changeOf(kept, undefined).previousTeamIds).toEqual([]);
  });
});

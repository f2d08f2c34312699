import { describe, expect, it } from 'vitest';
import type { WireDoc } from '@shared/sync';
import { mergesOf, survivorRow, withSurvivorReferences } from './merged-records';
import type { Entity, PlannedWrite, StoredRow } from './types';

const base = { workspaceId: 'ws', teamId: 't1', ownerId: 'u1', updatedAt: 1 };
const loser: Entity = {
  ...base,
  id: 'acc-l',
  name: '旧名',
  phone: '1',
  website: '',
  deleted: true,
  mergedIntoId: 'acc-s',
};
const survivor: StoredRow = {
  data: { ...base, id: 'acc-s', name: '新名', phone: '2', website: '', deleted: false },
  deleted: false,
  seq: 5,
  team_id: 't1',
};
const wire = (e: Record<string, unknown>) => ({ ...e, _deleted: false }) as WireDoc;

describe('survivorRow', () => {
  it('carries only the fields the pusher changed onto the survivor, with their stamps', () => {
    const before = { ...loser, deleted: false, mergedIntoId: '' };
    const row = survivorRow(
      {
        assumedMasterState: wire(before),
        newDocumentState: wire({ ...before, website: 'https://x.example.com', updatedAt: 9 }),
        stamps: { website: 's-web', name: 's-name' },
      },
      loser,
      survivor,
    );
    expect(row?.newDocumentState).toMatchObject({
      id: 'acc-s',
      name: '新名',
      phone: '2',
      website: 'https://x.example.com',
      deleted: false,
    });
    // The base is the survivor with the pusher's previous values of those fields: the merge sees its edit only.
    expect(row?.assumedMasterState).toMatchObject({ id: 'acc-s', name: '新名', website: '' });
    expect(row?.stamps).toEqual({ website: 's-web' });
  });

  it('carries nothing for a row that only repeats the merge itself (deleted, mergedIntoId)', () => {
    const before = { ...loser, deleted: false, mergedIntoId: '' };
    expect(
      survivorRow(
        { assumedMasterState: wire(before), newDocumentState: wire(loser) },
        loser,
        survivor,
      ),
    ).toBeNull();
  });
});

describe('withSurvivorReferences', () => {
  const survivors = new Map([
    ['accounts' as const, new Map([['acc-l', 'acc-s']])],
    ['contacts' as const, new Map([['c-l', 'c-s']])],
  ]);

  it('replaces references to merged-away records in the fields that point at their kind', () => {
    const deal = wire({ id: 'd1', accountId: 'acc-l', contactId: 'c-l', decisionMakerId: 'c-9' });
    expect(withSurvivorReferences('deals', deal, survivors)).toMatchObject({
      accountId: 'acc-s',
      contactId: 'c-s',
      decisionMakerId: 'c-9',
    });
  });

  it('follows an activity’s relatedType, and leaves a document without such references as it is', () => {
    const onContact = wire({ id: 'a1', relatedType: 'contact', relatedId: 'c-l', accountId: '' });
    expect(withSurvivorReferences('activities', onContact, survivors).relatedId).toBe('c-s');
    const onDeal = wire({ id: 'a2', relatedType: 'deal', relatedId: 'c-l', accountId: 'x' });
    expect(withSurvivorReferences('activities', onDeal, survivors)).toBe(onDeal);
  });
});

describe('mergesOf', () => {
  const change = (entity: Entity, before: Entity | null): PlannedWrite => ({
    kind: before ? 'change' : 'create',
    id: entity.id,
    entity,
    before,
    changes: [],
    conflicts: [],
    clocks: {},
  });
  const live = { ...loser, deleted: false, mergedIntoId: '' };

  it('names the records whose mergedIntoId the commit set, once each', () => {
    const writes = [
      change({ ...live, name: '改名' }, live),
      change(loser, { ...live, name: '改名' }),
      change(loser, live),
      change(survivor.data, survivor.data),
    ];
    expect(mergesOf('accounts', writes)).toEqual([
      { kind: 'accounts', loserId: 'acc-l', survivorId: 'acc-s' },
    ]);
  });

  it('ignores a loser written again with the same survivor, a self-merge, tombstones and other kinds', () => {
    expect(mergesOf('accounts', [change(loser, loser)])).toEqual([]);
    expect(mergesOf('accounts', [change({ ...loser, mergedIntoId: 'acc-l' }, live)])).toEqual([]);
    expect(
      mergesOf('accounts', [
        { kind: 'tombstone', id: 'acc-l', before: loser, changes: [], conflicts: [], clocks: {} },
      ]),
    ).toEqual([]);
    expect(mergesOf('deals', [change(loser, live)])).toEqual([]);
  });

  it('follows a loser moved to another survivor', () => {
    expect(mergesOf('contacts', [change({ ...loser, mergedIntoId: 'acc-t' }, loser)])).toEqual([
      { kind: 'contacts', loserId: 'acc-l', survivorId: 'acc-t' },
    ]);
  });
});

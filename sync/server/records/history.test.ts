import { describe, expect, it } from 'vitest';
import { decodeStamp, encodeStamp } from '@shared/sync';
import { fieldChanges, historyRowsOf } from './history';
import { account } from './test-fixtures';
import type { PlannedWrite } from './types';

describe('fieldChanges', () => {
  it('lists every field of a new record, absent old values as null', () => {
    const created = account('a');
    const changes = fieldChanges(null, created);
    expect(changes.map((c) => c.field)).toContain('name');
    expect(changes.find((c) => c.field === 'name')).toEqual({
      field: 'name',
      oldValue: null,
      newValue: created.name,
    });
  });

  it('lists only changed fields, by value, and never updatedAt/updatedBy', () => {
    const before = account('a', { tags: ['x'] });
    const after = account('a', { tags: ['x'], phone: '010-1', updatedAt: 9, updatedBy: 'u2' });
    expect(fieldChanges(before, after)).toEqual([
      { field: 'phone', oldValue: '', newValue: '010-1' },
    ]);
  });

  it('reports a removed field with null as its new value', () => {
    const before = account('a', { deletedAt: 5 });
    expect(fieldChanges(before, account('a'))).toEqual([
      { field: 'deletedAt', oldValue: 5, newValue: null },
    ]);
  });
});

describe('historyRowsOf', () => {
  const before = account('a', { updatedBy: 'u-earlier' });
  const after = account('a', { notes: 'mine' });

  it('writes one line per change, and the lost value of a merge under whoever wrote it', () => {
    const write: PlannedWrite = {
      kind: 'change',
      id: 'a',
      entity: after,
      before,
      changes: [{ field: 'notes', oldValue: '', newValue: 'mine' }],
      conflicts: [
        {
          field: 'notes',
          path: 'notes',
          base: '',
          kept: 'mine',
          lost: 'theirs',
          loser: 'current',
          reason: 'laterEdit',
        },
      ],
      clocks: {},
    };
    expect(historyRowsOf(write, 42, 'u-me')).toEqual([
      {
        recordId: 'a',
        seq: 42,
        userId: 'u-me',
        field: 'notes',
        oldValue: '',
        newValue: 'mine',
        kind: 'change',
      },
      {
        recordId: 'a',
        seq: 42,
        userId: 'u-earlier',
        field: 'notes',
        oldValue: 'theirs',
        newValue: 'mine',
        kind: 'merge',
        editedAt: 0,
        detail: { reason: 'laterEdit', lostAt: 0, keptAt: 0, keptBy: 'u-me' },
      },
    ]);
  });

  it('attributes a lost edit by its stamp’s device, with both edit times, the reason and the list item', () => {
    const stamp = (wall: number, node: string) => encodeStamp({ wall, counter: 0, node });
    const authors = new Map([['dev-colleague', 'u-colleague']]);
    const authorOf = (s: string | undefined) =>
      s ? authors.get(decodeStamp(s)?.node ?? '') : undefined;
    const lineItem = { id: 'li-1', product: 'p', quantity: 1, unitPrice: 1, discount: 0 };
    const write: PlannedWrite = {
      kind: 'change',
      id: 'a',
      entity: after,
      before,
      changes: [{ field: 'notes', oldValue: '', newValue: 'mine', editedAt: 3_000 }],
      conflicts: [
        {
          field: 'lineItems',
          itemId: 'li-1',
          key: 'quantity',
          path: 'lineItems[li-1].quantity',
          base: 1,
          kept: 5,
          lost: 7,
          loser: 'incoming',
          reason: 'laterEdit',
          keptStamp: stamp(2_000, 'dev-colleague'),
          lostStamp: stamp(1_000, 'dev-me'),
        },
        {
          field: 'lineItems',
          itemId: 'li-2',
          path: 'lineItems[li-2]',
          base: lineItem,
          kept: lineItem,
          lost: null,
          loser: 'current',
          reason: 'editKeepsItem',
          keptStamp: stamp(1_500, 'dev-me'),
          lostStamp: stamp(2_500, 'server:n1'),
        },
      ],
      clocks: {},
    };
    const rows = historyRowsOf(write, 9, 'u-me', authorOf);
    expect(rows[0]).toMatchObject({ kind: 'change', editedAt: 3_000 });
    expect(rows[1]).toMatchObject({
      userId: 'u-me',
      field: 'lineItems',
      oldValue: 7,
      newValue: 5,
      kind: 'merge',
      editedAt: 2_000,
      detail: {
        reason: 'laterEdit',
        lostAt: 1_000,
        keptAt: 2_000,
        keptBy: 'u-colleague',
        itemId: 'li-1',
        key: 'quantity',
      },
    });
    // A stamp from no known device (the server's): the record's last writer lost.
    expect(rows[2]).toMatchObject({
      userId: 'u-earlier',
      oldValue: null,
      newValue: lineItem,
      detail: { reason: 'editKeepsItem', keptBy: 'u-me', itemId: 'li-2', lostAt: 2_500 },
    });
  });

  it('records a tombstone as a delete', () => {
    const write: PlannedWrite = {
      kind: 'tombstone',
      id: 'a',
      before,
      changes: [{ field: '_deleted', oldValue: false, newValue: true }],
      conflicts: [],
      clocks: {},
    };
    expect(historyRowsOf(write, 7, 'u-me')).toEqual([
      {
        recordId: 'a',
        seq: 7,
        userId: 'u-me',
        field: '_deleted',
        oldValue: false,
        newValue: true,
        kind: 'delete',
      },
    ]);
  });
});

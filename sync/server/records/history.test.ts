import { describe, expect, it } from 'vitest';
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
      },
    ]);
  });

  it('records a tombstone as a delete', () => {
    const write: PlannedWrite = {
      kind: 'tombstone',
      id: 'a',
      before,
      changes: [{ field: '_deleted', oldValue: false, newValue: true }],
      conflicts: [],
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

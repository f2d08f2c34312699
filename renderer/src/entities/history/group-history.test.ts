import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@shared/sync';
import { groupHistory } from './group-history';

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 1,
  at: 1000,
  userId: 'u1',
  userName: 'Li',
  field: 'name',
  oldValue: null,
  newValue: 'A',
  kind: 'change',
  ...overrides,
});

describe('groupHistory', () => {
  it('groups by seq, newest first, and hides bookkeeping fields', () => {
    const groups = groupHistory([
      entry({ seq: 2, field: 'phone', oldValue: '1', newValue: '2' }),
      entry({ seq: 2, field: 'updatedAt' }),
      entry({ seq: 1, field: 'name', kind: 'create' }),
      entry({ seq: 1, field: 'workspaceId', kind: 'create' }),
    ]);
    expect(groups.map((g) => g.seq)).toEqual([2, 1]);
    expect(groups[0].changes.map((c) => c.field)).toEqual(['phone']);
    expect(groups[1].kind).toBe('create');
    expect(groups[1].changes.map((c) => c.field)).toEqual(['name']);
  });

  it('leaves out what a person never typed, also on list item paths of hidden fields', () => {
    const groups = groupHistory([
      entry({ seq: 1, field: 'rank', kind: 'create', newValue: 1024 }),
      entry({ seq: 1, field: 'pipelineId', kind: 'create', newValue: 'pipeline-default' }),
      entry({ seq: 1, field: 'currency', kind: 'create', newValue: 'CNY' }),
      entry({ seq: 1, field: 'stage', kind: 'create', newValue: 'qualify' }),
      entry({ seq: 2, field: 'lineItems[a].quantity', oldValue: 1, newValue: 2 }),
    ]);
    expect(groups.flatMap((g) => g.changes.map((c) => c.field))).toEqual([
      'lineItems[a].quantity',
      'stage',
    ]);
  });

  it('keeps merge losers apart and attributes the group to the writer', () => {
    const groups = groupHistory([
      entry({
        seq: 5,
        field: 'phone',
        kind: 'merge',
        userId: 'u2',
        userName: 'Wang',
        oldValue: 'lost',
        newValue: 'kept',
      }),
      entry({
        seq: 5,
        field: 'phone',
        oldValue: 'base',
        newValue: 'kept',
        userId: 'u1',
        userName: 'Li',
      }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].userName).toBe('Li');
    expect(groups[0].kind).toBe('change');
    expect(groups[0].merges).toHaveLength(1);
    expect(groups[0].merges[0].oldValue).toBe('lost');
  });
});

import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from './api';
import { listItemChanges, restorePatch, restoreTargetOf } from './restore';

const a = { id: 'a', product: 'A', quantity: 1 };
const b = { id: 'b', product: 'B', quantity: 2 };
const deal = { amount: 5, notes: 'now', lineItems: [a, b] };

const line = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 1,
  at: 1,
  userId: 'u1',
  userName: 'Li',
  field: 'notes',
  oldValue: 'before',
  newValue: 'now',
  kind: 'change',
  ...overrides,
});

describe('restorePatch', () => {
  it('puts a whole field back, and nothing when it is already there', () => {
    expect(restorePatch(deal, { field: 'notes', value: 'before' })).toEqual({ notes: 'before' });
    expect(restorePatch(deal, { field: 'notes', value: 'now' })).toBeNull();
    // null in history: the field was not set.
    expect(restorePatch(deal, { field: 'notes', value: null })).toEqual({ notes: undefined });
  });

  it('restores one field of one item, keeping the other items and fields', () => {
    expect(
      restorePatch(deal, { field: 'lineItems', itemId: 'b', values: { quantity: 7 } }),
    ).toEqual({ lineItems: [a, { ...b, quantity: 7 }] });
    expect(
      restorePatch(deal, { field: 'lineItems', itemId: 'b', values: { quantity: 2 } }),
    ).toBeNull();
    // The item is gone: one field of it cannot be put back on its own.
    expect(
      restorePatch(deal, { field: 'lineItems', itemId: 'z', values: { quantity: 2 } }),
    ).toBeNull();
  });

  it('re-adds a deleted item, replaces a changed one and removes one restored as deleted', () => {
    const c = { id: 'c', product: 'C', quantity: 3 };
    expect(restorePatch(deal, { field: 'lineItems', itemId: 'c', item: c })).toEqual({
      lineItems: [a, b, c],
    });
    expect(
      restorePatch(deal, { field: 'lineItems', itemId: 'a', item: { ...a, product: 'old' } }),
    ).toEqual({ lineItems: [{ ...a, product: 'old' }, b] });
    expect(restorePatch(deal, { field: 'lineItems', itemId: 'a', item: a })).toBeNull();
    expect(restorePatch(deal, { field: 'lineItems', itemId: 'a', item: null })).toEqual({
      lineItems: [b],
    });
    expect(restorePatch(deal, { field: 'lineItems', itemId: 'z', item: null })).toBeNull();
  });
});

describe('restoreTargetOf', () => {
  it('reads the overwritten value of a change and the lost value of a merge', () => {
    expect(restoreTargetOf(line({}))).toEqual({ field: 'notes', value: 'before' });
    expect(restoreTargetOf(line({ kind: 'create' }))).toBeNull();
    expect(
      restoreTargetOf(
        line({
          kind: 'merge',
          field: 'lineItems',
          oldValue: 9,
          newValue: 2,
          merge: {
            reason: 'laterEdit',
            lostAt: 1,
            keptAt: 2,
            keptBy: 'u2',
            itemId: 'b',
            key: 'quantity',
          },
        }),
      ),
    ).toEqual({ field: 'lineItems', itemId: 'b', values: { quantity: 9 } });
    // A stamp path names the item too; a lost deletion restores as a deletion.
    expect(
      restoreTargetOf(line({ kind: 'merge', field: 'lineItems[a]', oldValue: null, newValue: a })),
    ).toEqual({ field: 'lineItems', itemId: 'a', item: null });
    // Whole lists are restored per item (listItemChanges).
    expect(
      restoreTargetOf(line({ field: 'lineItems', oldValue: [a], newValue: [a, b] })),
    ).toBeNull();
  });
});

describe('listItemChanges', () => {
  it('reads a list change item by item with what restores each', () => {
    const changes = listItemChanges('lineItems', [a, b], [{ ...a, quantity: 5 }, { id: 'c' }]);
    expect(changes.map((c) => [c.itemId, c.change, c.keys])).toEqual([
      ['a', 'changed', ['quantity']],
      ['c', 'added', []],
      ['b', 'removed', []],
    ]);
    expect(changes[0].restore).toEqual({
      field: 'lineItems',
      itemId: 'a',
      values: { quantity: 1 },
    });
    expect(changes[2].restore).toEqual({ field: 'lineItems', itemId: 'b', item: b });
    expect(changes[1].restore).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { changedPaths, isItemList, parseStampPath, stampPath } from './field-paths';

const deal = {
  id: 'd1',
  name: '数据平台',
  amount: 300,
  tags: ['a'],
  lineItems: [
    { id: 'l1', product: 'A', quantity: 1, unitPrice: 100, discount: 0 },
    { id: 'l2', product: 'B', quantity: 2, unitPrice: 100, discount: 0 },
  ],
  updatedAt: 1,
  updatedBy: 'u1',
};

describe('stamp paths', () => {
  it('round-trip fields, items and item fields', () => {
    for (const path of [
      { field: 'amount' },
      { field: 'lineItems', itemId: 'l1' },
      { field: 'lineItems', itemId: 'a.b]c', key: 'quantity' },
    ])
      expect(parseStampPath(stampPath(path))).toEqual(path);
  });
});

describe('changedPaths', () => {
  it('lists every field of a new record', () => {
    expect(changedPaths(null, deal).sort()).toEqual(['amount', 'id', 'lineItems', 'name', 'tags']);
  });

  it('names list items per item and field, ignores bookkeeping fields', () => {
    const after = {
      ...deal,
      amount: 500,
      updatedAt: 2,
      lineItems: [
        { ...deal.lineItems[1], quantity: 4 },
        { id: 'l3', product: 'C', quantity: 1, unitPrice: 1, discount: 0 },
      ],
    };
    expect(changedPaths(deal, after).sort()).toEqual([
      'amount',
      'lineItems[l1]',
      'lineItems[l2].quantity',
      'lineItems[l3]',
    ]);
  });

  it('treats a reordered list as one change and other arrays as one value', () => {
    const reordered = {
      ...deal,
      lineItems: [deal.lineItems[1], deal.lineItems[0]],
      tags: ['a', 'b'],
    };
    expect(changedPaths(deal, reordered).sort()).toEqual(['lineItems', 'tags']);
    expect(isItemList(deal.tags)).toBe(false);
    expect(isItemList([], undefined)).toBe(true);
    expect(isItemList([{ id: 'x' }, { id: 'x' }])).toBe(false);
  });
});

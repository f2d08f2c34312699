import { describe, expect, it } from 'vitest';
import { sameRecord, stableStringify, threeWayMerge } from './merge';

const base = {
  id: 'd1',
  name: '数据平台',
  amount: 100,
  closeDate: '2026-12-31',
  tags: ['a'],
  updatedAt: 1,
  updatedBy: 'u1',
};

describe('threeWayMerge', () => {
  it('keeps fields changed on one side only, from either side', () => {
    const current = { ...base, amount: 200, updatedAt: 2 };
    const incoming = { ...base, closeDate: '2027-03-31', updatedAt: 3 };
    const result = threeWayMerge(base, current, incoming, 'incoming');
    expect(result.merged).toMatchObject({ amount: 200, closeDate: '2027-03-31' });
    expect(result.conflicts).toEqual([]);
    expect(result.changedFields).toEqual(['closeDate']);
  });

  it('decides a field changed on both sides by the preferred side and reports the loser', () => {
    const current = { ...base, amount: 200 };
    const incoming = { ...base, amount: 300 };
    const serverSide = threeWayMerge(base, current, incoming, 'incoming');
    expect(serverSide.merged.amount).toBe(300);
    expect(serverSide.conflicts).toEqual([
      { field: 'amount', base: 100, kept: 300, lost: 200, loser: 'current' },
    ]);
    const clientSide = threeWayMerge(base, current, incoming, 'current');
    expect(clientSide.merged.amount).toBe(200);
    expect(clientSide.conflicts[0]?.lost).toBe(300);
  });

  it('treats the same change on both sides as no conflict, and arrays as one value', () => {
    const current = { ...base, amount: 500, tags: ['a', 'b'] };
    const incoming = { ...base, amount: 500, tags: ['a', 'c'] };
    const result = threeWayMerge(base, current, incoming, 'incoming');
    expect(result.conflicts.map((c) => c.field)).toEqual(['tags']);
    expect(result.merged.tags).toEqual(['a', 'c']);
  });

  it('removes a field the incoming side removed', () => {
    const withOptional = { ...base, deletedAt: 5 };
    const incoming = { ...base } as typeof withOptional;
    const result = threeWayMerge(withOptional, withOptional, incoming, 'incoming');
    expect('deletedAt' in result.merged).toBe(false);
  });

  it('without a base (a new record both sides created) compares to current', () => {
    const result = threeWayMerge(null, { ...base, amount: 1 }, { ...base, amount: 2 }, 'incoming');
    expect(result.merged.amount).toBe(2);
  });
});

describe('record equality', () => {
  it('ignores key order and replication fields', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      stableStringify({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
    expect(sameRecord({ id: 'x', a: 1, _rev: '1-a' }, { a: 1, id: 'x', _meta: { lwt: 1 } })).toBe(
      true,
    );
    expect(sameRecord({ id: 'x', a: 1 }, { id: 'x', a: 2 })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { sameData } from './same-data';

describe('sameData', () => {
  it('compares plain data by value', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData([{ amount: 1 }], [{ amount: 2 }])).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(null, {})).toBe(false);
  });

  it('compares functions, refs, Maps and Sets by identity', () => {
    const f = () => 1;
    const ref = { current: 1 };
    expect(sameData({ f, ref }, { f, ref })).toBe(true);
    expect(sameData({ f }, { f: () => 1 })).toBe(false);
    expect(sameData(new Map(), new Map())).toBe(false);
    const set = new Set([1]);
    expect(sameData(set, set)).toBe(true);
  });
});

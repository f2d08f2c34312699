import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './input-guard';

describe('findUnstorableText', () => {
  it('passes text PostgreSQL can store, including CJK and emoji (surrogate pairs)', () => {
    expect(findUnstorableText({ name: '上海某某有限公司 🚀', tags: ['a', 'b'], n: 1 })).toBeNull();
  });

  it('names where a NUL or a lone surrogate is, in values and in keys', () => {
    expect(findUnstorableText('a\u0000b')).toEqual([]);
    expect(findUnstorableText({ lineItems: [{ product: 'x' }, { product: 'y\u0000' }] })).toEqual([
      'lineItems',
      '1',
      'product',
    ]);
    expect(findUnstorableText({ note: 'half \ud83d pair' })).toEqual(['note']);
    expect(findUnstorableText({ note: 'low \ude80 alone' })).toEqual(['note']);
    expect(findUnstorableText({ ['bad\u0000key']: 1 })).toEqual(['bad\u0000key']);
  });
});

import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText } from './storable-text';

describe('isStorableText', () => {
  it('accepts CJK, emoji (surrogate pairs) and other control characters', () => {
    for (const text of ['', '上海某某有限公司', '🚀 launch', 'tab\there', '\u0001'])
      expect(isStorableText(text)).toBe(true);
  });

  it('refuses a NUL and a surrogate without its partner, wherever it stands', () => {
    for (const text of [
      '\u0000',
      'a\u0000b',
      '\ud83d',
      'x\ud83d',
      '\ud83dx',
      '\ude80',
      'x\ude80',
      '\ude80\ud83d',
    ])
      expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });
});

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

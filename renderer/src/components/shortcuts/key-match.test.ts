import { describe, expect, it } from 'vitest';
import { displayKeys, matchesStroke, parseKeys, type KeyLike } from './key-match';

const press = (key: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

describe('shortcut keys', () => {
  it('parses modifiers and sequences', () => {
    expect(parseKeys('mod+K')).toEqual([{ key: 'k', mod: true, alt: false, shift: false }]);
    expect(parseKeys('g d').map((s) => s.key)).toEqual(['g', 'd']);
    expect(parseKeys('+')).toEqual([{ key: '+', mod: false, alt: false, shift: false }]);
  });

  it('mod is ⌘ on a Mac and Ctrl elsewhere, and the other one refuses', () => {
    const [modK] = parseKeys('mod+k');
    expect(matchesStroke(modK, press('k', { ctrlKey: true }), false)).toBe(true);
    expect(matchesStroke(modK, press('k', { metaKey: true }), false)).toBe(false);
    expect(matchesStroke(modK, press('k', { metaKey: true }), true)).toBe(true);
    expect(matchesStroke(modK, press('k', { ctrlKey: true }), true)).toBe(false);
    expect(matchesStroke(modK, press('k'), false)).toBe(false);
  });

  it('a plain letter does not fire with a modifier or shift held', () => {
    const [j] = parseKeys('j');
    expect(matchesStroke(j, press('j'), false)).toBe(true);
    expect(matchesStroke(j, press('J', { shiftKey: true }), false)).toBe(false);
    expect(matchesStroke(j, press('j', { ctrlKey: true }), false)).toBe(false);
    expect(matchesStroke(j, press('j', { altKey: true }), false)).toBe(false);
  });

  it('a symbol matches by its character, whatever shift it took to type', () => {
    const [help] = parseKeys('?');
    expect(matchesStroke(help, press('?', { shiftKey: true }), false)).toBe(true);
    expect(matchesStroke(help, press('/'), false)).toBe(false);
  });

  it('a letter matches by its physical key under another layout', () => {
    const [modK] = parseKeys('mod+k');
    expect(matchesStroke(modK, press('л', { code: 'KeyK', ctrlKey: true }), false)).toBe(true);
  });

  it('names keys for the help overlay', () => {
    expect(displayKeys(parseKeys('mod+k')[0], true)).toEqual(['⌘', 'K']);
    expect(displayKeys(parseKeys('mod+k')[0], false)).toEqual(['Ctrl', 'K']);
    expect(displayKeys(parseKeys('ArrowDown')[0], false)).toEqual(['↓']);
  });
});

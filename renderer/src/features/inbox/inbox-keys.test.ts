import { describe, expect, it } from 'vitest';
import type { KeyLike } from '../../components/shortcuts/key-match';
import { inboxKeyAction, movedIndex } from './inbox-keys';

function key(k: string, more: Partial<KeyLike> = {}): KeyLike {
  return {
    key: k,
    code: '',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...more,
  };
}

describe('inboxKeyAction', () => {
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Enter', 'open'],
    ['e', 'done'],
    ['s', 'snooze'],
    ['Delete', 'dismiss'],
    ['z', 'undo'],
  ] as const)('%s → %s', (pressed, action) => {
    expect(inboxKeyAction(key(pressed), false)).toBe(action);
  });

  it('takes # as typed (shift and 3 on a US or Chinese keyboard)', () => {
    expect(inboxKeyAction(key('#', { shiftKey: true, code: 'Digit3' }), false)).toBe('dismiss');
  });

  it('reads the physical key under another layout, and leaves modified keys alone', () => {
    expect(inboxKeyAction(key('у', { code: 'KeyE' }), false)).toBe('done');
    expect(inboxKeyAction(key('e', { ctrlKey: true }), false)).toBeNull();
    expect(inboxKeyAction(key('E', { shiftKey: true }), false)).toBeNull();
    expect(inboxKeyAction(key('x'), false)).toBeNull();
  });
});

describe('movedIndex', () => {
  it('moves by one, to the ends, and stops there', () => {
    expect(movedIndex('next', 0, 3)).toBe(1);
    expect(movedIndex('next', 2, 3)).toBe(2);
    expect(movedIndex('previous', 0, 3)).toBe(0);
    expect(movedIndex('first', 2, 3)).toBe(0);
    expect(movedIndex('last', 0, 3)).toBe(2);
    expect(movedIndex('done', 0, 3)).toBeNull();
    expect(movedIndex('next', 0, 0)).toBeNull();
  });
});

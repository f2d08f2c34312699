import { describe, expect, it } from 'vitest';
import { isBoardKey, moveBoardFocus } from './board-focus';

// Three columns: three cards, an empty column (the column itself is its one item), two cards.
const sizes = [3, 1, 2];

describe('moveBoardFocus', () => {
  it('moves up and down within a column and stops at its ends', () => {
    expect(moveBoardFocus(sizes, { column: 0, item: 0 }, 'ArrowDown')).toEqual({
      column: 0,
      item: 1,
    });
    expect(moveBoardFocus(sizes, { column: 0, item: 2 }, 'ArrowDown')).toEqual({
      column: 0,
      item: 2,
    });
    expect(moveBoardFocus(sizes, { column: 0, item: 0 }, 'ArrowUp')).toEqual({
      column: 0,
      item: 0,
    });
    expect(moveBoardFocus(sizes, { column: 0, item: 2 }, 'ArrowUp')).toEqual({
      column: 0,
      item: 1,
    });
  });

  it('goes to the first and last item of the column with Home and End', () => {
    expect(moveBoardFocus(sizes, { column: 0, item: 1 }, 'Home')).toEqual({ column: 0, item: 0 });
    expect(moveBoardFocus(sizes, { column: 0, item: 0 }, 'End')).toEqual({ column: 0, item: 2 });
  });

  it('reaches an empty column (the column itself) and the item at the same height beyond it', () => {
    expect(moveBoardFocus(sizes, { column: 0, item: 2 }, 'ArrowRight')).toEqual({
      column: 1,
      item: 0,
    });
    expect(moveBoardFocus(sizes, { column: 1, item: 0 }, 'ArrowRight')).toEqual({
      column: 2,
      item: 0,
    });
    expect(moveBoardFocus(sizes, { column: 0, item: 1 }, 'ArrowRight')).toEqual({
      column: 1,
      item: 0,
    });
  });

  it('keeps the height when the neighbour is long enough, else takes its last item', () => {
    expect(moveBoardFocus([3, 3], { column: 0, item: 2 }, 'ArrowRight')).toEqual({
      column: 1,
      item: 2,
    });
    expect(moveBoardFocus([2, 3], { column: 1, item: 2 }, 'ArrowLeft')).toEqual({
      column: 0,
      item: 1,
    });
  });

  it('stops at the first and last column', () => {
    const first = { column: 0, item: 1 };
    const last = { column: 2, item: 1 };
    expect(moveBoardFocus(sizes, first, 'ArrowLeft')).toBe(first);
    expect(moveBoardFocus(sizes, last, 'ArrowRight')).toBe(last);
  });
});

describe('isBoardKey', () => {
  it('takes the arrows, Home and End only (Enter, Space and letters are not board moves)', () => {
    expect(['ArrowUp', 'ArrowLeft', 'Home', 'End'].every(isBoardKey)).toBe(true);
    expect(['Enter', ' ', 'j', 'Tab'].some(isBoardKey)).toBe(false);
  });
});

/**
 * Roving focus on the deal board (issue 16): the board is one Tab stop; the arrow keys move between its items.
 * An item is a card, or the column itself when the column has no card, so every column can be reached.
 */

/** Where focus is: a column (left to right) and an item in it (top to bottom). */
export interface BoardPosition {
  column: number;
  item: number;
}

/** The keys the board handles itself (anything else is left to the browser, dnd-kit and the shortcuts). */
export const BOARD_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
] as const;
export type BoardKey = (typeof BOARD_KEYS)[number];

export function isBoardKey(key: string): key is BoardKey {
  return (BOARD_KEYS as readonly string[]).includes(key);
}

/**
 * The position a key moves focus to. `sizes` holds the number of items per column (an empty column counts one:
 * the column). Up/Down move within the column and stop at its ends; Home/End go to its first/last item;
 * Left/Right go to the neighbouring column, to the item at the same height (or its last item when it is
 * shorter), and stop at the first/last column. Returns `from` unchanged when the key leads nowhere.
 */
export function moveBoardFocus(
  sizes: readonly number[],
  from: BoardPosition,
  key: BoardKey,
): BoardPosition {
  const size = (column: number) => Math.max(1, sizes[column] ?? 1);
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const last = size(from.column) - 1;
  switch (key) {
    case 'ArrowUp':
      return { column: from.column, item: clamp(from.item - 1, last) };
    case 'ArrowDown':
      return { column: from.column, item: clamp(from.item + 1, last) };
    case 'Home':
      return { column: from.column, item: 0 };
    case 'End':
      return { column: from.column, item: last };
    case 'ArrowLeft':
    case 'ArrowRight': {
      const column = clamp(from.column + (key === 'ArrowRight' ? 1 : -1), sizes.length - 1);
      if (column === from.column) return from;
      return { column, item: clamp(from.item, size(column) - 1) };
    }
  }
}

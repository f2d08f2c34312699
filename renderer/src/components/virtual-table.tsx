import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Center, Loader, Text } from '@mantine/core';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import {
  recalledListPosition,
  rememberListPosition,
  startRecordSequence,
  type SequenceEntry,
} from './list-position';
import classes from './virtual-table.module.css';
import type { ExportCellType, ExportValue } from '../data/services/export/table-export';
import { endsPendingSequence } from './shortcuts/use-shortcut';

export interface Column<T> {
  key: string;
  header: ReactNode;
  width?: number | string;
  render: (row: T) => ReactNode;
  /**
   * How the column goes into an export (components/export-menu.tsx): its cell type and the value the cell
   * shows, as text or number (a label in the UI language, an amount; null for a hidden field). The header is
   * the column's own (a string) unless `header` is given. Columns without it are not exported.
   */
  export?: { type: ExportCellType; value: (row: T) => ExportValue; header?: string };
}

/** What a record page needs to move to the next or previous row of this list (`j`/`k` on a record page). */
export interface TableSequence<T> {
  /** The record kind of the rows ('accounts', 'deals' …), as the record pages ask for it. */
  kind: string;
  /** The record page of a row. */
  href: (row: T) => string;
  /** Loads the next page and returns all rows so far; null when there is none (`usePagedList().fetchMore`). */
  fetchMore?: () => Promise<T[] | null>;
}

export interface VirtualTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Opens a row: a click on it, or Enter while it has the focus. */
  onRowClick?: (row: T) => void;
  /** Called when the last rendered row is near the end: load the next page. */
  onEndReached?: () => void;
  loading?: boolean;
  height?: number | string;
  testId?: string;
  /** A mark shown before a row's first cell (a change not synced yet); null for none. */
  rowMark?: (row: T) => ReactNode;
  /** The grid's accessible name: the page's title. */
  label: string;
  /** How many rows the list has in all, when it is known (else screen readers hear "unknown"). */
  totalCount?: number;
  /**
   * Names this list (its route and filter): the row opened last is remembered under it, and the row gets the
   * focus again when the list is shown again (back from the record, `u`, or the nav link).
   */
  positionKey?: string;
  /** Rows that are records with their own page: opening one lets that page step through the list. */
  sequence?: TableSequence<T>;
  /**
   * A key (without modifiers) pressed on a focused row that the grid does not use: the keyboard route to a
   * cell's control, which is out of the Tab order (a focusable row holds no focusable controls). Return true
   * when handled.
   */
  onRowKey?: (key: string, row: T) => boolean;
}

const ROW_HEIGHT = 44;

/**
 * A guess of the scroll element's size until it is measured: the viewport, less what a `calc(100vh - Npx)`
 * height leaves out. When the guess is right, the rows of the first render are the rows after measuring, and
 * the measurement (in a layout effect) does not render the table again before the first paint (cold start, B6).
 */
export function initialRect(height: number | string): { width: number; height: number } {
  if (typeof window === 'undefined') return { width: 0, height: 0 };
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  if (typeof height === 'number') return { ...viewport, height };
  const calc = /^calc\(100vh - (\d+(?:\.\d+)?)px\)$/.exec(height.trim());
  return calc ? { ...viewport, height: Math.max(0, viewport.height - Number(calc[1])) } : viewport;
}

/**
 * The row a key moves the focus to, from `index` in a list of `count` rows showing `pageRows` at a time;
 * null for a key the grid leaves alone. ArrowDown/j and ArrowUp/k move by one, PageDown/PageUp by a screen,
 * Home/End to the ends (WAI-ARIA grid pattern, rows only).
 */
export function targetRow(
  key: string,
  index: number,
  count: number,
  pageRows: number,
): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return clamp(index + 1);
    case 'ArrowUp':
    case 'k':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A table that renders only the visible rows (TanStack Virtual), so a list of 100,000 accounts costs
 * the same to draw as one of 50. Rows come in pages from a repository; scrolling near the end asks for more.
 *
 * It is a WAI-ARIA grid operated by rows (issue 16): one row is in the Tab order (roving tabindex), the arrow
 * keys, j/k, Home/End and PageUp/PageDown move the focus, Enter opens the row. The focused row follows an
 * index, not a DOM node: rows are virtualized, so the virtualizer always renders it (`rangeExtractor`) and
 * scrolls to it. Cells are not focusable, so what a cell shows must not be a control (nested-interactive).
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  onRowClick,
  onEndReached,
  loading,
  height = 'calc(100vh - 220px)',
  testId,
  rowMark,
  label,
  totalCount,
  positionKey,
  sequence,
  onRowKey,
}: VirtualTableProps<T>) {
  const { t } = useTranslation();
  const location = useLocation();
  const parentRef = useRef<HTMLDivElement>(null);
  // The row in the Tab order, by key (a live update that reorders the rows keeps it on the same record) and
  // by index (a key that left the list leaves the focus where it was).
  const [active, setActive] = useState<{ key: string | null; index: number }>({
    key: null,
    index: 0,
  });
  const activeIndex = resolveActive(rows, rowKey, active);
  // Set when the focus must move to the active row once it is rendered.
  const focusPending = useRef(false);
  // TanStack Virtual returns functions React Compiler cannot memoize; this component does not use the compiler.

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || activeIndex >= range.count || indexes.includes(activeIndex))
        return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  // initialRect: rows already in the first render are drawn in that render (not one commit later, after a
  // measurement: cold start, B6).
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: initialRect(height),
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = virtualizer.range?.endIndex ?? -1;

  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 10) onEndReached();
  }, [lastIndex, rows.length, onEndReached]);

  // Moves the focus to the active row once it is in the DOM (after a key, or when coming back to the list).
  useEffect(() => {
    if (!focusPending.current || activeIndex < 0) return;
    const row = parentRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (!row) return;
    focusPending.current = false;
    row.focus({ preventScroll: true });
  });

  const focusRow = (index: number) => {
    const row = rows[index];
    if (row === undefined) return;
    setActive({ key: rowKey(row), index });
    focusPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  // Back from a record (or to this list again): the row opened last gets the focus, once it is loaded. Only
  // for the list as it was when shown: a filter typed afterwards is another list, and never takes the focus
  // from the field being typed in.
  const shownAs = useRef(positionKey);
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !positionKey) return;
    if (positionKey !== shownAs.current) {
      restored.current = true;
      return;
    }
    const remembered = recalledListPosition(positionKey);
    if (!remembered) {
      restored.current = true;
      return;
    }
    const index = rows.findIndex((row) => rowKey(row) === remembered);
    if (index < 0) {
      // Not loaded (yet): once the pages asked for are there and it is not among them, stop looking.
      if (!loading && rows.length > 0) restored.current = true;
      return;
    }
    restored.current = true;
    setActive({ key: remembered, index });
    if (!isTyping(document.activeElement)) focusPending.current = true;
    virtualizer.scrollToIndex(index, { align: 'center' });
    // rowKey and the virtualizer are new on every render; the rows and the list decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, positionKey, loading]);

  const openRow = (row: T, index: number) => {
    if (!onRowClick) return;
    const key = rowKey(row);
    setActive({ key, index });
    if (positionKey) rememberListPosition(positionKey, key);
    if (sequence) {
      const toEntries = (list: T[]): SequenceEntry[] =>
        list.map((r) => ({ key: rowKey(r), href: sequence.href(r) }));
      const fetchMore = sequence.fetchMore;
      startRecordSequence({
        kind: sequence.kind,
        listPath: location.pathname + location.search,
        positionKey: positionKey ?? sequence.kind,
        entries: toEntries(rows),
        loadMore: fetchMore
          ? async () => {
              const more = await fetchMore();
              return more ? toEntries(more) : null;
            }
          : undefined,
      });
    }
    onRowClick(row);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>, row: T, index: number) => {
    // Keys inside a cell's content belong to it; modified keys (Ctrl+Home …) are not the grid's.
    if (event.target !== event.currentTarget) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // `g c` on a lead row goes to Contacts: a pending two-key shortcut wins over the row's own keys.
    if (endsPendingSequence(event.nativeEvent)) return;
    if (event.key === 'Enter') {
      if (!onRowClick) return;
      event.preventDefault();
      openRow(row, index);
      return;
    }
    const pageRows = Math.floor((parentRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1;
    const target = targetRow(event.key, index, rows.length, pageRows);
    if (target === null) {
      if (onRowKey?.(event.key, row)) event.preventDefault();
      return;
    }
    event.preventDefault();
    focusRow(target);
  };

  const gridTemplateColumns = columns
    .map((c) => (typeof c.width === 'number' ? `${c.width}px` : (c.width ?? 'minmax(120px, 1fr)')))
    .join(' ');
  const empty = rows.length === 0 && !loading;

  return (
    <div
      role="grid"
      aria-label={label}
      aria-rowcount={totalCount !== undefined ? totalCount + 1 : -1}
      aria-busy={loading ? true : undefined}
      data-testid={testId}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className={classes.header}
          style={{ gridTemplateColumns }}
        >
          {columns.map((c) => (
            <div key={c.key} role="columnheader" data-column={c.key}>
              {c.header}
            </div>
          ))}
        </div>
      </div>
      {/* The scrolling body holds the focusable row (scrollable-region-focusable); empty, it does not scroll. */}
      <div
        ref={parentRef}
        className={classes.body}
        style={{ height, overflow: empty ? 'hidden' : 'auto' }}
      >
        {empty ? (
          <div role="rowgroup">
            <div role="row" aria-rowindex={2}>
              <Center py="xl" role="gridcell">
                <Text c="dimmed">{t('common.empty')}</Text>
              </Center>
            </div>
          </div>
        ) : (
          <div
            role="rowgroup"
            aria-busy={loading ? true : undefined}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {/* Plain elements: a screen draws ~25 rows × 7 cells, and a Mantine Box per row costs its style
                resolution on every render (cold start, B6). */}
            {items.map((item) => {
              const row = rows[item.index];
              const mark = rowMark?.(row) ?? null;
              const key = rowKey(row);
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === activeIndex ? 0 : -1}
                  className={classes.row}
                  data-testid="table-row"
                  data-row-index={item.index}
                  data-row-key={key}
                  data-clickable={onRowClick ? true : undefined}
                  data-marked={mark ? true : undefined}
                  onClick={onRowClick ? () => openRow(row, item.index) : undefined}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget && item.index !== activeIndex)
                      setActive({ key, index: item.index });
                  }}
                  onKeyDown={(event) => handleKeyDown(event, row, item.index)}
                  style={{
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    gridTemplateColumns,
                  }}
                >
                  {columns.map((c, index) => (
                    <div key={c.key} role="gridcell" className={classes.cell} data-column={c.key}>
                      {index === 0 && mark}
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
        {loading && (
          <Center py="sm">
            <Loader size="sm" />
          </Center>
        )}
      </div>
    </div>
  );
}

function isTyping(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return (
    element.isContentEditable ||
    element instanceof HTMLTextAreaElement ||
    (element instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(element.type))
  );
}

function resolveActive<T>(
  rows: T[],
  rowKey: (row: T) => string,
  active: { key: string | null; index: number },
): number {
  if (rows.length === 0) return -1;
  const at = rows[active.index] as T | undefined;
  if (at !== undefined && (active.key === null || rowKey(at) === active.key)) return active.index;
  if (active.key !== null) {
    const found = rows.findIndex((row) => rowKey(row) === active.key);
    if (found >= 0) return found;
  }
  return Math.min(active.index, rows.length - 1);
}

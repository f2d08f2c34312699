import { useEffect, useRef, type ReactNode } from 'react';
import { Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import classes from './virtual-table.module.css';

export interface Column<T> {
  key: string;
  header: ReactNode;
  width?: number | string;
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  /** Called when the last rendered row is near the end: load the next page. */
  onEndReached?: () => void;
  loading?: boolean;
  height?: number | string;
  testId?: string;
  /** A mark shown before a row's first cell (a change not synced yet); null for none. */
  rowMark?: (row: T) => ReactNode;
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
 * A table that renders only the visible rows (TanStack Virtual), so a list of 100,000 accounts costs
 * the same to draw as one of 50. Rows come in pages from a repository; scrolling near the end asks for more.
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
}: VirtualTableProps<T>) {
  const { t } = useTranslation();
  const parentRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions React Compiler cannot memoize; this component does not use the compiler.

  // initialRect: rows already in the first render are drawn in that render (not one commit later, after a
  // measurement: cold start, B6).
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: initialRect(height),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (onEndReached && rows.length > 0 && lastIndex >= rows.length - 10) onEndReached();
  }, [lastIndex, rows.length, onEndReached]);

  const gridTemplateColumns = columns
    .map((c) => (typeof c.width === 'number' ? `${c.width}px` : (c.width ?? 'minmax(120px, 1fr)')))
    .join(' ');

  return (
    <div data-testid={testId}>
      <div role="row" className={classes.header} style={{ gridTemplateColumns }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader">
            {c.header}
          </div>
        ))}
      </div>
      <div ref={parentRef} style={{ height, overflow: 'auto' }} role="rowgroup">
        {rows.length === 0 && !loading ? (
          <Center py="xl">
            <Text c="dimmed">{t('common.empty')}</Text>
          </Center>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {/* Plain elements: a screen draws ~25 rows × 7 cells, and a Mantine Box per row costs its style
                resolution on every render (cold start, B6). */}
            {items.map((item) => {
              const row = rows[item.index];
              const mark = rowMark?.(row) ?? null;
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  className={classes.row}
                  data-testid="table-row"
                  data-clickable={onRowClick ? true : undefined}
                  data-marked={mark ? true : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  style={{
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    gridTemplateColumns,
                  }}
                >
                  {columns.map((c, index) => (
                    <div key={c.key} role="cell" className={classes.cell}>
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

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { i18n } from '../i18n';
import {
  initialRect,
  targetRow,
  VirtualTable,
  type Column,
  type VirtualTableProps,
} from './virtual-table';
import { recalledListPosition, recordSequenceFor, resetListPositions } from './list-position';

describe('the virtual table’s first guess of its scroll area', () => {
  it('is the viewport less what a calc(100vh - N px) height leaves out, so measuring does not change the rows', () => {
    expect(initialRect('calc(100vh - 220px)')).toEqual({
      width: window.innerWidth,
      height: window.innerHeight - 220,
    });
    expect(initialRect(' calc(100vh - 12.5px) ').height).toBe(window.innerHeight - 12.5);
  });

  it('takes a fixed height as it is, and the viewport for any other height', () => {
    expect(initialRect(400).height).toBe(400);
    expect(initialRect('60vh').height).toBe(window.innerHeight);
    expect(initialRect('calc(100vh - 99999px)').height).toBe(0);
  });
});

function rowsOf(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `id-${i}`, name: `Row ${i}` }));
}

interface Item {
  id: string;
  name: string;
}

const columns: Column<Item>[] = [{ key: 'name', header: 'Name', render: (r) => r.name }];

function renderTable(props: Partial<VirtualTableProps<Item>> = {}) {
  const onRowClick = vi.fn();
  const view = render(
    <MantineProvider>
      <MemoryRouter initialEntries={['/things']}>
        <VirtualTable
          rows={rowsOf(100)}
          columns={columns}
          rowKey={(r) => r.id}
          onRowClick={onRowClick}
          label="Things"
          testId="things"
          {...props}
        />
      </MemoryRouter>
    </MantineProvider>,
  );
  return { onRowClick, ...view };
}

const focused = () => (document.activeElement as HTMLElement | null)?.dataset.rowKey;
const row = (key: string) => document.querySelector<HTMLElement>(`[data-row-key="${key}"]`);

describe('the virtual table as a grid (issue 16)', () => {
  // jsdom lays nothing out: the scroll area is 440 px high (10 rows; the virtualizer adds 6 above and below).
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get: () => 440,
    });
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  });
  beforeEach(() => resetListPositions());
  afterEach(cleanup);

  it('is a named grid with a header row, indexed rows and cells, and one row in the Tab order', () => {
    renderTable({ totalCount: 100 });
    const grid = screen.getByRole('grid', { name: 'Things' });
    expect(grid.getAttribute('aria-rowcount')).toBe('101');
    expect(within(grid).getByRole('columnheader', { name: 'Name' })).toBeTruthy();
    const rows = grid.querySelectorAll('[data-row-index]');
    expect(rows.length).toBeGreaterThan(1);
    expect(grid.querySelectorAll('[role="row"][tabindex="0"]')).toHaveLength(1);
    expect(row('id-0')?.getAttribute('tabindex')).toBe('0');
    expect(row('id-0')?.getAttribute('aria-rowindex')).toBe('2');
    expect(row('id-1')?.getAttribute('tabindex')).toBe('-1');
    expect(within(row('id-0')!).getByRole('gridcell').textContent).toBe('Row 0');
  });

  it('says the row count is unknown when it is not given', () => {
    renderTable();
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('-1');
  });

  it('moves the focus with the arrow keys, j/k, Home/End and PageDown, and handles (prevents) those keys', () => {
    renderTable();
    act(() => row('id-0')!.focus());
    expect(fireEvent.keyDown(row('id-0')!, { key: 'ArrowDown' })).toBe(false);
    expect(focused()).toBe('id-1');
    fireEvent.keyDown(row('id-1')!, { key: 'j' });
    expect(focused()).toBe('id-2');
    fireEvent.keyDown(row('id-2')!, { key: 'k' });
    fireEvent.keyDown(row('id-1')!, { key: 'ArrowUp' });
    expect(focused()).toBe('id-0');
    // Above the first row: stays.
    fireEvent.keyDown(row('id-0')!, { key: 'k' });
    expect(focused()).toBe('id-0');
    // The last row is far below the rendered ones: the grid renders it and moves the focus there.
    fireEvent.keyDown(row('id-0')!, { key: 'End' });
    expect(focused()).toBe('id-99');
    expect(row('id-99')?.getAttribute('tabindex')).toBe('0');
    expect(row('id-0')?.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(row('id-99')!, { key: 'Home' });
    expect(focused()).toBe('id-0');
    fireEvent.keyDown(row('id-0')!, { key: 'PageDown' });
    expect(Number(row(focused()!)?.dataset.rowIndex)).toBeGreaterThan(0);
  });

  it('leaves modified keys and keys from inside a cell to others', () => {
    renderTable({
      columns: [
        { key: 'name', header: 'Name', render: (r) => <span tabIndex={-1}>{r.name}</span> },
      ],
    });
    act(() => row('id-0')!.focus());
    expect(fireEvent.keyDown(row('id-0')!, { key: 'End', ctrlKey: true })).toBe(true);
    expect(focused()).toBe('id-0');
    const inner = screen.getByText('Row 0');
    expect(fireEvent.keyDown(inner, { key: 'ArrowDown' })).toBe(true);
    expect(focused()).toBe('id-0');
  });

  it('hands other keys to the page (a cell control’s keyboard route), and prevents them when used', () => {
    const onRowKey = vi.fn((key: string) => key === 'c');
    renderTable({ onRowKey });
    act(() => row('id-0')!.focus());
    fireEvent.keyDown(row('id-0')!, { key: 'ArrowDown' });
    expect(fireEvent.keyDown(row('id-1')!, { key: 'c' })).toBe(false);
    expect(onRowKey).toHaveBeenLastCalledWith('c', { id: 'id-1', name: 'Row 1' });
    expect(fireEvent.keyDown(row('id-1')!, { key: 'x' })).toBe(true);
    // Keys the grid uses never reach the page.
    expect(onRowKey).toHaveBeenCalledTimes(2);
  });

  it('opens the focused row with Enter, and a row with a click', () => {
    const { onRowClick } = renderTable();
    act(() => row('id-0')!.focus());
    fireEvent.keyDown(row('id-0')!, { key: 'ArrowDown' });
    expect(fireEvent.keyDown(row('id-1')!, { key: 'Enter' })).toBe(false);
    expect(onRowClick).toHaveBeenLastCalledWith({ id: 'id-1', name: 'Row 1' });
    fireEvent.click(row('id-3')!);
    expect(onRowClick).toHaveBeenLastCalledWith({ id: 'id-3', name: 'Row 3' });
    // The clicked row is the one in the Tab order now.
    expect(row('id-3')?.getAttribute('tabindex')).toBe('0');
  });

  it('remembers the row opened, and focuses it when the list is shown again', () => {
    const first = renderTable({ positionKey: 'things:all' });
    act(() => row('id-0')!.focus());
    fireEvent.keyDown(row('id-0')!, { key: 'End' });
    fireEvent.keyDown(row('id-99')!, { key: 'ArrowUp' });
    fireEvent.keyDown(row('id-98')!, { key: 'Enter' });
    expect(recalledListPosition('things:all')).toBe('id-98');
    first.unmount();
    // Far below the first screen: rendered and focused.
    renderTable({ positionKey: 'things:all' });
    expect(focused()).toBe('id-98');
    cleanup();
    // Another filter is another list: nothing is focused.
    const other = renderTable({ positionKey: 'things:open' });
    expect(focused()).toBeUndefined();
    // Typing a filter that once was shown does not take the focus from the field.
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    other.rerender(
      <MantineProvider>
        <MemoryRouter initialEntries={['/things']}>
          <VirtualTable
            rows={rowsOf(100)}
            columns={columns}
            rowKey={(r) => r.id}
            label="Things"
            positionKey="things:all"
          />
        </MemoryRouter>
      </MantineProvider>,
    );
    expect(document.activeElement).toBe(field);
    field.remove();
  });

  it('gives a record page opened from it the list’s order', () => {
    renderTable({ sequence: { kind: 'things', href: (r) => `/things/${r.id}` } });
    fireEvent.click(row('id-5')!);
    const sequence = recordSequenceFor('things', 'id-5');
    expect(sequence?.listPath).toBe('/things');
    expect(sequence?.entries[6]).toEqual({ key: 'id-6', href: '/things/id-6' });
    expect(recordSequenceFor('others', 'id-5')).toBeNull();
  });

  it('shows the empty state in a row of its own, and the empty body does not scroll', () => {
    renderTable({ rows: [] });
    const grid = screen.getByRole('grid');
    expect(within(grid).getByRole('gridcell').textContent).toBe(i18n.t('common.empty'));
    expect(grid.querySelectorAll('[tabindex]')).toHaveLength(0);
    const body = grid
      .querySelector<HTMLElement>('[role="gridcell"]')!
      .closest<HTMLElement>('[style*="overflow"]');
    expect(body?.style.overflow).toBe('hidden');
  });
});

describe('targetRow', () => {
  it.each([
    ['ArrowDown', 3, 4],
    ['j', 9, 9],
    ['ArrowUp', 0, 0],
    ['k', 5, 4],
    ['PageDown', 2, 7],
    ['PageUp', 2, 0],
    ['Home', 6, 0],
    ['End', 1, 9],
    ['x', 1, null],
  ])('%s from row %i goes to %s (10 rows, 5 a screen)', (key, from, to) => {
    expect(targetRow(key, from, 10, 5)).toBe(to);
  });

  it('moves nowhere in an empty list', () => {
    expect(targetRow('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

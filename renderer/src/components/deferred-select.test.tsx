import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { markFirstContent, resetStartupForTests } from '../platform/startup';
import { DeferredSelect } from './deferred-select';

/** The picker's visible input (the Select also labels its listbox). */
const pickerInput = () =>
  screen
    .getAllByLabelText('sort')
    .find((el): el is HTMLInputElement => el instanceof HTMLInputElement)!;
const frame = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(() => {
  // jsdom has no matchMedia; Mantine's provider asks for the color scheme through it.
  if (typeof window.matchMedia !== 'function') {
    Object.defineProperty(window, 'matchMedia', {
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  // Nor ResizeObserver, which Mantine's Select uses.
  globalThis.ResizeObserver ??= class {
    observe = () => undefined;
    unobserve = () => undefined;
    disconnect = () => undefined;
  };
});

function renderPicker(value: string | null) {
  return render(
    <MantineProvider>
      <DeferredSelect
        aria-label="sort"
        placeholder="状态"
        data={[
          { value: 'a', label: '活跃' },
          { value: 'b', label: '休眠' },
        ]}
        value={value}
        onChange={() => undefined}
      />
    </MantineProvider>,
  );
}

describe('DeferredSelect', () => {
  afterEach(() => {
    cleanup();
    resetStartupForTests();
  });

  it('draws the closed picker (placeholder, chosen label) until the first content is shown, then mounts the Select', async () => {
    renderPicker('b');
    const before = pickerInput();
    expect(before.value).toBe('休眠');
    expect(before.readOnly).toBe(true);
    expect(before.hasAttribute('data-deferred-select')).toBe(true);

    await act(async () => {
      markFirstContent();
      await frame();
    });
    const after = pickerInput();
    expect(after.hasAttribute('data-deferred-select')).toBe(false);
    expect(after.value).toBe('休眠');
    // The real Select: its input opens a listbox.
    expect(after.getAttribute('aria-haspopup')).toBe('listbox');
  });

  it('mounts the Select at once on screens opened after the first content', async () => {
    await act(async () => {
      markFirstContent();
      await frame();
    });
    renderPicker(null);
    const input = pickerInput();
    expect(input.hasAttribute('data-deferred-select')).toBe(false);
    expect(input.placeholder).toBe('状态');
  });
});

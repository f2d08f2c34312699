import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, LANGUAGES } from '../../i18n';
import { SHORTCUTS } from './catalog';
import { openShortcutHelp, SHORTCUT_GROUPS, ShortcutHelp, ShortcutList } from './shortcut-help';
import { useShortcut, useShortcutListener } from './use-shortcut';

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('zh-CN'));
});

function renderList(isMac: boolean) {
  return render(
    <MantineProvider>
      <ShortcutList isMac={isMac} />
    </MantineProvider>,
  );
}

/** The key caps (Kbd) of one shortcut's row, in order. */
function capsOf(id: string): string[] {
  return Array.from(screen.getByTestId(`shortcut-${id}`).querySelectorAll('kbd')).map(
    (kbd) => kbd.textContent ?? '',
  );
}

describe('shortcut texts', () => {
  it.each(SHORTCUTS.map((s) => s.id))('describes %s in both languages', (id) => {
    for (const lng of LANGUAGES) {
      const key = `shortcuts.${id}`;
      expect(i18n.exists(key, { lng }), `${key} (${lng})`).toBe(true);
      expect(i18n.t(key, { lng }).trim(), `${key} (${lng})`).not.toBe('');
    }
  });

  it.each(SHORTCUT_GROUPS)('names the group %s in both languages', (group) => {
    for (const lng of LANGUAGES)
      expect(i18n.exists(`shortcuts.overlay.groups.${group}`, { lng }), lng).toBe(true);
  });

  it('places every catalog shortcut in a group the overlay shows', () => {
    for (const shortcut of SHORTCUTS) expect(SHORTCUT_GROUPS).toContain(shortcut.group);
  });
});

describe('ShortcutList', () => {
  it('shows every group with each of its shortcuts, in the UI language', () => {
    renderList(false);
    for (const group of SHORTCUT_GROUPS) {
      const section = screen.getByTestId(`shortcut-group-${group}`);
      expect(
        within(section).getByRole('heading', { name: i18n.t(`shortcuts.overlay.groups.${group}`) }),
      ).toBeTruthy();
      const ids = SHORTCUTS.filter((s) => s.group === group).map((s) => s.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const row = within(section).getByTestId(`shortcut-${id}`);
        expect(row.textContent).toContain(i18n.t(`shortcuts.${id}`, { lng: 'zh-CN' }));
      }
    }
    expect(screen.getByTestId('shortcut-goAccounts').textContent).toContain('前往客户');
  });

  it('writes Ctrl elsewhere and ⌘ on a Mac', () => {
    renderList(false);
    expect(capsOf('search')).toEqual(['Ctrl', 'K']);
    cleanup();
    renderList(true);
    expect(capsOf('search')).toEqual(['⌘', 'K']);
  });

  it('shows a sequence as one key then the other, in both languages', async () => {
    renderList(false);
    expect(capsOf('goMyDay')).toEqual(['G', 'D']);
    expect(screen.getByTestId('shortcut-goMyDay').textContent).toContain('G 然后 D');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('shortcut-goMyDay').textContent).toContain('G then D');
    expect(screen.getByTestId('shortcut-goMyDay').textContent).toContain('Go to My day');
  });

  it('shows alternatives with "or" and named keys', () => {
    renderList(false);
    expect(capsOf('listDown')).toEqual(['↓', 'J']);
    expect(screen.getByTestId('shortcut-listDown').textContent).toContain('或');
    expect(capsOf('help')).toEqual(['?']);
  });

  it('marks a screen shortcut no mounted screen handles as not available here', () => {
    // A screen handling n is mounted; the list opens over it afterwards (as the overlay does).
    function WithNew({ showList }: { showList: boolean }) {
      useShortcut('newRecord', () => undefined);
      return showList ? <ShortcutList isMac={false} /> : null;
    }
    const view = render(
      <MantineProvider>
        <WithNew showList={false} />
      </MantineProvider>,
    );
    view.rerender(
      <MantineProvider>
        <WithNew showList />
      </MantineProvider>,
    );
    const notHere = i18n.t('shortcuts.overlay.notHere');
    expect(screen.getByTestId('shortcut-newRecord').textContent).not.toContain(notHere);
    expect(screen.getByTestId('shortcut-edit').textContent).toContain(notHere);
    // Shortcuts the focused widget handles are always listed as such.
    expect(screen.getByTestId('shortcut-listOpen').textContent).not.toContain(notHere);
  });
});

// Mounting Mantine's modal with the whole catalog takes seconds in jsdom on a busy machine.
describe('ShortcutHelp', { timeout: 30_000 }, () => {
  function App() {
    useShortcutListener();
    return (
      <MantineProvider>
        <ShortcutHelp />
      </MantineProvider>
    );
  }

  it('opens on ? and from openShortcutHelp, and closes on Escape', async () => {
    render(<App />);
    expect(screen.queryByTestId('shortcut-list')).toBeNull();
    fireEvent.keyDown(document.body, { key: '?', code: 'Slash', shiftKey: true });
    const dialog = await screen.findByRole('dialog', { name: '键盘快捷键' });
    expect(within(dialog).getByTestId('shortcut-list')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '关闭' })).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape', code: 'Escape' });
    await vi.waitFor(() => expect(screen.queryByTestId('shortcut-list')).toBeNull());
    act(() => openShortcutHelp());
    expect(await screen.findByTestId('shortcut-list')).toBeTruthy();
  });
});

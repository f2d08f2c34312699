import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCommand, CrmBridge } from '@shared/ipc/contract';
import '../i18n';
import { resetAppCommands, subscribeAppCommand } from './app-commands';
import { useDesktopIntegration } from './use-desktop-integration';

const { openSpotlight, showNotification } = vi.hoisted(() => ({
  openSpotlight: vi.fn(),
  showNotification: vi.fn(),
}));
vi.mock('@mantine/spotlight', () => ({ spotlight: { open: openSpotlight } }));
vi.mock('@mantine/notifications', () => ({ notifications: { show: showNotification } }));

/** A stand-in for the preload bridge that lets the test play the main process. */
function fakeDesktopBridge(pendingRoute: string | null = null) {
  const navigateListeners = new Set<(route: string) => void>();
  const commandListeners = new Set<(command: AppCommand) => void>();
  const ok = () => Promise.resolve({ ok: true as const });
  const bridge: CrmBridge = {
    getAppInfo: () => Promise.resolve({ version: '0.1.0', platform: 'linux', isPackaged: false }),
    setLanguage: vi.fn(ok),
    takePendingRoute: vi.fn(() => Promise.resolve(pendingRoute)),
    openExternal: ok,
    showNotification: ok,
    showReminder: ok,
    getToken: () => Promise.resolve({ ok: true, token: null }),
    setToken: ok,
    deleteToken: ok,
    clearTokens: ok,
    setTraySyncState: vi.fn(ok),
    exportPdf: vi.fn(() => Promise.resolve({ ok: true as const, outcome: 'saved' as const })),
    onNavigate: (listener) => {
      navigateListeners.add(listener);
      return () => navigateListeners.delete(listener);
    },
    onCommand: (listener) => {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
  };
  return {
    bridge,
    sendNavigate: (route: string) =>
      act(() => navigateListeners.forEach((listener) => listener(route))),
    sendCommand: (command: string) =>
      act(() => commandListeners.forEach((listener) => listener(command as AppCommand))),
    listenerCount: () => navigateListeners.size + commandListeners.size,
  };
}

function Probe({ syncing }: { syncing?: boolean }) {
  useDesktopIntegration(
    syncing === undefined
      ? {}
      : { syncStatus: { state: syncing ? 'syncing' : 'synced', pendingChanges: syncing ? 2 : 0 } },
  );
  return <output data-testid="location">{useLocation().pathname}</output>;
}

function mount(fake: ReturnType<typeof fakeDesktopBridge>, props: { syncing?: boolean } = {}) {
  window.crm = fake.bridge;
  return render(
    <MemoryRouter initialEntries={['/']}>
      <Probe {...props} />
    </MemoryRouter>,
  );
}

const location = () => screen.getByTestId('location').textContent;

beforeEach(() => {
  openSpotlight.mockClear();
  showNotification.mockClear();
});
afterEach(() => {
  cleanup();
  delete window.crm;
  resetAppCommands();
});

describe('useDesktopIntegration', () => {
  it('opens the route a deep link left before the page was ready', async () => {
    const fake = fakeDesktopBridge('/accounts/acc-1');
    mount(fake);
    await vi.waitFor(() => expect(location()).toBe('/accounts/acc-1'));
    expect(fake.bridge.takePendingRoute).toHaveBeenCalledTimes(1);
  });

  it('follows routes sent later and ignores anything that is not an app route', async () => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendNavigate('/deals/d-1');
    expect(location()).toBe('/deals/d-1');
    fake.sendNavigate('https://evil.example/');
    fake.sendNavigate('/deals/../settings');
    expect(location()).toBe('/deals/d-1');
    await Promise.resolve();
  });

  it.each([
    ['open-settings', '/settings'],
    ['new-account', '/accounts'],
  ])('carries out %s', (command, route) => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendCommand(command);
    expect(location()).toBe(route);
  });

  it('opens the search palette', () => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendCommand('search');
    expect(openSpotlight).toHaveBeenCalledTimes(1);
  });

  it('lets the page that can handle a command do it (and keeps "new account" for the accounts page)', () => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendCommand('new-account');
    const openForm = vi.fn();
    subscribeAppCommand('new-account', openForm);
    expect(openForm).toHaveBeenCalledTimes(1);
    fake.sendCommand('new-account');
    expect(openForm).toHaveBeenCalledTimes(2);
  });

  it('exports the page as PDF and says so', async () => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendCommand('export-pdf');
    await vi.waitFor(() =>
      expect(showNotification).toHaveBeenCalledWith(expect.objectContaining({ color: 'green' })),
    );
    expect(fake.bridge.exportPdf).toHaveBeenCalledWith({
      suggestedName: expect.any(String) as string,
    });
  });

  it('ignores unknown commands', () => {
    const fake = fakeDesktopBridge();
    mount(fake);
    fake.sendCommand('format-disk');
    expect(location()).toBe('/');
  });

  it('tells the main process the language and the sync state', async () => {
    const fake = fakeDesktopBridge();
    const { rerender } = mount(fake, { syncing: true });
    await vi.waitFor(() => expect(fake.bridge.setLanguage).toHaveBeenCalledWith('zh-CN'));
    expect(fake.bridge.setTraySyncState).toHaveBeenLastCalledWith({
      state: 'syncing',
      pendingChanges: 2,
    });
    rerender(
      <MemoryRouter>
        <Probe syncing={false} />
      </MemoryRouter>,
    );
    await vi.waitFor(() =>
      expect(fake.bridge.setTraySyncState).toHaveBeenLastCalledWith({
        state: 'synced',
        pendingChanges: 0,
      }),
    );
  });

  it('unsubscribes when unmounted', () => {
    const fake = fakeDesktopBridge();
    const { unmount } = mount(fake);
    expect(fake.listenerCount()).toBe(2);
    unmount();
    expect(fake.listenerCount()).toBe(0);
  });
});

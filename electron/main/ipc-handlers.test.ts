import { describe, expect, it, vi } from 'vitest';
import {
  IPC_CHANNELS,
  type NotificationInput,
  type ReminderInput,
  type SyncStatus,
} from '@shared/ipc/contract';
import {
  createIpcHandlers,
  dispatchIpcCall,
  IpcRejectedError,
  type IpcSender,
  isTrustedSender,
  type MainServices,
} from './ipc-handlers';
import { type TokenVault, VaultUnavailableError } from './token-vault';

const appEntryUrl = 'app://crm/index.html';
const appFrame: IpcSender = { url: `${appEntryUrl}#/accounts`, isMainFrame: true };

function fakeVault(): TokenVault & { tokens: Map<string, string> } {
  const tokens = new Map<string, string>();
  return {
    tokens,
    get: (key) => Promise.resolve(tokens.get(key) ?? null),
    set: (key, token) => {
      tokens.set(key, token);
      return Promise.resolve();
    },
    delete: (key) => {
      tokens.delete(key);
      return Promise.resolve();
    },
    clear: () => {
      tokens.clear();
      return Promise.resolve();
    },
  };
}

function fakeServices(overrides: Partial<MainServices> = {}) {
  const opened: string[] = [];
  const shown: NotificationInput[] = [];
  const reminders: ReminderInput[] = [];
  const languages: string[] = [];
  const trayStates: SyncStatus[] = [];
  const failures: [string, unknown][] = [];
  const vault = fakeVault();
  const services: MainServices = {
    getAppInfo: () => ({ version: '0.1.0', platform: 'linux', isPackaged: false }),
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    notificationsSupported: () => true,
    showNotification: (notification) => {
      shown.push(notification);
    },
    showReminder: (reminder) => {
      reminders.push(reminder);
    },
    vault,
    setLanguage: (language) => {
      languages.push(language);
    },
    takePendingRoute: () => '/accounts/acc-1',
    setTraySyncState: (status) => {
      trayStates.push(status);
      return true;
    },
    exportPdf: () => Promise.resolve('saved'),
    reportFailure: (channel, error) => {
      failures.push([channel, error]);
    },
    ...overrides,
  };
  return { services, opened, shown, reminders, languages, trayStates, failures, vault };
}

function dispatch(
  channel: Parameters<typeof dispatchIpcCall>[0],
  args: unknown,
  services: MainServices,
  sender = appFrame,
) {
  return dispatchIpcCall(channel, sender, args, {
    handlers: createIpcHandlers(services),
    appEntryUrl,
  });
}

describe('isTrustedSender', () => {
  it.each([
    ['the app page', appFrame, true],
    ['the app page with a query', { url: `${appEntryUrl}?x=1`, isMainFrame: true }, true],
    ['a sub-frame of the app', { url: appEntryUrl, isMainFrame: false }, false],
    ['a remote page', { url: 'https://example.com/', isMainFrame: true }, false],
    ['another local file', { url: 'file:///tmp/evil.html', isMainFrame: true }, false],
    ['a destroyed frame', { url: undefined, isMainFrame: true }, false],
  ] as const)('%s → %s', (_name, sender, expected) => {
    expect(isTrustedSender(sender, appEntryUrl)).toBe(expected);
  });
});

describe('dispatchIpcCall', () => {
  it('answers app:get-info', async () => {
    const { services } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.appGetInfo, [], services)).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      isPackaged: false,
    });
  });

  it('rejects calls from untrusted senders without running the handler', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { services } = fakeServices({ openExternal });
    const call = dispatch(IPC_CHANNELS.shellOpenExternal, ['https://example.com'], services, {
      url: 'https://evil.example/',
      isMainFrame: true,
    });
    await expect(call).rejects.toBeInstanceOf(IpcRejectedError);
    await expect(call).rejects.toMatchObject({ reason: 'untrusted-sender' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    ['a number instead of a URL', IPC_CHANNELS.shellOpenExternal, [42]],
    ['no arguments', IPC_CHANNELS.shellOpenExternal, []],
    ['extra arguments', IPC_CHANNELS.appGetInfo, ['surprise']],
    ['a notification without a title', IPC_CHANNELS.notifyShow, [{ body: 'x' }]],
    ['arguments that are not an array', IPC_CHANNELS.notifyShow, { title: 'x', body: 'y' }],
  ] as const)('rejects %s', async (_name, channel, args) => {
    const { services } = fakeServices();
    await expect(dispatch(channel, args, services)).rejects.toMatchObject({
      reason: 'invalid-arguments',
    });
  });

  it('rejects a handler result that breaks the contract', async () => {
    const { services } = fakeServices({
      getAppInfo: () => ({ version: '', platform: 'linux', isPackaged: false }),
    });
    await expect(dispatch(IPC_CHANNELS.appGetInfo, [], services)).rejects.toMatchObject({
      reason: 'invalid-result',
    });
  });
});

describe('shell:open-external', () => {
  it('opens allowed URLs in their normalised form', async () => {
    const { services, opened } = fakeServices();
    await expect(
      dispatch(IPC_CHANNELS.shellOpenExternal, ['HTTPS://Example.com'], services),
    ).resolves.toEqual({ ok: true });
    expect(opened).toEqual(['https://example.com/']);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://u:p@example.com/',
    'smb://host/share',
  ])('refuses %s without touching the OS', async (url) => {
    const { services, opened } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.shellOpenExternal, [url], services)).resolves.toEqual({
      ok: false,
      reason: 'blocked-url',
    });
    expect(opened).toEqual([]);
  });

  it('reports an OS failure', async () => {
    const { services } = fakeServices({
      openExternal: () => Promise.reject(new Error('no handler')),
    });
    await expect(
      dispatch(IPC_CHANNELS.shellOpenExternal, ['mailto:a@example.com'], services),
    ).resolves.toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

describe('notify:show', () => {
  it('shows the notification', async () => {
    const { services, shown } = fakeServices();
    await expect(
      dispatch(IPC_CHANNELS.notifyShow, [{ title: '提醒', body: '明天拜访客户' }], services),
    ).resolves.toEqual({
      ok: true,
    });
    expect(shown).toEqual([{ title: '提醒', body: '明天拜访客户' }]);
  });

  it('says when the platform has no notifications', async () => {
    const { services, shown } = fakeServices({ notificationsSupported: () => false });
    await expect(
      dispatch(IPC_CHANNELS.notifyShow, [{ title: 't', body: '' }], services),
    ).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(shown).toEqual([]);
  });

  it('reports a failure to show', async () => {
    const { services } = fakeServices({
      showNotification: () => {
        throw new Error('boom');
      },
    });
    await expect(
      dispatch(IPC_CHANNELS.notifyShow, [{ title: 't', body: '' }], services),
    ).resolves.toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

describe('notify:reminder', () => {
  it('shows the reminder with its route', async () => {
    const { services, reminders } = fakeServices();
    const reminder = { title: '回访华东电力', body: '10:00', route: '/accounts/acc-1' };
    await expect(dispatch(IPC_CHANNELS.notifyReminder, [reminder], services)).resolves.toEqual({
      ok: true,
    });
    expect(reminders).toEqual([reminder]);
  });

  it('refuses a route outside the app before the handler runs', async () => {
    const { services, reminders } = fakeServices();
    const call = dispatch(
      IPC_CHANNELS.notifyReminder,
      [{ title: 't', body: '', route: 'https://evil.example/' }],
      services,
    );
    await expect(call).rejects.toMatchObject({ reason: 'invalid-arguments' });
    expect(reminders).toEqual([]);
  });

  it('says when the platform has no notifications', async () => {
    const { services } = fakeServices({ notificationsSupported: () => false });
    await expect(
      dispatch(IPC_CHANNELS.notifyReminder, [{ title: 't', body: '', route: '/' }], services),
    ).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });
});

describe('vault channels', () => {
  it('stores, reads, deletes and clears tokens', async () => {
    const { services, vault } = fakeServices();
    await expect(
      dispatch(IPC_CHANNELS.vaultSetToken, ['sync', 'tok-1'], services),
    ).resolves.toEqual({ ok: true });
    await expect(dispatch(IPC_CHANNELS.vaultGetToken, ['sync'], services)).resolves.toEqual({
      ok: true,
      token: 'tok-1',
    });
    await expect(dispatch(IPC_CHANNELS.vaultDeleteToken, ['sync'], services)).resolves.toEqual({
      ok: true,
    });
    await expect(dispatch(IPC_CHANNELS.vaultGetToken, ['sync'], services)).resolves.toEqual({
      ok: true,
      token: null,
    });
    vault.tokens.set('a', 'b');
    await expect(dispatch(IPC_CHANNELS.vaultClear, [], services)).resolves.toEqual({ ok: true });
    expect(vault.tokens.size).toBe(0);
  });

  it('answers "unsupported" when the OS keychain is unavailable (nothing is stored in plain text)', async () => {
    const unavailable = () => Promise.reject(new VaultUnavailableError());
    const { services, failures } = fakeServices({
      vault: { ...fakeVault(), get: unavailable, set: unavailable },
    });
    await expect(dispatch(IPC_CHANNELS.vaultSetToken, ['sync', 'tok'], services)).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
    await expect(dispatch(IPC_CHANNELS.vaultGetToken, ['sync'], services)).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(failures).toEqual([]);
  });

  it('reports other failures without the arguments', async () => {
    const { services, failures } = fakeServices({
      vault: { ...fakeVault(), set: () => Promise.reject(new Error('EACCES')) },
    });
    await expect(
      dispatch(IPC_CHANNELS.vaultSetToken, ['sync', 'secret'], services),
    ).resolves.toEqual({ ok: false, reason: 'failed' });
    expect(failures).toEqual([
      [IPC_CHANNELS.vaultSetToken, expect.objectContaining({ message: 'EACCES' })],
    ]);
  });

  it.each([
    ['a token that is not a string', IPC_CHANNELS.vaultSetToken, ['sync', 42]],
    ['a reserved key', IPC_CHANNELS.vaultGetToken, ['__proto__']],
    ['a key with a newline', IPC_CHANNELS.vaultDeleteToken, ['sync\n']],
  ] as const)('rejects %s', async (_name, channel, args) => {
    const { services } = fakeServices();
    await expect(dispatch(channel, args, services)).rejects.toMatchObject({
      reason: 'invalid-arguments',
    });
  });

  it('never answers an untrusted sender, even to read a token', async () => {
    const { services } = fakeServices();
    await services.vault.set('sync', 'tok');
    const call = dispatch(IPC_CHANNELS.vaultGetToken, ['sync'], services, {
      url: appEntryUrl,
      isMainFrame: false,
    });
    await expect(call).rejects.toMatchObject({ reason: 'untrusted-sender' });
  });
});

describe('tray:set-sync-state', () => {
  it('updates the tray', async () => {
    const { services, trayStates } = fakeServices();
    await expect(
      dispatch(IPC_CHANNELS.traySetSyncState, [{ state: 'syncing', pendingChanges: 2 }], services),
    ).resolves.toEqual({ ok: true });
    expect(trayStates).toEqual([{ state: 'syncing', pendingChanges: 2 }]);
  });

  it('says when there is no tray', async () => {
    const { services } = fakeServices({ setTraySyncState: () => false });
    await expect(
      dispatch(IPC_CHANNELS.traySetSyncState, [{ state: 'synced' }], services),
    ).resolves.toEqual({ ok: false, reason: 'unsupported' });
  });
});

describe('export:pdf', () => {
  it.each(['saved', 'cancelled'] as const)('reports %s', async (outcome) => {
    const { services } = fakeServices({ exportPdf: () => Promise.resolve(outcome) });
    await expect(
      dispatch(IPC_CHANNELS.exportPdf, [{ suggestedName: '客户计划' }], services),
    ).resolves.toEqual({ ok: true, outcome });
  });

  it('reports a failure to write', async () => {
    const { services } = fakeServices({ exportPdf: () => Promise.reject(new Error('ENOSPC')) });
    await expect(
      dispatch(IPC_CHANNELS.exportPdf, [{ suggestedName: 'x' }], services),
    ).resolves.toEqual({ ok: false, reason: 'failed' });
  });
});

describe('app:set-language and app:take-pending-route', () => {
  it('passes the language on', async () => {
    const { services, languages } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.appSetLanguage, ['en'], services)).resolves.toEqual({
      ok: true,
    });
    expect(languages).toEqual(['en']);
    await expect(dispatch(IPC_CHANNELS.appSetLanguage, ['de'], services)).rejects.toMatchObject({
      reason: 'invalid-arguments',
    });
  });

  it('hands over the pending route', async () => {
    const { services } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.appTakePendingRoute, [], services)).resolves.toBe(
      '/accounts/acc-1',
    );
    const none = fakeServices({ takePendingRoute: () => null }).services;
    await expect(dispatch(IPC_CHANNELS.appTakePendingRoute, [], none)).resolves.toBeNull();
  });

  it('never lets a bad pending route through', async () => {
    const { services } = fakeServices({ takePendingRoute: () => 'https://evil.example/' });
    await expect(dispatch(IPC_CHANNELS.appTakePendingRoute, [], services)).rejects.toMatchObject({
      reason: 'invalid-result',
    });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type NotificationInput } from '@shared/ipc/contract';
import {
  createIpcHandlers,
  dispatchIpcCall,
  IpcRejectedError,
  type IpcSender,
  isTrustedSender,
  type MainServices,
} from './ipc-handlers';

const appEntryUrl = 'file:///app/out/renderer/index.html';
const appFrame: IpcSender = { url: `${appEntryUrl}#/accounts`, isMainFrame: true };

function fakeServices(overrides: Partial<MainServices> = {}) {
  const opened: string[] = [];
  const shown: NotificationInput[] = [];
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
    ...overrides,
  };
  return { services, opened, shown };
}

function dispatch(channel: Parameters<typeof dispatchIpcCall>[0], args: unknown, services: MainServices, sender = appFrame) {
  return dispatchIpcCall(channel, sender, args, { handlers: createIpcHandlers(services), appEntryUrl });
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
    await expect(dispatch(channel, args, services)).rejects.toMatchObject({ reason: 'invalid-arguments' });
  });

  it('rejects a handler result that breaks the contract', async () => {
    const { services } = fakeServices({
      getAppInfo: () => ({ version: '', platform: 'linux', isPackaged: false }),
    });
    await expect(dispatch(IPC_CHANNELS.appGetInfo, [], services)).rejects.toMatchObject({ reason: 'invalid-result' });
  });
});

describe('shell:open-external', () => {
  it('opens allowed URLs in their normalised form', async () => {
    const { services, opened } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.shellOpenExternal, ['HTTPS://Example.com'], services)).resolves.toEqual({ ok: true });
    expect(opened).toEqual(['https://example.com/']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'https://u:p@example.com/', 'smb://host/share'])(
    'refuses %s without touching the OS',
    async (url) => {
      const { services, opened } = fakeServices();
      await expect(dispatch(IPC_CHANNELS.shellOpenExternal, [url], services)).resolves.toEqual({
        ok: false,
        reason: 'blocked-url',
      });
      expect(opened).toEqual([]);
    },
  );

  it('reports an OS failure', async () => {
    const { services } = fakeServices({ openExternal: () => Promise.reject(new Error('no handler')) });
    await expect(dispatch(IPC_CHANNELS.shellOpenExternal, ['mailto:a@example.com'], services)).resolves.toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

describe('notify:show', () => {
  it('shows the notification', async () => {
    const { services, shown } = fakeServices();
    await expect(dispatch(IPC_CHANNELS.notifyShow, [{ title: '提醒', body: '明天拜访客户' }], services)).resolves.toEqual({
      ok: true,
    });
    expect(shown).toEqual([{ title: '提醒', body: '明天拜访客户' }]);
  });

  it('says when the platform has no notifications', async () => {
    const { services, shown } = fakeServices({ notificationsSupported: () => false });
    await expect(dispatch(IPC_CHANNELS.notifyShow, [{ title: 't', body: '' }], services)).resolves.toEqual({
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
    await expect(dispatch(IPC_CHANNELS.notifyShow, [{ title: 't', body: '' }], services)).resolves.toEqual({
      ok: false,
      reason: 'failed',
    });
  });
});

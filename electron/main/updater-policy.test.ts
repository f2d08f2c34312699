import { describe, expect, it } from 'vitest';
import { MAIN_TEXTS } from './main-i18n';
import {
  buildRestartPrompt,
  createRestartPromptState,
  decideOnUpdateDownloaded,
  decideUpdater,
  describeUpdaterError,
  parseFeedUrl,
  shouldRestartNow,
  type UpdaterEnvironment,
} from './updater-policy';

const installed: UpdaterEnvironment = {
  isPackaged: true,
  platform: 'win32',
  env: {},
  hasBakedFeed: true,
};

describe('decideUpdater', () => {
  const cases: [string, Partial<UpdaterEnvironment>, ReturnType<typeof decideUpdater>][] = [
    ['an installed build with a packaged feed', {}, { enabled: true, feedUrl: null }],
    [
      'a development run',
      { isPackaged: false },
      { enabled: false, reason: 'development build (not packaged)' },
    ],
    [
      'a development run even with a feed URL',
      { isPackaged: false, env: { CRM_UPDATE_URL: 'https://updates.example.com/crm' } },
      { enabled: false, reason: 'development build (not packaged)' },
    ],
    [
      'turned off explicitly',
      { env: { CRM_DISABLE_UPDATES: '1' } },
      { enabled: false, reason: 'turned off by CRM_DISABLE_UPDATES' },
    ],
    [
      'CRM_DISABLE_UPDATES=0 leaves it on',
      { env: { CRM_DISABLE_UPDATES: '0' } },
      { enabled: true, feedUrl: null },
    ],
    [
      'NODE_ENV=test',
      { env: { NODE_ENV: 'test' } },
      { enabled: false, reason: 'running under test (NODE_ENV=test)' },
    ],
    ['CI', { env: { CI: 'true' } }, { enabled: false, reason: 'running under test/CI (CI)' }],
    ['CI=false leaves it on', { env: { CI: 'false' } }, { enabled: true, feedUrl: null }],
    [
      'the Playwright electron suite',
      { env: { CRM_E2E: '1' } },
      { enabled: false, reason: 'running under test/CI (CRM_E2E)' },
    ],
    [
      'Linux outside an AppImage',
      { platform: 'linux' },
      { enabled: false, reason: 'on Linux only the AppImage updates itself' },
    ],
    [
      'Linux AppImage',
      { platform: 'linux', env: { APPIMAGE: '/home/lin/Field-CRM.AppImage' } },
      { enabled: true, feedUrl: null },
    ],
    ['macOS', { platform: 'darwin' }, { enabled: true, feedUrl: null }],
    [
      'an https feed override',
      { env: { CRM_UPDATE_URL: 'https://updates.example.com/crm' } },
      { enabled: true, feedUrl: 'https://updates.example.com/crm' },
    ],
    [
      'an override without a packaged feed',
      { hasBakedFeed: false, env: { CRM_UPDATE_URL: 'https://updates.example.com/crm/' } },
      { enabled: true, feedUrl: 'https://updates.example.com/crm/' },
    ],
    [
      'a loopback http feed for trying a release',
      { env: { CRM_UPDATE_URL: 'http://127.0.0.1:8080/' } },
      { enabled: true, feedUrl: 'http://127.0.0.1:8080/' },
    ],
    [
      'a plain-http remote feed',
      { env: { CRM_UPDATE_URL: 'http://updates.example.com/' } },
      { enabled: false, reason: 'CRM_UPDATE_URL is not an https URL without credentials' },
    ],
    [
      'a feed with credentials',
      { env: { CRM_UPDATE_URL: 'https://user:secret@updates.example.com/' } },
      { enabled: false, reason: 'CRM_UPDATE_URL is not an https URL without credentials' },
    ],
    [
      'a garbage feed',
      { env: { CRM_UPDATE_URL: 'updates' } },
      { enabled: false, reason: 'CRM_UPDATE_URL is not an https URL without credentials' },
    ],
    [
      'no feed at all',
      { hasBakedFeed: false },
      {
        enabled: false,
        reason: 'no update feed configured (CRM_UPDATE_URL was not set when packaging)',
      },
    ],
    [
      'an empty override falls back to the packaged feed',
      { env: { CRM_UPDATE_URL: '' } },
      { enabled: true, feedUrl: null },
    ],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(decideUpdater({ ...installed, ...overrides })).toEqual(expected);
  });
});

describe('parseFeedUrl', () => {
  it.each([
    ['https://updates.example.com/crm', 'https://updates.example.com/crm'],
    ['HTTPS://Updates.Example.com', 'https://updates.example.com/'],
    ['http://localhost:8080/feed', 'http://localhost:8080/feed'],
    ['http://[::1]:8080/', 'http://[::1]:8080/'],
    ['ftp://updates.example.com/', null],
    ['file:///srv/updates', null],
    ['https://updates.example.com/#x', null],
    [' https://updates.example.com/', null],
    [`https://updates.example.com/${'a'.repeat(2100)}`, null],
  ])('%s → %s', (raw, expected) => {
    expect(parseFeedUrl(raw)).toBe(expected);
  });
});

describe('update-downloaded', () => {
  it('asks once per version and never stacks dialogs', () => {
    const state = createRestartPromptState();
    expect(decideOnUpdateDownloaded('1.2.0', state)).toBe('ask');
    state.dialogOpen = true;
    expect(decideOnUpdateDownloaded('1.3.0', state)).toBe('stay-quiet');
    state.dialogOpen = false;
    state.askedVersions.add('1.2.0');
    expect(decideOnUpdateDownloaded('1.2.0', state)).toBe('stay-quiet');
    expect(decideOnUpdateDownloaded('1.3.0', state)).toBe('ask');
  });

  it('asks in the UI language with "restart now" as the default and "later" as cancel', () => {
    const zh = buildRestartPrompt('1.2.0', MAIN_TEXTS['zh-CN'].update);
    expect(zh).toMatchObject({
      type: 'info',
      buttons: ['立即重新启动', '稍后'],
      defaultId: 0,
      cancelId: 1,
      message: 'Field CRM 1.2.0 已下载完成',
    });
    const en = buildRestartPrompt('1.2.0-beta.1', MAIN_TEXTS.en.update);
    expect(en.message).toBe('Field CRM 1.2.0-beta.1 has been downloaded');
    expect(en.buttons).toEqual(['Restart Now', 'Later']);
  });

  it('does not show a version string from the feed that is not a version', () => {
    expect(buildRestartPrompt('<b>free money</b>', MAIN_TEXTS.en.update).message).toBe(
      'Field CRM has been downloaded',
    );
  });

  it('restarts only on the first button', () => {
    expect(shouldRestartNow(0)).toBe(true);
    expect(shouldRestartNow(1)).toBe(false);
  });
});

describe('describeUpdaterError', () => {
  it.each([
    [new Error('net::ERR_INTERNET_DISCONNECTED\n    at stack'), 'net::ERR_INTERNET_DISCONNECTED'],
    ['plain string', 'plain string'],
    [{ code: 1 }, '[object Object]'],
  ])('%s', (error, expected) => {
    expect(describeUpdaterError(error)).toBe(expected);
  });
});

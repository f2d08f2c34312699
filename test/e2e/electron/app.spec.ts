import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ConsoleMessage,
  type ElectronApplication,
  expect,
  type Page,
  test,
} from '@playwright/test';
import type { WebPreferences } from 'electron';
import { freshDataDir, launchDesktop, mainLogOf, skipWithoutElectron } from './support/desktop';

// The desktop shell's security, checked in a real Electron where one exists (skips with the reason elsewhere).
skipWithoutElectron();
test.describe.configure({ mode: 'serial' });

/** `getLastWebPreferences()` exists on every WebContents at runtime but is left out of Electron's typings. */
interface WebContentsWithPreferences {
  getLastWebPreferences?: () => WebPreferences | null;
}

let app: ElectronApplication;
let page: Page;
let dataDir: ReturnType<typeof freshDataDir>;

test.beforeAll(async () => {
  dataDir = freshDataDir();
  ({ app, page } = await launchDesktop({ userDataDir: dataDir.path }));
});

test.afterAll(async () => {
  await app?.close();
  dataDir?.dispose();
});

test('the window is sandboxed, context-isolated and has no Node or webview', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as
      WebContentsWithPreferences | undefined;
    const preferences = contents?.getLastWebPreferences?.();
    return {
      sandbox: preferences?.sandbox,
      contextIsolation: preferences?.contextIsolation,
      nodeIntegration: preferences?.nodeIntegration,
      nodeIntegrationInSubFrames: preferences?.nodeIntegrationInSubFrames,
      webviewTag: preferences?.webviewTag,
      webSecurity: preferences?.webSecurity,
    };
  });
  expect(prefs).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
  });
});

test('the renderer is served from the app’s own scheme, not file://', () => {
  expect(page.url()).toMatch(/^app:\/\/crm\/index\.html/);
});

test('the page sees window.crm (functions only) and no Node', async () => {
  const globals = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    return {
      crm: Object.fromEntries(
        Object.entries(window.crm ?? {}).map(([name, value]) => [name, typeof value]),
      ),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(Object.values(globals.crm).every((type) => type === 'function')).toBe(true);
  expect(Object.keys(globals.crm).sort()).toEqual(
    [
      'clearTokens',
      'deleteToken',
      'exportPdf',
      'getAppInfo',
      'getToken',
      'onCommand',
      'onNavigate',
      'openExternal',
      'setLanguage',
      'setToken',
      'setTraySyncState',
      'showNotification',
      'showReminder',
      'takePendingRoute',
    ].sort(),
  );
  expect(globals).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the bridge answers through the validated IPC contract', async () => {
  const info = await page.evaluate(() => window.crm?.getAppInfo());
  expect(info).toMatchObject({ version: '0.1.0', platform: process.platform, isPackaged: false });
  const refused = await page.evaluate(() => window.crm?.openExternal('file:///etc/passwd'));
  expect(refused).toEqual({ ok: false, reason: 'blocked-url' });
  // A call that breaks the contract is rejected by the main process, not executed.
  const invalid = await page.evaluate(() =>
    window.crm?.setToken('__proto__', 'x').then(
      () => 'resolved',
      () => 'rejected',
    ),
  );
  expect(invalid).toBe('rejected');
});

test('tokens are stored encrypted by the OS, or not at all', async () => {
  const stored = await page.evaluate(() => window.crm?.setToken('sync:e2e', 'plain-secret-e2e'));
  const secretsDir = join(dataDir.path, 'secrets');
  const files = (() => {
    try {
      return readdirSync(secretsDir).map((name) => readFileSync(join(secretsDir, name), 'utf8'));
    } catch {
      return [];
    }
  })();
  for (const content of files) expect(content).not.toContain('plain-secret-e2e');
  if (stored?.ok) {
    expect(await page.evaluate(() => window.crm?.getToken('sync:e2e'))).toEqual({
      ok: true,
      token: 'plain-secret-e2e',
    });
  } else {
    // No keychain (e.g. a CI container without a secret service): refused, nothing written.
    expect(stored).toEqual({ ok: false, reason: 'unsupported' });
    expect(files).toEqual([]);
  }
  expect(await page.evaluate(() => localStorage.getItem('sync:e2e'))).toBeNull();
});

test('navigating the window to another site is blocked', async () => {
  const appUrl = page.url();
  const log = await mainLogOf(app);
  const blocked = log.count('blocked navigation: https://example.com/');
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // The main process decided (and refused) once it logs so; only then is "we are still home" meaningful.
  await expect.poll(() => log.count('blocked navigation: https://example.com/')).toBe(blocked + 1);
  expect(page.url()).toBe(appUrl);
  expect(await page.evaluate(() => typeof window.crm)).toBe('object');
});

test('navigating to a local file is blocked too', async () => {
  const appUrl = page.url();
  const log = await mainLogOf(app);
  const blocked = log.count('file:///etc/hosts');
  // Refused either by the main process (it logs so) or already by Chromium in the page (it says so on the
  // console): wait for whichever answers, then check we are still home.
  let refusedInPage = false;
  const onConsole = (message: ConsoleMessage) => {
    if (message.text().includes('file:///etc/hosts')) refusedInPage = true;
  };
  page.on('console', onConsole);
  await page.evaluate(() => {
    window.location.href = 'file:///etc/hosts';
  });
  await expect.poll(() => refusedInPage || log.count('file:///etc/hosts') > blocked).toBe(true);
  page.off('console', onConsole);
  expect(page.url()).toBe(appUrl);
});

test('window.open creates no window', async () => {
  // A URL the external guard refuses, so the test does not launch the system browser either.
  const opened = await page.evaluate(() => window.open('about:blank', '_blank') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('the Content-Security-Policy blocks inline scripts', async () => {
  const ran = await page.evaluate(() => {
    const scope = window as unknown as { inlineScriptRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.head.append(script);
    script.remove();
    return scope.inlineScriptRan === true;
  });
  expect(ran).toBe(false);
});

test('the application menu is there, in Chinese by default', async () => {
  const labels = await app.evaluate(
    ({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [],
  );
  expect(labels).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '前往', '窗口']));
});

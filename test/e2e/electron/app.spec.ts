import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import type { WebPreferences } from 'electron';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';

// The desktop shell's security, checked in a real Electron where one exists. On machines that cannot download
// the binary (ARCHITECTURE.md "Electron on these machines") the suite skips and says why; the same rules are
// unit-tested in electron/main/*.test.ts and shared/ipc/*.test.ts, and the renderer runs in the web project.

const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
const mainBundle = join(rootDir, 'out', 'main', 'index.js');
const binary = findElectronBinary({ rootDir });

test.skip(
  !binary.found,
  `Electron binary not installed on this machine (${binary.found ? '' : binary.reason}); run npm run electron:install where the network allows`,
);
test.skip(
  binary.found && !existsSync(mainBundle),
  'out/main/index.js is missing: run npm run build first (this suite starts the built app, not the dev server)',
);

test.describe.configure({ mode: 'serial' });

/** `getLastWebPreferences()` exists on every WebContents at runtime but is left out of Electron's typings. */
interface WebContentsWithPreferences {
  getLastWebPreferences?: () => WebPreferences | null;
}

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!binary.found) return;
  app = await electron.launch({
    executablePath: binary.executablePath,
    // The project root: Electron reads package.json and starts its "main", out/main/index.js.
    // Chromium refuses to run as root with its OS sandbox (CI containers); our webPreferences are unaffected.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), rootDir],
    // A dev-server URL in the environment must not leak in: this suite tests the built renderer.
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('the window is sandboxed, context-isolated and has no Node or webview', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as WebContentsWithPreferences | undefined;
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

test('the page sees window.crm (functions only) and no Node', async () => {
  const globals = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    return {
      crm: Object.fromEntries(Object.entries(window.crm ?? {}).map(([name, value]) => [name, typeof value])),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    crm: { getAppInfo: 'function', openExternal: 'function', showNotification: 'function' },
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
});

test('navigating the window to another site is blocked', async () => {
  const appUrl = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // A navigation would replace the document; give it time to (not) happen, then check we are still home.
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(appUrl);
  expect(await page.evaluate(() => typeof window.crm)).toBe('object');
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

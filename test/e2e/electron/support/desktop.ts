import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { findElectronBinary } from '../../../../scripts/electron-binary.mjs';

// Launching the built desktop app for the electron project. Where the Electron binary is missing
// (docs/architecture.md "Electron on these machines") every spec skips with the reason below; the same
// rules are unit-tested in electron/main/*.test.ts and shared/ipc/*.test.ts, and the renderer runs in the
// web project.

export const rootDir = fileURLToPath(new URL('../../../../', import.meta.url));
const mainBundle = join(rootDir, 'out', 'main', 'index.js');
const binary = findElectronBinary({ rootDir });

/** Call at the top of every electron spec: skips the file, with the reason, where it cannot run. */
export function skipWithoutElectron(): void {
  test.skip(
    !binary.found,
    `Electron binary not installed on this machine (${binary.found ? '' : binary.reason}); run npm run electron:install where the network allows`,
  );
  test.skip(
    binary.found && !existsSync(mainBundle),
    'out/main/index.js is missing: run npm run build first (this suite starts the built app, not the dev server)',
  );
}

/** A fresh userData folder (CONVENTIONS.md 9: each test gets its own data); remove it with `dispose`. */
export function freshDataDir(): { path: string; dispose: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'crm-desktop-e2e-'));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

export interface LaunchOptions {
  userDataDir: string;
  /** Extra command-line arguments: a crm:// link, Chromium switches. */
  args?: string[];
}

/** Starts the built app (project root → package.json "main" → out/main/index.js) and waits for its window. */
export async function launchDesktop({
  userDataDir,
  args = [],
}: LaunchOptions): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.found) throw new Error('unreachable: the spec should have been skipped');
  const app = await electron.launch({
    executablePath: binary.executablePath,
    // Chromium refuses to run as root with its OS sandbox (CI containers); our webPreferences are unaffected.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), rootDir, ...args],
    env: {
      ...process.env,
      // This suite tests the built renderer, never a dev server.
      ELECTRON_RENDERER_URL: '',
      // No OS protocol registration, no auto-update (electron/main/launch-options.ts, updater-policy.ts).
      CRM_E2E: '1',
      CRM_USER_DATA_DIR: userDataDir,
    },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** First run inside the desktop window: work locally, and wait for the app shell. */
export async function startLocalWorkspace(page: Page, userName = 'Lin'): Promise<void> {
  await page.getByTestId('first-run-name').fill(userName);
  await page.getByTestId('start-local').click();
  await expect(page.getByTestId('nav-accounts')).toBeVisible();
}

/** The record id in the window's hash route (`app://crm/index.html#/accounts/<id>`). */
export function routeOf(page: Page): string {
  return new URL(page.url()).hash.replace(/^#/, '');
}

/**
 * The main process's log file (userData/logs/main.log). A line there is a positive signal that the main process
 * handled something (refused a navigation, ignored a malformed link), so a test can wait for it instead of
 * sleeping before it checks that nothing changed.
 */
export async function mainLogOf(
  app: ElectronApplication,
): Promise<{ count(text: string): number }> {
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
  const file = join(userData, 'logs', 'main.log');
  return {
    count: (text) => (existsSync(file) ? readFileSync(file, 'utf8').split(text).length - 1 : 0),
  };
}

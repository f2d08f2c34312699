import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable the way electron-vite does (ELECTRON_EXEC_PATH, else
 * node_modules/electron/path.txt + dist/), WITHOUT `require('electron')`: electron's index.js starts a
 * download when the binary is missing, which hangs or fails on machines that cannot reach its host.
 * Shared by scripts/start.mjs and the Playwright electron suite.
 *
 * @param {{ rootDir: string, env?: Record<string, string | undefined> }} options
 * @returns {{ found: true, executablePath: string } | { found: false, reason: string }}
 */
export function findElectronBinary({ rootDir, env = process.env }) {
  const override = env.ELECTRON_EXEC_PATH;
  if (override) {
    return existsSync(override)
      ? { found: true, executablePath: override }
      : { found: false, reason: `ELECTRON_EXEC_PATH points to a missing file: ${override}` };
  }
  const moduleDir = join(rootDir, 'node_modules', 'electron');
  if (!existsSync(join(moduleDir, 'package.json'))) {
    return {
      found: false,
      reason: 'the electron package is not installed (node_modules/electron)',
    };
  }
  const pathFile = join(moduleDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'node_modules/electron/path.txt is missing: the install script never ran (ignore-scripts)',
    };
  }
  const executablePath = join(moduleDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executablePath)
    ? { found: true, executablePath }
    : { found: false, reason: `the Electron executable is missing: ${executablePath}` };
}

/** Line printed when the desktop shell cannot start here. */
export const ELECTRON_MISSING_NOTE =
  'Electron binary not installed (run npm run electron:install where the network allows); starting the web build instead';

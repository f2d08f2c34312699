#!/usr/bin/env node
// `npm start`: the desktop app in development where the Electron binary exists, otherwise the renderer's web
// build served on http://127.0.0.1:5173 (the binary cannot be downloaded on every machine; see
// docs/architecture.md "Electron on these machines").
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ELECTRON_MISSING_NOTE, findElectronBinary } from './electron-binary.mjs';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const bin = {
  electronVite: join(rootDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  vite: join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js'),
};
const WEB_PORT = '5173';
const WEB_HOST = '127.0.0.1';
const FORWARDED_SIGNALS =
  process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** @type {import('node:child_process').ChildProcess | null} */
let currentChild = null;
/** @type {NodeJS.Signals | null} */
let stopSignal = null;
/** @type {{ stop: () => Promise<void> } | null} */
let syncServer = null;

for (const signal of FORWARDED_SIGNALS) {
  process.on(signal, () => {
    stopSignal = signal;
    // A terminal Ctrl+C already reaches the child (same process group); forwarding covers `kill <pid>` too.
    if (currentChild && currentChild.exitCode === null && currentChild.signalCode === null)
      currentChild.kill(signal);
  });
}

/**
 * Runs a Node CLI script in the foreground with inherited stdio and resolves with its exit code.
 * @param {string} script
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function runNodeScript(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: rootDir,
      stdio: 'inherit',
      env: process.env,
    });
    currentChild = child;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * HOOK: start the team sync server next to the app, so `npm start` gives a working team setup on a fresh
 * machine. Nothing to start yet; once sync/server exists, spawn it here (e.g. on 127.0.0.1:8787 with a data
 * directory under .data/) and return a handle whose stop() ends it. Called in both desktop and web mode.
 * @returns {Promise<{ stop: () => Promise<void> } | null>}
 */
async function startSyncServerAlongside() {
  // The team sync server on its embedded database (PGlite in .data/server): the app's "connect to a team
  // server" screen can use http://127.0.0.1:8787 at once. A port already in use (a server started by hand)
  // is left alone.
  const port = process.env.PORT ?? '8787';
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    if (response.ok) {
      console.log(`Sync server already running on http://127.0.0.1:${port}`);
      return null;
    }
  } catch {
    // not running: start it
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sync/server/main.ts', '--port', port],
    { cwd: rootDir, stdio: 'inherit', env: process.env },
  );
  console.log(`Sync server (embedded database in .data/server) on http://127.0.0.1:${port}`);
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function stopSyncServer() {
  const server = syncServer;
  syncServer = null;
  if (server) await server.stop();
}

async function startDesktop() {
  return runNodeScript(bin.electronVite, ['dev']);
}

async function startWeb() {
  console.log(ELECTRON_MISSING_NOTE);
  const buildCode = await runNodeScript(bin.vite, ['build', '--config', 'vite.web.config.ts']);
  if (buildCode !== 0 || stopSignal) return buildCode;
  return runNodeScript(bin.vite, [
    'preview',
    '--config',
    'vite.web.config.ts',
    '--port',
    WEB_PORT,
    '--strictPort',
    '--host',
    WEB_HOST,
  ]);
}

async function main() {
  const electron = findElectronBinary({ rootDir });
  syncServer = await startSyncServerAlongside();
  try {
    return electron.found ? await startDesktop() : await startWeb();
  } finally {
    await stopSyncServer();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('npm start failed:', error);
    process.exit(1);
  },
);

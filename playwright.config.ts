import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './scripts/electron-binary.mjs';

// Journeys run against the renderer's web build in Debian's Chromium (the Electron binary cannot be
// downloaded on these machines; see README). The `electron` project runs where the binary exists.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webPort = Number(process.env.WEB_PORT ?? 4173);

// Say once, up front, why the electron project will skip (the list reporter shows skips without reasons).
const electronBinary = findElectronBinary({
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
});
if (!electronBinary.found && !process.env.TEST_WORKER_INDEX) {
  console.log(
    `[electron project] skipped: Electron binary not installed (${electronBinary.reason}); run npm run electron:install where the network allows.`,
  );
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Journeys share nothing (own browser context, own server on a free port, own data directory), so their
  // tests may spread over workers (test/README.md says what keeps them independent). CI keeps one: on its two
  // cores each journey's server and browser already use both, and a second worker made tests slower, not fewer.
  fullyParallel: true,
  workers: process.env.CI ? 1 : 2,
  // CI runs a failed journey once more and reports it as "flaky" (test/README.md): a flaky journey is a bug to
  // find, but one rare timing failure among 80 journeys should not hold back everything else. Locally: none.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
  },
  // The web build is served once for every journey; each journey that talks to a server starts its own
  // (test/e2e/support/fixtures.ts: a free port and a fresh data directory, removed afterwards).
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${webPort} --strictPort`,
    url: `http://127.0.0.1:${webPort}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'web',
      testIgnore: ['**/electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: ['electron/**/*.spec.ts'],
    },
  ],
});

// Refreshes the README screenshots: starts a local workspace in the web build, loads sample set S,
// and captures the main screens. Usage: npm run web:build && node scripts/take-screenshots.mjs
// (serves out/web itself on port 4317; needs Chromium at CHROMIUM_PATH or /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const port = 4317;
const server = spawn(
  'node_modules/.bin/vite',
  ['preview', '--config', 'vite.web.config.ts', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);
const base = `http://127.0.0.1:${port}`;

async function waitForServer() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('preview server did not start');
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.getByTestId('first-run-name').fill('林晓');
  await page.screenshot({ path: 'docs/screenshots/first-run.png' });
  await page.getByTestId('start-local').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('load-sample').click();
  await page.getByTestId('sample-done').waitFor({ timeout: 120_000 });
  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('table-row').first().waitFor();
  await page.screenshot({ path: 'docs/screenshots/accounts.png' });
  await page.getByTestId('table-row').nth(2).click();
  await page.getByTestId('account-detail').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/account-360.png' });
  await page.getByTestId('nav-deals').click();
  await page.getByTestId('deal-card').first().waitFor();
  await page.screenshot({ path: 'docs/screenshots/deal-board.png' });
  await page.getByTestId('nav-myDay').click();
  await page.waitForTimeout(800);
  await page.getByTestId('theme-toggle').click();
  await page.screenshot({ path: 'docs/screenshots/my-day-dark.png' });
  await browser.close();
} finally {
  server.kill();
}

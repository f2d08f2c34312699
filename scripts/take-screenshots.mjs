// Refreshes the README screenshots in both languages: for zh-CN and for English it starts a local workspace in
// the web build (a fresh browser context each, so a fresh replica), loads sample set S and captures the main
// screens (the three dashboards included) as docs/screenshots/<screen>.<language>.png, then the board and My day
// in the dark theme (<screen>-dark.<language>.png). Usage: npm run web:build && node scripts/take-screenshots.mjs
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
const dir = 'docs/screenshots';

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

/** Waits until transitions (modal fade-in, tab indicator, theme switch) have finished. */
async function settle(page) {
  await page.waitForFunction(() =>
    globalThis.document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
}

async function shoot(page, name, language) {
  await settle(page);
  await page.screenshot({ path: `${dir}/${name}.${language}.png` });
}

/** One language's pass in its own browser context. */
async function capture(browser, language) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: language,
  });
  const page = await context.newPage();
  const en = language === 'en';
  await page.goto(base);
  if (en) await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('first-run-name').fill(en ? 'Lin Xiao' : '林晓');
  await shoot(page, 'first-run', language);
  await page.getByTestId('start-local').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('load-sample').click();
  await page.getByTestId('sample-done').waitFor({ timeout: 180_000 });

  await page.getByTestId('nav-myDay').click();
  await page.getByTestId('my-day-page').waitFor();
  await shoot(page, 'my-day', language);

  await page.getByTestId('nav-accounts').click();
  await page.getByTestId('table-row').first().waitFor();
  await shoot(page, 'accounts', language);
  await page.getByTestId('table-row').nth(2).click();
  await page.getByTestId('account-detail').waitFor();
  await shoot(page, 'account-360', language);

  await page.getByTestId('nav-deals').click();
  await page.getByTestId('deal-card').first().waitFor({ timeout: 30_000 });
  await shoot(page, 'deal-board', language);
  await page.getByTestId('deal-card').first().click();
  await page.getByTestId('deal-detail').waitFor();
  await shoot(page, 'deal', language);

  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('table-row').first().waitFor();
  await shoot(page, 'tickets', language);

  await page.getByTestId('open-search').click();
  await page.getByTestId('search-input').fill(en ? 'Co' : '公司');
  await page.getByTestId('search-result').first().waitFor();
  await shoot(page, 'search', language);
  await page.keyboard.press('Escape');

  // The dashboards (issue 22) over this year, so the sample's whole year shows: dashboard-<board>.<language>.png.
  await page.getByTestId('nav-dashboards').click();
  await page
    .getByTestId('dashboard-period')
    .getByText(en ? 'This year' : '本年', { exact: true })
    .click();
  for (const board of ['sales', 'service', 'customers']) {
    await page.getByTestId(`dashboard-tab-${board}`).click();
    // Every board marks itself data-ready="true" once its numbers are on screen.
    await page
      .locator(`[data-testid="dashboard-${board}"][data-ready="true"]`)
      .waitFor({ timeout: 60_000 });
    // Its charts are then drawn one after another; each waits as a placeholder marked data-chart-pending.
    await page
      .locator('[data-chart-pending]')
      .first()
      .waitFor({ state: 'detached', timeout: 60_000 });
    await shoot(page, `dashboard-${board}`, language);
  }

  await page.getByTestId('theme-toggle').click();
  await page.locator('html[data-mantine-color-scheme="dark"]').waitFor({ state: 'attached' });
  await page.getByTestId('nav-myDay').click();
  await page.getByTestId('my-day-page').waitFor();
  await shoot(page, 'my-day-dark', language);
  await page.getByTestId('nav-deals').click();
  await page.getByTestId('deal-card').first().waitFor({ timeout: 30_000 });
  await shoot(page, 'deal-board-dark', language);
  await context.close();
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
  for (const language of ['zh-CN', 'en']) await capture(browser, language);
  await browser.close();
} finally {
  server.kill();
}

import { expect, test } from '@playwright/test';
import { CrmApp } from '../support/crm-app';
import { buildAccount } from '../support/factories';
import {
  freshDataDir,
  launchDesktop,
  skipWithoutElectron,
  startLocalWorkspace,
} from './support/desktop';

// The desktop app starts and works with no network at all: the renderer comes from local files (app://crm),
// nothing at start-up needs a server, and the local replica keeps the work. Skips with the reason where the
// Electron binary is missing.
skipWithoutElectron();

// Every host name fails to resolve and every connection goes to a closed port.
const NO_NETWORK = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://127.0.0.1:9',
  '--disable-background-networking',
];

test('starts offline, works, and keeps the work across a restart', async () => {
  const dataDir = freshDataDir();
  let { app, page } = await launchDesktop({ userDataDir: dataDir.path, args: NO_NETWORK });
  try {
    // Also cut the network for the window itself, as a laptop in flight mode.
    await app.evaluate(async ({ session }) => {
      session.defaultSession.enableNetworkEmulation({ offline: true });
      await session.defaultSession.clearCache();
    });
    await page.reload();
    await startLocalWorkspace(page);

    // Everything the page loaded came from the app itself (in-memory data:/blob: URLs aside).
    const loaded = await page.evaluate(() =>
      [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ].map((entry) => entry.name),
    );
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => !/^(app:\/\/crm\/|data:|blob:)/.test(url))).toEqual([]);

    const account = buildAccount({ name: 'Offline Field Services Co., Ltd.' });
    await new CrmApp(page).createAccount(account);

    await app.close();
    ({ app, page } = await launchDesktop({ userDataDir: dataDir.path, args: NO_NETWORK }));
    await expect(page.getByTestId('nav-accounts')).toBeVisible();
    await page.getByTestId('nav-accounts').click();
    await expect(page.getByText(account.name)).toBeVisible();
  } finally {
    await app.close();
    dataDir.dispose();
  }
});

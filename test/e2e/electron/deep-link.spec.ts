import { type ElectronApplication, expect, type Page, test } from '@playwright/test';
import { CrmApp } from '../support/crm-app';
import { buildAccount } from '../support/factories';
import {
  freshDataDir,
  launchDesktop,
  mainLogOf,
  routeOf,
  skipWithoutElectron,
  startLocalWorkspace,
} from './support/desktop';

// crm://account/<id> opens that account: while the app runs (a second instance hands its argv over; macOS sends
// open-url) and when the link starts the app. Skips with the reason where the Electron binary is missing.
skipWithoutElectron();
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let dataDir: ReturnType<typeof freshDataDir>;
const account = buildAccount();
let accountId = '';

test.beforeAll(async () => {
  dataDir = freshDataDir();
  ({ app, page } = await launchDesktop({ userDataDir: dataDir.path }));
  await startLocalWorkspace(page);
  await new CrmApp(page).createAccount(account);
  accountId = routeOf(page).split('/')[2] ?? '';
  expect(accountId).not.toBe('');
  await page.getByTestId('nav-myDay').click();
});

test.afterAll(async () => {
  await app?.close();
  dataDir?.dispose();
});

test('a link handed over by a second instance opens the account', async () => {
  // What the OS does on Windows/Linux: start a second instance with the link; it quits and we get its argv.
  await app.evaluate(({ app: electronApp }, link) => {
    electronApp.emit('second-instance', {}, ['field-crm', link], process.cwd(), {});
  }, `crm://account/${accountId}`);
  await expect(page.getByTestId('account-title')).toHaveText(account.name);
  expect(routeOf(page)).toBe(`/accounts/${accountId}`);
});

test('a macOS open-url link opens the account', async () => {
  await page.getByTestId('nav-myDay').click();
  await app.evaluate(({ app: electronApp }, link) => {
    electronApp.emit('open-url', { preventDefault: () => undefined }, link);
  }, `crm://account/${accountId}/`);
  await expect(page.getByTestId('account-title')).toHaveText(account.name);
});

test('a malformed link changes nothing', async () => {
  await page.getByTestId('nav-myDay').click();
  const before = routeOf(page);
  const log = await mainLogOf(app);
  const ignored = log.count('ignored a malformed deep link');
  await app.evaluate(({ app: electronApp }) => {
    electronApp.emit('open-url', { preventDefault: () => undefined }, 'crm://account/../settings');
    electronApp.emit('second-instance', {}, ['field-crm', 'crm://user/admin'], process.cwd(), {});
  });
  // Both links were handled (and ignored) once the main process says so; only then is "nothing changed" true.
  await expect.poll(() => log.count('ignored a malformed deep link')).toBe(ignored + 2);
  expect(routeOf(page)).toBe(before);
});

test('a link that starts the app opens the account once the workspace is open', async () => {
  await app.close();
  ({ app, page } = await launchDesktop({
    userDataDir: dataDir.path,
    args: [`crm://account/${accountId}`],
  }));
  await expect(page.getByTestId('account-title')).toHaveText(account.name);
  expect(routeOf(page)).toBe(`/accounts/${accountId}`);
});

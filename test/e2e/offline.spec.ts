import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';

// Journey (English): the network goes away and work goes on — the app needs no server to read or write.
test('keeps working offline: create, log a visit, search, and it is all there after reconnecting', async ({
  app,
  page,
  context,
}) => {
  await app.startLocalWorkspace({ language: 'en' });
  await context.setOffline(true);

  const account = buildAccount({ name: 'Hangzhou Lakeside Software Co., Ltd.' });
  await app.createAccount(account);
  await app.account.addContact(buildContact({ name: 'Zhou Min', title: 'CTO' }));
  await app.account.logActivity('visit', 'On-site visit: requirements workshop');
  await expect(app.account.timeline).toContainText('On-site visit: requirements workshop');

  // Global search (Ctrl+K) finds the contact by name while offline.
  await app.goto('myDay');
  await app.search.open('keyboard');
  await app.search.search('Zhou');
  await app.search.result('Zhou Min').click();
  await expect(app.account.title).toHaveText(account.name);

  await context.setOffline(false);
  await page.reload();
  await expect(app.account.title).toHaveText(account.name);
  // The saved language was on <html> from the first paint (boot-look.js), and stays with the UI language.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect(app.account.contactRows).toHaveCount(1);
  await expect(app.account.timeline).toContainText('On-site visit: requirements workshop');
});

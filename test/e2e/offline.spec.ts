import { expect, test } from '@playwright/test';
import { CrmApp } from './support/crm-app';
import { buildAccount, buildContact } from './support/factories';

// Journey (English): the network goes away and work goes on — the app needs no server to read or write.
test('keeps working offline: create, log a visit, search, and it is all there after reconnecting', async ({
  page,
  context,
}) => {
  const app = new CrmApp(page);
  await app.startLocalWorkspace({ language: 'en' });
  await context.setOffline(true);

  const account = buildAccount({ name: 'Hangzhou Lakeside Software Co., Ltd.' });
  await app.createAccount(account);
  await app.addContact(buildContact({ name: 'Zhou Min', title: 'CTO' }));
  await app.logActivity('visit', 'On-site visit: requirements workshop');
  await expect(page.getByTestId('account-timeline')).toContainText(
    'On-site visit: requirements workshop',
  );

  // Global search (Ctrl+K) finds the contact by name while offline.
  await app.goto('myDay');
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('Zhou');
  await page.getByTestId('search-result').filter({ hasText: 'Zhou Min' }).click();
  await expect(page.getByTestId('account-title')).toHaveText(account.name);

  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('account-title')).toHaveText(account.name);
  // The saved language was on <html> from the first paint (boot-look.js), and stays with the UI language.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect(page.getByTestId('account-contact-row')).toHaveCount(1);
  await expect(page.getByTestId('account-timeline')).toContainText(
    'On-site visit: requirements workshop',
  );
});

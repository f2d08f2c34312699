import { expect, test } from './support/fixtures';
import { buildAccount } from './support/factories';

// The keyboard shortcut overlay and search from inside the plan editor (issue 16).

test('? shows every shortcut in Chinese and in English; Escape closes it and focus goes back', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();
  const help = app.shortcutHelp;

  // From a navigation link a person tabbed to.
  const accountsLink = page.getByTestId('nav-accounts');
  await accountsLink.focus();
  await help.openWithKey();
  await expect(help.dialog).toContainText('键盘快捷键');
  for (const group of ['general', 'go', 'record', 'list', 'board'] as const)
    await expect(help.group(group)).toBeVisible();
  await expect(help.row('goMyDay')).toContainText('G 然后 D');
  await expect(help.row('goMyDay')).toContainText('前往我的一天');
  await expect(help.row('search')).toContainText('Ctrl');
  // Focus is inside the dialog (trapped), not left behind on the page.
  await expect(help.dialog.locator(':focus')).toHaveCount(1);
  await help.closeWithEscape();
  await expect(accountsLink).toBeFocused();

  // English, from the header's keyboard button (named for screen readers).
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(help.headerButton).toHaveAccessibleName('Keyboard shortcuts');
  await help.headerButton.focus();
  await page.keyboard.press('Enter');
  await expect(help.dialog).toBeVisible();
  await expect(help.dialog).toContainText('Keyboard shortcuts');
  await expect(help.row('goMyDay')).toContainText('G then D');
  await expect(help.row('newRecord')).toContainText('New');
  await help.closeWithEscape();
  await expect(help.headerButton).toBeFocused();

  // ? typed into a field is text, not the overlay.
  await app.accounts.open();
  const search = page.getByTestId('account-filter-text');
  await search.focus();
  await page.keyboard.press('Shift+?');
  await expect(search).toHaveValue('?');
  await expect(help.dialog).toHaveCount(0);
});

test('Ctrl+K opens the search palette while typing in the account plan', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const account = buildAccount();
  await app.createAccount(account);
  await app.account.openTab('plan');
  await app.plan.expectTemplate();
  await app.plan.typeAt('end', 'Budget confirmed');
  await app.shortcut('mod+k');
  await expect(page.getByTestId('search-input')).toBeFocused();
  // The key went to the palette, not into the plan.
  await expect(app.plan.editor).toContainText('Budget confirmed');
  await expect(app.plan.editor).not.toContainText('Budget confirmedk');
  await page.keyboard.type(account.name);
  await expect(app.search.result(account.name)).toBeVisible();
});

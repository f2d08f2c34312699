import { expect, test } from './support/fixtures';
import type { CrmApp } from './support/crm-app';
import { buildAccount } from './support/factories';
import { RecordGrid } from './support/pages/record-grid';

// Issue 16, "Must show": the keyboard-only journey. No clicks: shortcuts, Tab, Enter, Space and arrows (the
// grid is helper "lists"' work, the board's keyboard drag helper "board"'s; the shortcuts are this branch's).

/** First run, "work locally", by keyboard: type the name, Tab to the start button, Enter. */
async function startLocallyByKeyboard(app: CrmApp): Promise<void> {
  const { page } = app;
  await page.goto('/');
  await page.getByTestId('first-run-name').focus();
  await page.keyboard.type('Lin');
  await app.tabTo(page.getByTestId('start-local'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-accounts')).toBeVisible();
}

/** g a, n, type the name, Enter: lands on the new account's page. */
async function createAccountByKeyboard(app: CrmApp, name: string): Promise<void> {
  const { page } = app;
  await app.shortcut('g a');
  // The list is there once its new-account button is (shown when the person's rights are known).
  await expect(page.getByTestId('new-account')).toBeVisible();
  await app.shortcut('n');
  // The form opens with the focus in its first field.
  await expect(page.getByTestId('account-name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(app.account.title).toHaveText(name);
}

test('keyboard only: create an account, open one from the list, log an activity, move a deal on the board', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await startLocallyByKeyboard(app);
  const existing = buildAccount();
  const created = buildAccount();
  await createAccountByKeyboard(app, existing.name);

  // Create an account: g a, n, type, Enter.
  await createAccountByKeyboard(app, created.name);

  // Open an existing one from the list: g a, / to the filter, type, Tab into the grid, Enter.
  await app.shortcut('g a');
  const grid = new RecordGrid(page, 'accounts-table');
  await expect(grid.row(existing.name)).toBeVisible();
  await app.shortcut('/');
  await expect(page.getByTestId('account-filter-text')).toBeFocused();
  await page.keyboard.type(existing.name);
  await expect(grid.row(created.name)).toHaveCount(0);
  await grid.tabIn();
  await grid.expectFocusOn(existing.name);
  await page.keyboard.press('Enter');
  await expect(app.account.title).toHaveText(existing.name);

  // Log an activity: a opens the form as a call with the focus in the subject; Enter saves.
  await app.shortcut('a');
  const subject = page.getByTestId('activity-subject');
  await expect(subject).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('电话确认预算');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('activity-form')).toHaveCount(0);
  await expect(app.account.timeline).toContainText('电话确认预算');
  // Letter shortcuts wait until the dialog has faded out (the listener ignores keys while one is on screen).
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A deal on the board: g b, n, fill name, account, amount and close date by Tab, save with Enter.
  await app.shortcut('g b');
  await expect(app.board.column('qualify')).toBeVisible();
  await app.shortcut('n');
  await expect(page.getByTestId('deal-name')).toBeFocused();
  await page.keyboard.type('键盘商机');
  const accountPicker = page.getByTestId('account-picker');
  await app.tabTo(accountPicker);
  await page.keyboard.type(existing.name);
  // The picker searches as one types: wait until it lists only the account typed, then choose it.
  await expect(page.getByRole('option')).toHaveText([existing.name]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(accountPicker).toHaveValue(existing.name);
  await app.tabTo(page.getByTestId('deal-amount'));
  await page.keyboard.type('120000');
  await app.tabTo(page.getByTestId('deal-close-date'));
  await page.keyboard.type('2026-12-31');
  await app.tabTo(page.getByTestId('deal-save'));
  await page.keyboard.press('Enter');
  await expect(app.board.card('键盘商机', 'qualify')).toBeVisible();

  // Move it across stages: Tab to the card (the board is one Tab stop), Space, →, →, Space.
  await app.tabTo(app.board.card('键盘商机', 'qualify'));
  await app.board.keyboardMove(['needs', 'proposal']);
  await expect(app.board.card('键盘商机', 'proposal')).toBeFocused();
  await expect(app.board.card('键盘商机', 'qualify')).toHaveCount(0);
});

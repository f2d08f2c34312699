import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';
import { RecordGrid } from './support/pages/record-grid';

// Journey (zh-CN, issue 16): lists are keyboard-operable grids. A person tabs into the accounts list, moves
// with the arrow keys and j/k, opens an account with Enter, steps to the next account with j, and comes back
// with u (or the browser's back) to the same row.
test('客户列表：Tab 进入、方向键和 j/k 移动、Enter 打开、j/k 切换记录、u 或后退回到同一行', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();
  const [first, second, third] = [buildAccount(), buildAccount(), buildAccount()];
  for (const account of [first, second, third]) await app.createAccount(account);

  // Newest change first: third, second, first.
  await app.accounts.open();
  const grid = app.accounts.grid;
  await expect(page.getByRole('grid', { name: '客户' })).toBeVisible();
  await expect(grid.grid).toHaveAttribute('aria-rowcount', '4');
  await grid.tabIn();
  await grid.expectFocusOn(third.name);
  await expect(grid.focusedRow).toHaveAttribute('aria-rowindex', '2');
  // A visible focus ring: 2px, solid (the primary colour, components/virtual-table.module.css).
  await expect(grid.focusedRow).toHaveCSS('outline-style', 'solid');
  await expect(grid.focusedRow).toHaveCSS('outline-width', '2px');

  await grid.press('ArrowDown');
  await grid.expectFocusOn(second.name);
  await grid.press('j');
  await grid.expectFocusOn(first.name);
  // At the end, j stays on the last row.
  await grid.press('j');
  await grid.expectFocusOn(first.name);
  await grid.press('k');
  await grid.expectFocusOn(second.name);
  await grid.press('Home');
  await grid.expectFocusOn(third.name);
  await grid.press('End');
  await grid.expectFocusOn(first.name);
  await grid.press('ArrowUp');
  await grid.expectFocusOn(second.name);
  // One row in the Tab order, whichever has the focus.
  await expect(grid.grid.locator('[role="row"][tabindex="0"]')).toHaveCount(1);

  // The grid's structure passes the checks the virtual table failed (issue 16).
  const scan = await new AxeBuilder({ page })
    .include('[data-testid="accounts-table"]')
    .withRules([
      'aria-required-parent',
      'aria-required-children',
      'nested-interactive',
      'scrollable-region-focusable',
    ])
    .analyze();
  expect(scan.violations).toEqual([]);

  // Enter opens the focused row; j and k step through the list's order on the record page.
  await grid.press('Enter');
  await expect(app.account.title).toHaveText(second.name);
  await page.keyboard.press('j');
  await expect(app.account.title).toHaveText(first.name);
  // The last record: a quiet notice, and the page stays.
  await page.keyboard.press('j');
  await expect(page.getByText('已是列表中的最后一条记录')).toBeVisible();
  await expect(app.account.title).toHaveText(first.name);
  await page.keyboard.press('k');
  await expect(app.account.title).toHaveText(second.name);
  await page.getByTestId('previous-record').click();
  await expect(app.account.title).toHaveText(third.name);

  // u goes back to the list, where the record shown last has the focus.
  await page.keyboard.press('u');
  await grid.expectFocusOn(third.name);

  // Browser back after opening a row returns to the same row too.
  await grid.press('ArrowDown');
  await grid.press('Enter');
  await expect(app.account.title).toHaveText(second.name);
  await page.goBack();
  await grid.expectFocusOn(second.name);

  // So does the nav link.
  await grid.press('Enter');
  await expect(app.account.title).toHaveText(second.name);
  await app.accounts.open();
  await grid.expectFocusOn(second.name);

  // `/` puts the focus in the list's search field.
  await page.keyboard.press('/');
  await expect(page.getByTestId('account-filter-text')).toBeFocused();
});

// Journey (zh-CN): the contacts, tickets and contracts lists open a row from the keyboard too.
test('联系人、工单和合同列表：用键盘打开一行', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const account = buildAccount();
  const buyer = buildContact({ name: '赵敏', title: '采购经理' });
  await app.createAccount(account);
  await app.account.addContact(buyer);
  await app.account.addDeal({
    name: '键盘合同项目',
    contactName: buyer.name,
    amount: 90000,
    closeDate: '2026-12-31',
  });

  // A contract from the deal.
  await app.account.deals.getByText('键盘合同项目').click();
  await page.getByTestId('deal-new-contract').click();
  await page.getByTestId('contract-save').click();
  await expect(page.getByTestId('contract-title-heading')).toHaveText('键盘合同项目');

  // A ticket.
  await app.goto('tickets');
  await page.getByTestId('new-ticket').click();
  await page.getByTestId('ticket-subject').fill('键盘无法打开工单');
  await page.getByTestId('ticket-save').click();
  await expect(page.getByTestId('ticket-title')).toHaveText('键盘无法打开工单');

  await app.goto('contacts');
  const contacts = new RecordGrid(page, 'contacts-table');
  await contacts.tabIn();
  await contacts.expectFocusOn(buyer.name);
  await contacts.press('Enter');
  await expect(app.account.title).toHaveText(account.name);

  await app.goto('tickets');
  const tickets = new RecordGrid(page, 'tickets-table');
  await tickets.tabIn();
  await tickets.expectFocusOn('键盘无法打开工单');
  await tickets.press('Enter');
  await expect(page.getByTestId('ticket-title')).toHaveText('键盘无法打开工单');
  // u: back to the tickets list, on the same row.
  await page.keyboard.press('u');
  await tickets.expectFocusOn('键盘无法打开工单');

  await app.goto('contracts');
  const contracts = new RecordGrid(page, 'contract-table');
  await contracts.tabIn();
  await contracts.expectFocusOn('键盘合同项目');
  await contracts.press('Enter');
  await expect(page.getByTestId('contract-title-heading')).toHaveText('键盘合同项目');
});

// The search palette: its scrolling results can take the focus, and the chosen result's second line is legible.
test('搜索面板：结果区域可获得焦点，选中结果的第二行对比度达标', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const account = buildAccount();
  await app.createAccount(account);
  await app.search.open('keyboard');
  await app.search.search(account.name.slice(0, 8));
  await expect(app.search.result(account.name)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(app.search.result(account.name)).toHaveAttribute('data-selected', 'true');
  const scan = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    // Badge colours are the theme's (issue 16, helper "theme"); this checks the palette's own parts.
    .exclude('.mantine-Badge-root')
    .withRules(['scrollable-region-focusable', 'color-contrast'])
    .analyze();
  expect(scan.violations).toEqual([]);
});

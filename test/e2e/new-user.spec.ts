import { expect, test } from './support/fixtures';
import { buildAccount } from './support/factories';

// Issue 16, "also found trying the app as a new user would": each defect of the app frame proven through the
// real web build. The kanban and stage-gate ones are in the board's journeys.

test('the first Tab stop is a visible skip link that moves focus to the main region', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();
  await app.accounts.open();
  await expect(app.accounts.table).toBeVisible();
  // A fresh load of the list, as a person arriving would have it.
  await page.reload();
  await expect(app.accounts.table).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(app.shell.skipLink).toBeFocused();
  await expect(app.shell.skipLink).toHaveText('跳到主要内容');
  await expect(app.shell.skipLink).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(app.shell.main).toBeFocused();
  // Still on the list (the hash router took no route from the link).
  await expect(app.accounts.table).toBeVisible();
  // One navigation landmark, named in the UI language.
  await expect(app.shell.navigation).toHaveAccessibleName('主导航');
});

test('the new-account dialog opens on its first field, names its close button, returns focus, and saving focuses the new page', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();
  await app.accounts.open();
  await app.accounts.newAccountButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-name')).toBeFocused();
  await expect(app.accounts.formCloseButton('关闭对话框')).toBeVisible();

  // Escape closes it and focus is back on the trigger (it fell to <body> before).
  await page.keyboard.press('Escape');
  await expect(app.accounts.form).toBeHidden();
  await expect(app.accounts.newAccountButton).toBeFocused();

  // The close button does the same, on a second opening.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-name')).toBeFocused();
  await app.accounts.formCloseButton('关闭对话框').click();
  await expect(app.accounts.form).toBeHidden();
  await expect(app.accounts.newAccountButton).toBeFocused();

  // Saving opens the new record's page with focus on its heading, not on <body>.
  const account = buildAccount();
  await app.accounts.newAccountButton.click();
  await app.accounts.fillForm(account);
  await app.accounts.save();
  await expect(page.getByTestId('account-title')).toHaveText(account.name);
  await expect(page.getByTestId('account-title')).toBeFocused();
});

test('an unknown address shows a not-found page with a way back to My day', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace({ language: 'en' });
  await app.shell.openPath('/no-such-page');
  await expect(app.shell.notFound).toContainText('Page not found');
  await expect(page.getByTestId('nav-myDay')).toBeVisible();
  await app.shell.notFoundHome.click();
  await expect(app.shell.notFound).toBeHidden();
  await expect(page).toHaveURL(/#\/$/);
});

test('the web build serves a favicon and the page points to it', async ({ page, request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\//);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  await page.goto('/');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', './favicon.ico');
});

test('loading sample data counts the same records written and added; in English, tags are English and joined with commas, and labels fit at 1400 and 1600 px', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await app.startLocalWorkspace({ language: 'en' });
  await app.sampleData.load('S');
  const written = await app.sampleData.written();
  expect(written.done).toBe(written.total);
  expect(await app.sampleData.added()).toBe(written.total);

  await app.accounts.open();
  const table = app.accounts.table;
  await expect(table.getByTestId('table-row').first()).toBeVisible();
  // The sample's free tags (shared/sample-data vocab.ts) and lifecycle tags, all in English.
  await expect(table).toContainText(
    /Government|Listed company|Foreign-invested|High-tech enterprise|Specialized SME|Trade-show contact|Annual framework|Channel customer/,
  );
  for (const chinese of [
    '、',
    '政府客户',
    '上市公司',
    '外资企业',
    '渠道客户',
    '年度框架',
    '展会客户',
  ])
    await expect(table).not.toContainText(chinese);

  // Texts that were cut in English: the sort select, the leads search placeholder, decision-role badges.
  for (const width of [1400, 1600]) {
    await page.setViewportSize({ width, height: 1000 });
    await app.accounts.open();
    await expect(app.accounts.sortSelect).toHaveValue('Recently updated');
    expect(await app.shell.cutTexts(app.accounts.sortSelect)).toEqual([]);
    await app.goto('leads');
    expect(await app.shell.cutTexts(page.getByTestId('lead-search'))).toEqual([]);
    await app.goto('contacts');
    // The cells holding a badge: the cell, not the badge, cut "ECONOMIC B…".
    const roleCells = page
      .getByTestId('contacts-table')
      .getByRole('gridcell')
      .filter({ has: page.locator('.mantine-Badge-root') });
    await expect(roleCells.first()).toBeVisible();
    expect(await app.shell.cutTexts(roleCells)).toEqual([]);
    // A contact opens its account, whose decision chain shares the page with the timeline ("TECHNICAL BU…").
    await roleCells.first().click();
    await expect(app.account.contactBadgeCells.first()).toBeVisible();
    expect(await app.shell.cutTexts(app.account.contactBadgeCells)).toEqual([]);
  }
});

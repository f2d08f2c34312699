import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { DealPage } from './support/pages/deal-page';
import { pickOption } from './support/pages/controls';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 20 "Quotes (报价)": a rep quotes from the price list with a discount within their 10 % limit, marks it sent
// (frozen), makes version 2 from it with a change, compares the two, prints with the company's and customer's
// names (both languages). A discount above the limit and its approval: deals-to-cash.spec.ts.
test('a rep quotes from the price list, sends, makes version 2, compares and prints', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // A long journey on a shared, busy machine: many steps, each well within its own expect timeout.
  test.setTimeout(180_000);
  const admin = await teamApi.createWorkspace({
    workspaceName: '星河软件有限公司',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '华东组');
  const invite = await teamApi.invite(admin, 'rep', east);
  for (const [id, name, price] of [
    ['prod-std', '标准版许可', 100_000],
    ['prod-train', '实施培训', 50_000],
  ] as const)
    await teamApi.createRecord(admin, 'settings', {
      id,
      kind: 'product',
      key: id,
      teamId: '',
      value: {
        name,
        code: id.toUpperCase(),
        unit: '套',
        unitPriceFen: price,
        active: true,
        category: '软件',
      },
    });

  const repEmail = uniqueEmail('rep');
  const rep = await openLaptop();
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: invite,
    name: '王磊',
    email: repEmail,
    password,
  });
  const repSession = await teamApi.signIn(repEmail);
  const account = await teamApi.createAccount(repSession, { name: '东方电力集团', teamId: east });
  const deal = await teamApi.createDeal(repSession, {
    name: '东方电力 CRM 采购',
    accountId: account.id,
    teamId: east,
    ownerId: repSession.user.id,
  });

  const { page } = rep;
  const dealPage = new DealPage(page);
  await expect(async () => {
    await dealPage.open(deal.id);
    await expect(page.getByTestId('deal-quotes')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const quotes = page.getByTestId('deal-quotes');

  // Version 1: two of 标准版许可 at 5 % off (within a rep's 10 %), 13 % VAT by default.
  await quotes.getByTestId('quote-new-version').click();
  const editor = page.getByTestId('quote-editor');
  await pickOption(page, editor.getByTestId('quote-pick-product'), /标准版许可/);
  const line = editor.getByTestId('quote-line-0');
  await line.getByTestId('quote-line-quantity').fill('2');
  await line.getByTestId('quote-line-discount').fill('5');
  // 2 × ¥1,000 − 5 % = ¥1,900; tax ¥247 → ¥2,147.
  await expect(line.getByTestId('quote-line-total')).toHaveText('¥1,900.00');
  await expect(editor.getByTestId('quote-total-grand-total')).toHaveText('¥2,147.00');
  await expect(editor.getByTestId('quote-editor-approval')).toContainText('折扣在权限内');
  await editor.getByTestId('quote-save').click();
  await expect(editor).toHaveCount(0);

  const v1 = quotes.getByTestId('quote-version-1');
  await expect(v1.getByTestId('quote-grand-total')).toHaveText('¥2,147.00');
  await expect(v1.getByTestId('quote-approval-state')).toHaveAttribute('data-state', 'notNeeded');
  await v1.getByTestId('quote-mark-sent').click();
  await expect(v1.getByTestId('quote-status')).toHaveText('已发送');
  // Frozen: no edit button any more.
  await expect(v1.getByTestId('quote-edit')).toHaveCount(0);

  // Version 2 starts from version 1: three instead of two, and a training line added.
  await quotes.getByTestId('quote-new-version').click();
  await expect(editor.getByTestId('quote-line-0').getByTestId('quote-line-quantity')).toHaveValue(
    '2',
  );
  await editor.getByTestId('quote-line-0').getByTestId('quote-line-quantity').fill('3');
  await pickOption(page, editor.getByTestId('quote-pick-product'), /实施培训/);
  await editor.getByTestId('quote-save').click();
  await expect(editor).toHaveCount(0);
  const v2 = quotes.getByTestId('quote-version-2');
  // 3 × ¥1,000 − 5 % = ¥2,850 + ¥500 = ¥3,350; tax ¥435.50 → ¥3,785.50.
  await expect(v2.getByTestId('quote-grand-total')).toHaveText('¥3,785.50');
  await expect(v2.getByTestId('quote-status')).toHaveText('草稿');

  // Compare: the changed line names its field, the added one is marked, totals side by side.
  await quotes.getByTestId('quote-compare').click();
  const compare = page.getByTestId('quote-compare-dialog');
  await expect(compare.locator('[data-change="changed"]')).toContainText('数量');
  await expect(compare.locator('[data-change="added"]')).toContainText('实施培训');
  await expect(compare.getByTestId('quote-compare-total-grandTotalFen')).toContainText('¥2,147.00');
  await expect(compare.getByTestId('quote-compare-total-grandTotalFen')).toContainText('¥3,785.50');
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);

  // Print view of version 1: the company (workspace) and the customer, in Chinese then in English.
  await v1.getByTestId('quote-print').click();
  const print = page.getByTestId('quote-print-view');
  await expect(print).toContainText('报价单');
  await expect(print.getByTestId('quote-print-company')).toHaveText('星河软件有限公司');
  await expect(print.getByTestId('quote-print-customer')).toHaveText('东方电力集团');
  await expect(print.getByTestId('quote-total-grand-total')).toHaveText('¥2,147.00');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(print).toContainText('Quotation');
  await expect(print).toContainText('Customer');
  await expect(print.getByTestId('quote-print-customer')).toHaveText('东方电力集团');
});

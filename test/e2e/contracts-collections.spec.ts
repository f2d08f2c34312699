import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';

/** 'YYYY-MM-DD' of the browser's and this process's local today plus `days`. */
function localDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// Journey (zh-CN, then English): issue 20 "Contracts and collections". The numbering pattern set in Settings gives
// a new contract its number; a second contract with that number is refused at the field; the collections page
// shows the overdue instalment in the bucket its age predicts (45 days → 31–60).
test('合同编号规则、重复编号被拒绝、回款账龄', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const year = localDay().slice(0, 4);
  // Settings: the pattern, with its live preview.
  await app.goto('settings');
  const card = page.getByTestId('contract-numbering-card');
  await card.getByTestId('contract-numbering-pattern').fill('XS-{YYY}-{SEQ:3}');
  await expect(card).toContainText('规则中有无法识别的占位符');
  await card.getByTestId('contract-numbering-pattern').fill('XS-{YYYY}-{SEQ:3}');
  await expect(card.getByTestId('contract-numbering-preview')).toContainText(`XS-${year}-001`);
  await card.getByTestId('contract-numbering-save').click();
  await expect(page.getByText('合同编号规则已保存')).toBeVisible();

  const account = buildAccount();
  const buyer = buildContact({ name: '钱进', title: '财务总监' });
  await app.createAccount(account);
  await app.account.addContact(buyer);
  await app.account.addDeal({
    name: '账龄测试项目',
    contactName: buyer.name,
    amount: 90000,
    closeDate: '2026-12-31',
  });

  // A contract from the deal gets the number; an instalment 45 days overdue; active (below the threshold).
  await app.account.deals.getByText('账龄测试项目').click();
  await page.getByTestId('deal-new-contract').click();
  const form = page.getByTestId('contract-form');
  await expect(form.getByTestId('contract-number')).toHaveValue(`XS-${year}-001`);
  await form.getByTestId('contract-status').click();
  await page.getByRole('option', { name: '执行中' }).click();
  await form.getByTestId('plan-add').click();
  const due = form.getByTestId('plan-due-date');
  await due.click();
  await due.fill(localDay(-45));
  // Blur (Enter would submit the form before the date is taken).
  await form.getByTestId('contract-notes').click();
  await expect(due).toHaveValue(localDay(-45));
  await form.getByTestId('contract-save').click();
  await expect(page.getByTestId('contract-title-heading')).toHaveText('账龄测试项目');

  // A second contract proposes the next number; typing the first one is refused at the field.
  await page.goBack();
  await page.getByTestId('deal-new-contract').click();
  const second = page.getByTestId('contract-form');
  await expect(second.getByTestId('contract-number')).toHaveValue(`XS-${year}-002`);
  await second.getByTestId('contract-number').fill(`XS-${year}-001`);
  await second.getByTestId('contract-title').fill('重复编号合同');
  await second.getByTestId('contract-save').click();
  await expect(second).toContainText('该合同编号已被另一份合同使用');
  await page.keyboard.press('Escape');

  // Collections: 90 000 in 31–60 days, for Lin.
  await page.getByTestId('nav-collections').click();
  const table = page.getByTestId('collections-aging-table');
  await expect(table.getByTestId('aging-owner-row')).toHaveCount(1);
  await expect(
    table.getByTestId('aging-totals-row').locator('[data-bucket="d31to60"]'),
  ).toContainText('90,000');
  await expect(
    table.getByTestId('aging-totals-row').locator('[data-bucket="d0to30"]'),
  ).not.toContainText('90,000');
  await expect(page.getByTestId('days-overdue')).toHaveText('45');

  // English.
  await app.switchLanguage('en');
  await expect(page.getByRole('heading', { name: 'Collections aging' })).toBeVisible();
  await expect(table).toContainText('31–60 days');
});

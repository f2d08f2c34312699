import { expect, test } from './support/fixtures';
import { buildAccount, buildContact, invalidCreditCode } from './support/factories';

// Journey (zh-CN): bad input gets a clear message next to its field and nothing is saved.
test('信用代码或手机号不正确时给出明确提示，且不保存任何内容', async ({ app, page }) => {
  await app.startLocalWorkspace();
  await app.accounts.open();
  await app.accounts.startNewAccount();
  await app.accounts.fillForm(
    buildAccount({ name: '广州南方精密机械有限公司', creditCode: invalidCreditCode() }),
  );
  await app.accounts.save();
  await expect(app.accounts.form).toContainText('统一社会信用代码校验位不正确');
  await page.keyboard.press('Escape');
  await expect(app.accounts.count).toHaveText('共 0 个客户');

  // A valid account, then a contact with a 10-digit mobile number.
  await app.createAccount(buildAccount({ name: '广州南方精密机械有限公司' }));
  await app.account.submitContact({ name: '刘洋', mobile: '1380013800' });
  await expect(app.account.contactForm).toContainText('请输入 11 位中国大陆手机号');
  await page.keyboard.press('Escape');
  await expect(app.account.contactRows).toHaveCount(0);

  // Fixing the number saves the contact.
  await app.account.addContact(buildContact({ name: '刘洋', mobile: '13800138000' }));
});

// Journey (English): 防撞单 — a second rep typing an existing company sees it and who owns it.
test('warns about a duplicate company and shows its owner', async ({ app, page }) => {
  await app.startLocalWorkspace({ language: 'en', userName: 'Mei Chen' });
  const existing = buildAccount({ name: 'Shenzhen Bright Star Technology Co., Ltd.' });
  await app.createAccount(existing);

  await app.accounts.open();
  await app.accounts.startNewAccount();
  await page.getByTestId('account-name').fill('shenzhen bright star technology co ltd');
  const warning = app.accounts.duplicateWarning;
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(existing.name);
  await expect(warning).toContainText('Same company name');
  await expect(warning).toContainText('Owner: Mei Chen');

  // A name match is a warning: the form still offers to save anyway.
  await expect(page.getByTestId('account-save')).toHaveText('Save anyway');
  await expect(page.getByTestId('account-save')).toBeEnabled();

  // Same credit code under a different name is caught too, and refused: one company, one account (issue 19).
  await page.getByTestId('account-name').fill('Bright Star Holdings Co., Ltd.');
  await page.getByTestId('account-credit-code').fill(existing.creditCode);
  await expect(warning).toContainText('Same credit code');
  await expect(app.accounts.form).toContainText(
    'This credit code already belongs to another account',
  );
  await expect(page.getByTestId('account-save')).toBeDisabled();

  // Without the code it is a different company as far as the check can tell: saved.
  await page.getByTestId('account-credit-code').fill('');
  await expect(page.getByTestId('account-save')).toBeEnabled();
  await app.accounts.save();
  await expect(page.getByTestId('account-title')).toHaveText('Bright Star Holdings Co., Ltd.');
});

import { expect, test } from './support/fixtures';

// Journey (zh-CN): an admin changes the follow-up thresholds; bad numbers get a message at the field, nothing is
// saved until they are fixed, and the saved rules are there after a reload.
test('管理员修改跟进提醒规则：错误的数字就地提示，保存后重新打开仍在', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const rules = app.followUpRules;
  await rules.open();
  await expect(rules.card).toContainText('跟进提醒规则');
  const remind = rules.field('follow-up-lead-remind');
  await expect(remind).toHaveValue('48');

  await remind.fill('0');
  await rules.field('follow-up-renewal-windows').fill('90, 60, 60');
  await rules.save();
  await expect(rules.invalid).toBeVisible();
  await expect(rules.card).toContainText('请输入 1 到 2160 之间的整数小时');
  await expect(rules.card).toContainText('提醒天数不能重复');
  await expect(rules.saved).toHaveCount(0);

  await remind.fill('24');
  await rules.field('follow-up-renewal-windows').fill('60, 30');
  await rules.field('follow-up-stage-negotiation').check();
  await rules.field('follow-up-stage-negotiation-remind').fill('3');
  await rules.save();
  await expect(rules.saved).toBeVisible();

  await page.reload();
  await rules.open();
  await expect(rules.field('follow-up-lead-remind')).toHaveValue('24');
  await expect(rules.field('follow-up-renewal-windows')).toHaveValue('60, 30');
  await expect(rules.field('follow-up-stage-negotiation-remind')).toHaveValue('3');
});

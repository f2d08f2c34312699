import { expect, test } from './support/fixtures';
import { pickOption } from './support/pages/controls';

// Journey (zh-CN, issue 19): a marketing manager defines a campaign, a rep picks it on a new lead, the campaign
// screen counts the lead and its cost per lead; lowering the MQL threshold in Settings turns the lead into an MQL.
test('市场活动：新建活动，线索选择活动后计入活动数据；调低 MQL 分数线后线索成为 MQL', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();

  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaigns-empty')).toBeVisible();
  await page.getByTestId('new-campaign').click();
  const form = page.getByTestId('campaign-form');
  await form.getByTestId('campaign-name').fill('春季展会');
  await pickOption(page, form.getByTestId('campaign-channel'), '展会');
  // An end before the start is refused at the field, nothing saved.
  await form.getByTestId('campaign-start').fill('2026-03-10');
  await form.getByTestId('campaign-end').fill('2026-03-01');
  await form.getByTestId('campaign-cost').fill('30000');
  await form.getByTestId('campaign-save').click();
  await expect(form).toContainText('结束日期不能早于开始日期');
  await form.getByTestId('campaign-end').fill('');
  await form.getByTestId('campaign-save').click();
  await expect(form).toHaveCount(0);
  const row = page.getByTestId('campaign-row').filter({ hasText: '春季展会' });
  await expect(row).toContainText('展会');
  await expect(row.getByTestId('campaign-cost-per-lead')).toHaveText('—');

  // A rep's new lead from the campaign: website (10) + mobile (10) = 20, below the MQL line (40).
  await app.goto('leads');
  await page.getByTestId('new-lead').click();
  await page.getByTestId('lead-name').fill('赵敏');
  await page.getByTestId('lead-mobile').fill('13800138000');
  await pickOption(page, page.getByTestId('lead-source'), '官网');
  await pickOption(page, page.getByTestId('lead-campaign-id'), '春季展会');
  await expect(page.getByTestId('lead-score-value')).toHaveText('20');
  await expect(page.getByTestId('lead-score-breakdown')).toContainText('来源：官网：+10');
  await page.getByTestId('lead-save').click();
  await expect(page.getByTestId('lead-form')).toHaveCount(0);
  const leadRow = app.listRows.filter({ hasText: '赵敏' });
  await expect(leadRow).toContainText('20');
  await expect(leadRow.getByTestId('lead-qualification-badge')).toHaveCount(0);

  await page.getByTestId('nav-campaigns').click();
  await expect(row.getByTestId('campaign-cost-per-lead')).toHaveText('¥30,000.00');

  // The admin lowers the MQL threshold: the lead is scored again and is an MQL on the list.
  await app.goto('settings');
  const card = page.getByTestId('lead-scoring-card');
  await card.getByTestId('lead-scoring-mql').fill('20');
  await card.getByTestId('lead-scoring-save').click();
  await expect(card.getByTestId('lead-scoring-saved')).toContainText('1 条线索');
  await app.goto('leads');
  await expect(leadRow.getByTestId('lead-qualification-badge')).toHaveText('MQL');
});

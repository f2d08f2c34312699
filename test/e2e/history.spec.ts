import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 15: a record's history reads like a person wrote it, and an overwritten value comes back in one click.
test('a deal history shows labels, not raw values, and restores an overwritten value', async ({
  teamApi,
  syncServer,
  app,
  page,
}) => {
  const email = uniqueEmail('lin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '林晓',
    email,
  });
  const accountName = '杭州云杉科技有限公司';
  const account = await teamApi.createAccount(admin, buildAccount({ name: accountName }));
  const deal = await teamApi.createDeal(admin, {
    name: '云杉二期',
    accountId: account.id,
    stage: 'qualify',
    amount: 120_000,
    lineItems: [{ id: 'li-1', product: '标准版授权', quantity: 3, unitPrice: 40_000, discount: 0 }],
    competitor: '甲公司',
  });

  await app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  await app.deal.open(deal.id);
  await expect(app.deal.history).toHaveAttribute('data-state', 'ready');

  // The created line names the account, labels the stage, formats money and reads the line item.
  await expect(app.deal.history).toContainText(accountName);
  await expect(app.deal.history).toContainText('初步接洽');
  await expect(app.deal.history).toContainText('¥120,000');
  await expect(app.deal.history).toContainText('标准版授权 × 3 · ¥40,000');
  const created = (await app.deal.history.textContent()) ?? '';
  for (const raw of [account.id, deal.id, 'pipeline-default', '1024', 'li-1', 'qualify'])
    expect(created).not.toContain(raw);

  // An edit made here reaches the server, then its line shows in the history with a restore button.
  await app.deal.edit({ 'deal-competitor': '乙公司' });
  await app.syncStatus.expectPending(0);
  const changes = app.deal.historyLines('competitor', 'change');
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText('甲公司 → 乙公司');

  // Restore: the old value is written back as a new edit, synced, and listed as the newest change.
  await changes.first().getByTestId('history-restore').click();
  await expect(app.deal.facts).toContainText('甲公司');
  await app.syncStatus.expectPending(0);
  await expect(changes).toHaveCount(2);
  await expect(changes.first()).toContainText('乙公司 → 甲公司');
  // The first edit's old value is the current one again: nothing to restore there.
  await expect(changes.nth(1).getByTestId('history-restore')).toHaveCount(0);
  await expect(page.getByTestId('deal-history')).not.toContainText('pipeline-default');
});

test('a deleted line item comes back from history by id, and the total follows', async ({
  teamApi,
  syncServer,
  app,
}) => {
  const email = uniqueEmail('zhou');
  const admin = await teamApi.createWorkspace({ workspaceName: '华南销售部', name: '周宁', email });
  const deal = await teamApi.createDeal(admin, {
    name: '港湾物流续约',
    amount: 130_000,
    lineItems: [
      { id: 'li-1', product: '标准版授权', quantity: 3, unitPrice: 40_000, discount: 0 },
      { id: 'li-2', product: '年度服务', quantity: 1, unitPrice: 10_000, discount: 0 },
    ],
  });

  await app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  await app.deal.open(deal.id);
  await expect(app.deal.history).toHaveAttribute('data-state', 'ready');
  await app.deal.removeLineItem(1);
  await expect(app.deal.lineItemsTotal).toHaveText('¥120,000');
  await app.syncStatus.expectPending(0);

  // The change reads item by item; the removed one offers to be added back.
  const change = app.deal.historyLines('lineItems', 'change');
  await expect(change).toHaveCount(1);
  const removed = change.locator('[data-testid="history-item"][data-change="removed"]');
  await expect(removed).toContainText('年度服务 × 1 · ¥10,000');
  await removed.getByTestId('history-restore').click();

  await expect(app.deal.lineItems).toContainText('年度服务');
  await expect(app.deal.lineItemsTotal).toHaveText('¥130,000');
  await app.syncStatus.expectPending(0);
  await expect(change).toHaveCount(2);
  await expect(change.first().locator('[data-change="added"]')).toContainText('年度服务');
});

import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

const phone = { label: /^(电话|Phone)$/, value: '0571-8888 0202' };

test('signing out counts an account plan edited offline with the records, and lets the person sync first', async ({
  app,
  page,
  syncServer,
}) => {
  // Offline, back online and a sign-out dialog on a loaded 2-core machine: the journey can outlast the default minute.
  test.setTimeout(180_000);
  await app.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '杭州分公司',
    name: '周舟',
    email: uniqueEmail('zhou'),
    password,
  });
  const account = buildAccount();
  await app.createAccount(account);
  await app.account.openTab('plan');
  await app.plan.expectTemplate();
  await expect(app.plan.syncState).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });

  // On the road: the plan and a field of the account are changed without a network.
  await page.context().setOffline(true);
  await app.syncStatus.expectConnection('offline');
  await app.plan.typeAt('end', '离线时写下的下一步：三月拜访财务总监。');
  await expect(app.plan.syncState).toHaveAttribute('data-state', 'offlineUnsynced');
  await app.account.edit([phone]);
  await app.syncStatus.expectPending(1);

  // Signing out now would lose both: the dialog counts the plan with the record.
  await app.signOut.open();
  await expect(app.signOut.unsynced).toHaveText(
    '1 条记录和 1 份客户计划/会议纪要尚未同步，现在退出会丢失这些修改。',
  );
  await expect(app.signOut.offlineHint).toBeVisible();
  await expect(app.signOut.confirm).toHaveText('仍然退出');
  // Sync first cannot succeed offline: both stay counted.
  await app.signOut.syncFirst.click();
  await expect(app.signOut.syncFirst).toBeEnabled();
  await expect(app.signOut.unsynced).toContainText('1 份客户计划/会议纪要');

  // Back online the dialog follows the server's acknowledgements, then signs out without a warning.
  await page.context().setOffline(false);
  await expect(app.signOut.allSynced).toBeVisible({ timeout: 30_000 });
  await expect(app.signOut.unsynced).toHaveCount(0);
  await expect(app.signOut.confirm).toHaveText('退出登录');
  await app.signOut.confirm.click();
  await expect(page.getByTestId('start-local')).toBeVisible({ timeout: 15_000 });
});

import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

const phone = { label: /^(电话|Phone)$/, value: '021-5555 0199' };
const website = { label: /^(网址|Website)$/, value: 'www.pending.example.cn' };

// Issue 15 "Pending changes where they are": offline, what waits to sync shows on the record, its list row, the
// header and its own page (apart from refused changes); back online, every mark goes.
test('offline edits are marked where they live until the server confirms them', async ({
  syncServer,
  app,
  page,
}) => {
  await app.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '华东销售部',
    name: '林晓',
    email: uniqueEmail('lin'),
    password,
  });
  const account = buildAccount();
  await app.createAccount(account);
  await app.syncStatus.expectPending(0, 15_000);

  await page.context().setOffline(true);
  await app.syncStatus.expectConnection('offline');
  await app.account.edit([phone]);
  await app.syncStatus.expectPending(1);
  await expect(app.pending.headerCount).toHaveText('1 处修改 · 1 条记录待同步');
  // The "saved" toast is shown away from the header: the counts stay readable.
  const toast = page.locator('.mantine-Notification-root').first();
  await expect(toast).toBeVisible();
  const [toastBox, countBox] = await Promise.all([
    toast.boundingBox(),
    app.pending.headerCount.boundingBox(),
  ]);
  expect(toastBox && countBox).toBeTruthy();
  if (toastBox && countBox)
    expect(
      toastBox.y >= countBox.y + countBox.height ||
        toastBox.x >= countBox.x + countBox.width ||
        toastBox.x + toastBox.width <= countBox.x,
    ).toBe(true);

  await app.account.edit([website]);
  await expect(app.pending.headerCount).toHaveText('2 处修改 · 1 条记录待同步');
  await expect(app.pending.recordMark).toHaveAttribute('data-fields', 'phone,website');
  await expect(app.pending.recordMark).toContainText('未同步：电话、网址');

  await app.accounts.open();
  const row = app.accounts.table.getByTestId('table-row').filter({ hasText: account.name });
  await expect(app.pending.rowMarks(row)).toHaveAttribute('data-fields', 'phone,website');
  await expect(app.pending.rowMarks(app.accounts.table)).toHaveCount(1);

  await app.pending.open();
  await expect(app.pending.rows).toHaveCount(1);
  await expect(app.pending.rows.first()).toContainText(account.name);
  await expect(app.pending.rows.first().getByTestId('pending-fields')).toContainText('电话、网址');
  await expect(app.pending.rows.first().getByTestId('pending-device')).toHaveText(
    'Browser（这台电脑）',
  );

  // The not-accepted page no longer says everything was accepted while something waits.
  await app.goto('inbox');
  await expect(page.getByTestId('inbox-waiting')).toContainText('2 处修改 · 1 条记录待同步');
  await expect(page.getByTestId('inbox-empty')).toHaveText('服务器没有拒绝任何修改。');

  await page.context().setOffline(false);
  await app.syncStatus.expectPending(0, 15_000);
  await expect(app.pending.headerCount).toHaveCount(0);
  await expect(page.getByTestId('inbox-waiting')).toHaveCount(0);
  await app.pending.open();
  await expect(app.pending.empty).toBeVisible();
  await app.accounts.openAccount(account.name);
  await expect(page.getByText(phone.value)).toBeVisible();
  await expect(app.pending.recordMark).toHaveCount(0);
  await app.accounts.open();
  await expect(row).toBeVisible();
  await expect(app.pending.rowMarks(app.accounts.table)).toHaveCount(0);
});

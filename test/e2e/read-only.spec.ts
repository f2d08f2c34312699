import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

test('a viewer signs in and sees an account read-only: a marker saying why, no edit controls, no save', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const admin = await teamApi.createWorkspace({
    workspaceName: 'Acme China',
    name: 'Admin',
    email: uniqueEmail('admin'),
  });
  const finance = await teamApi.createTeam(admin, '财务');
  const account = buildAccount({ name: '苏州只读精密仪器有限公司' });
  await teamApi.createAccount(admin, { ...account, teamId: finance });
  const inviteCode = await teamApi.invite(admin, 'viewer', finance);

  const viewer = await openLaptop();
  await viewer.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode,
    name: '财务查看者',
    email: uniqueEmail('viewer'),
    password,
  });
  await viewer.app.accounts.openAccount(account.name);

  const page = viewer.app.account;
  await expect(page.readOnlyMarker).toContainText('只读');
  await expect(page.readOnlyMarker).toContainText('只读查看者');
  await expect(viewer.page.getByTestId('edit-account')).toHaveCount(0);
  await expect(viewer.page.getByTestId('add-contact')).toHaveCount(0);

  const form = await page.openReadOnlyForm();
  await expect(form.getByTestId('read-only-marker')).toBeVisible();
  await expect(form.getByTestId('account-name')).toHaveValue(account.name);
  await expect(form.getByTestId('account-name')).toBeDisabled();
  await expect(form.getByTestId('account-save')).toHaveCount(0);

  await form.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(form).toBeHidden();

  // The shortcuts agree: e (edit) and a (log an activity) are not offered on this page; the overlay says so.
  const help = viewer.app.shortcutHelp;
  await help.openWithKey();
  await expect(help.row('edit')).toContainText('当前页面不可用');
  await expect(help.row('logActivity')).toContainText('当前页面不可用');
  await expect(help.row('search')).not.toContainText('当前页面不可用');
  await help.closeWithEscape();

  // Nor can a viewer start a new account.
  await viewer.app.accounts.open();
  await expect(viewer.page.getByTestId('new-account')).toHaveCount(0);
  await expect(viewer.page.getByTestId('accounts-table')).toBeVisible();
  await help.openWithKey();
  await expect(help.row('newRecord')).toContainText('当前页面不可用');
  await help.closeWithEscape();
});

import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

const phoneLabel = /^(电话|Phone)$/;

// Issue 15: an older offline edit loses to a later one made on another laptop, and the inbox of the laptop that
// lost says so in words — who, both times — and can put the lost value back as a new edit.
test('an offline edit overwritten by a later edit elsewhere is explained and can be put back', async ({
  syncServer,
  openLaptop,
}) => {
  const a = await openLaptop();
  const b = await openLaptop();
  const email = uniqueEmail('lin');
  await a.app.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '华东销售部',
    name: '林晓',
    email,
    password,
  });
  await b.app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  const account = buildAccount();
  await a.app.createAccount(account);
  await a.app.syncStatus.expectPending(0, 15_000);
  await b.app.accounts.openAccount(account.name);

  // A edits offline first; B edits the same field later, online; A reconnects after B.
  await a.page.context().setOffline(true);
  await a.app.syncStatus.expectConnection('offline');
  await a.app.account.edit([{ label: phoneLabel, value: '021-1111 0001' }]);
  await a.app.syncStatus.expectPending(1);
  await b.app.account.edit([{ label: phoneLabel, value: '021-2222 0002' }]);
  await b.app.syncStatus.expectPending(0, 15_000);
  await a.page.context().setOffline(false);
  await a.app.syncStatus.expectPending(0, 15_000);
  await expect(a.page.getByText('021-2222 0002')).toBeVisible({ timeout: 10_000 });

  await a.app.inbox.open();
  const entry = a.app.inbox.entries.first();
  await expect(entry).toHaveAttribute('data-overruled', 'true', { timeout: 10_000 });
  await expect(a.app.inbox.reason(entry)).toContainText('在另一台电脑上更晚修改：林晓 于');
  await expect(a.app.inbox.reason(entry)).toContainText('修改了“电话”');
  await expect(entry.getByTestId('inbox-value-yours')).toHaveText('021-1111 0001');
  await expect(entry.getByTestId('inbox-value-current')).toHaveText('021-2222 0002');

  // Put back: a new edit, later than B's, so it wins and reaches B too.
  await entry.getByTestId('inbox-apply').click();
  await expect(a.app.inbox.entries).toHaveCount(0);
  await a.app.syncStatus.expectPending(0, 15_000);
  await expect(b.page.getByText('021-1111 0001')).toBeVisible({ timeout: 10_000 });
});

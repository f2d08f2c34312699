import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Two browser contexts are two laptops; they talk only through the journey's own sync server.
const phone = { label: /^(电话|Phone)$/, value: '021-5555 0101' };
const website = { label: /^(网址|Website)$/, value: 'www.yunshan.example.cn' };

test('an edit on laptop A appears on laptop B within a second, and offline edits merge', async ({
  syncServer,
  openLaptop,
}) => {
  // Two laptops signing in, then an offline round trip: on a loaded 2-core machine more than the default minute.
  test.setTimeout(180_000);
  const a = await openLaptop();
  const b = await openLaptop();
  const email = uniqueEmail('lin');
  const serverUrl = syncServer.url;
  await a.app.connectTeam({
    mode: 'create',
    serverUrl,
    workspaceName: '华东销售部',
    name: '林晓',
    email,
    password,
  });
  await b.app.connectTeam({ mode: 'signIn', serverUrl, email, password });

  const account = buildAccount();
  await a.app.createAccount(account);
  await b.app.accounts.open();
  await expect(b.app.accounts.row(account.name)).toBeVisible({ timeout: 1_000 });

  // Both open the account; A goes offline; each changes a different field; A comes back.
  await b.app.accounts.openAccount(account.name);
  await a.page.context().setOffline(true);
  await a.app.syncStatus.expectConnection('offline');
  await a.app.account.edit([phone]);
  await a.app.syncStatus.expectPending(1);
  await b.app.account.edit([website]);

  await a.page.context().setOffline(false);
  for (const { page } of [a, b]) {
    await expect(page.getByText(phone.value)).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText(website.value)).toBeVisible({ timeout: 10_000 });
  }
  await a.app.syncStatus.expectPending(0);
});

test('a change the server refuses shows up in the inbox with the value that was typed', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Set-up through the REST API: an admin, two teams, and a rep in 华东 with one account there.
  const admin = await teamApi.createWorkspace({
    workspaceName: 'Acme China',
    name: 'Admin',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '华东');
  const south = await teamApi.createTeam(admin, '华南');
  const inviteCode = await teamApi.invite(admin, 'rep', east);
  const account = buildAccount({ name: 'Suzhou Lakeview Instruments Co., Ltd.' });
  await teamApi.createAccount(admin, { ...account, status: 'customer', teamId: east });

  const rep = await openLaptop();
  const repEmail = uniqueEmail('rep');
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode,
    name: 'Wang Lei',
    email: repEmail,
    password,
    language: 'en',
  });
  await rep.app.accounts.openAccount(account.name);

  // While the rep is offline, an admin moves them to 华南: their edit to a 华东 account is no longer allowed.
  await rep.page.context().setOffline(true);
  await rep.app.syncStatus.expectConnection('offline');
  const repUser = (await teamApi.users(admin)).find((u) => u.email === repEmail)!;
  await teamApi.moveUserToTeams(admin, repUser.id, [south]);
  await rep.app.account.edit([{ label: phone.label, value: '0512-6888 1234' }]);
  await rep.page.context().setOffline(false);

  await rep.app.inbox.open();
  const entry = rep.app.inbox.entries.first();
  await expect(entry).toBeVisible({ timeout: 10_000 });
  await expect(rep.app.inbox.reason(entry)).toContainText(/team/i);
  await expect(rep.app.inbox.value(entry, 'phone')).toContainText('0512-6888 1234');
});

test('a local workspace is uploaded into the team workspace when connecting', async ({
  app,
  page,
  syncServer,
  teamApi,
}) => {
  await app.startLocalWorkspace({ userName: '赵敏' });
  const account = buildAccount({ name: '宁波港湾物流有限公司' });
  await app.createAccount(account);

  // Leave the local workspace (its data stays on this computer), then connect and upload it.
  await app.goto('settings');
  await page.getByTestId('leave-workspace').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /退出工作区|Leave workspace/ })
    .click();
  const email = uniqueEmail('zhao');
  await app.firstRun.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '宁波分公司',
    name: '赵敏',
    email,
    password,
    upload: true,
  });

  // The uploaded account is in the team replica and reaches the server.
  await app.accounts.open();
  await expect(app.accounts.row(account.name)).toBeVisible({ timeout: 10_000 });
  await app.syncStatus.expectPending(0, 15_000);
  expect(await teamApi.accountNames(await teamApi.signIn(email))).toContain(account.name);
});

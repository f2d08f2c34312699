import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { pickOption } from './support/pages/controls';
import { JOURNEY_PASSWORD as password, type JourneySession } from './support/team-api';

// Issue 19 "Handover": an admin hands a leaving rep's work to a colleague of another team on the team page
// (preview, destructive confirm, result); the receiver's laptop, open meanwhile, shows the records live.
test('an admin hands a leaving rep’s records to a colleague; the receiver’s laptop shows them', async ({
  syncServer,
  teamApi,
  request,
  openLaptop,
}) => {
  // Two laptops sign in and sync (about 40 s alone): the default minute is too tight on a busy machine.
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail('admin-handover');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '林晓',
    email: adminEmail,
  });
  const east = await teamApi.createTeam(admin, '华东');
  const south = await teamApi.createTeam(admin, '华南');

  // The leaving rep (signed up over REST) owns an account and a lead in 华东.
  const leaverJoined = await request.post(`${syncServer.url}/api/auth/join`, {
    data: {
      inviteCode: await teamApi.invite(admin, 'rep', east),
      name: '王离职',
      email: uniqueEmail('leaver'),
      password,
      deviceName: 'journey',
    },
  });
  expect(leaverJoined.status()).toBe(201);
  const leaver = (await leaverJoined.json()) as JourneySession;
  const accountName = '苏州交接仪器有限公司';
  await teamApi.createAccount(leaver, { name: accountName });
  await teamApi.createLead(leaver, { name: '交接线索张先生' });

  // The receiver works in 华南: before the handover their laptop does not hold the account.
  const receiver = await openLaptop();
  await receiver.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: await teamApi.invite(admin, 'rep', south),
    name: '赵接手',
    email: uniqueEmail('receiver'),
    password,
  });
  await receiver.app.accounts.open();
  await expect(receiver.app.accounts.row(accountName)).toHaveCount(0);

  const adminLaptop = await openLaptop();
  await adminLaptop.app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: adminEmail,
    password,
  });
  const { page } = adminLaptop;
  await adminLaptop.app.goto('team');
  const card = page.getByTestId('team-handover');
  await expect(card).toBeVisible();
  await pickOption(page, card.getByTestId('handover-from'), '王离职');
  await pickOption(page, card.getByTestId('handover-to'), '赵接手');
  await card.getByTestId('handover-preview').click();
  await expect(card.getByTestId('handover-count-accounts')).toHaveAttribute('data-count', '1');
  await expect(card.getByTestId('handover-count-leads')).toHaveAttribute('data-count', '1');
  await expect(card.getByTestId('handover-item')).toHaveCount(2);
  await expect(card.getByTestId('handover-preview-result')).toContainText(accountName);

  // Deactivating warns that the leaving person's laptop must sync first.
  await card.getByTestId('handover-deactivate').check();
  await expect(card.getByTestId('handover-offline-note')).toContainText('请先让 TA 的电脑完成同步');
  await card.getByTestId('handover-execute').click();
  await page.getByTestId('handover-confirm').click();
  await expect(card.getByTestId('handover-result')).toContainText('2 条记录已转给 赵接手');
  await expect(card.getByTestId('handover-result')).toContainText('王离职 的账号已停用');

  // The receiver's laptop, open all along, gets the account without reloading.
  await expect(receiver.app.accounts.row(accountName)).toBeVisible({ timeout: 10_000 });
});

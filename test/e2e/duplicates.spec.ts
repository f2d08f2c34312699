import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail, validCreditCode } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Journey (zh-CN, real server): 撞单 on the lead form (issue 19). A North rep types a company that East already
// follows — the server names its owner and team, nothing else — and a mobile that a colleague's lead in the rep's
// own team has, which the replica names with its owner.
test('线索表单的撞单提醒：指出其他团队和同事的负责人', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const admin = await teamApi.createWorkspace({
    workspaceName: '撞单测试',
    name: 'Admin',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '华东销售部');
  const north = await teamApi.createTeam(admin, '华北销售部');
  const wang = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '王芳',
    email: uniqueEmail('wang'),
  });
  const zhao = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', north),
    name: '赵敏',
    email: uniqueEmail('zhao'),
  });
  await teamApi.createLead(admin, {
    name: '陈晨',
    company: '南京紫金山科技有限公司',
    companyKey: '南京紫金山科技',
    ownerId: wang.user.id,
    teamId: east,
  });
  await teamApi.createLead(admin, {
    name: '周杰',
    company: '天津海河贸易有限公司',
    companyKey: '天津海河贸易',
    mobile: '13722223333',
    ownerId: zhao.user.id,
    teamId: north,
  });

  const rep = await openLaptop();
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: await teamApi.invite(admin, 'rep', north),
    name: '李雷',
    email: uniqueEmail('li'),
    password,
  });
  const { page } = rep;
  await rep.app.goto('leads');
  await page.getByTestId('new-lead').click();
  await page.getByTestId('lead-name').fill('孙丽');
  await page.getByTestId('lead-company').fill('南京紫金山科技（有限公司）');

  // East's lead is not in the North rep's replica: the server says who follows the company, and no more.
  const warning = page.getByTestId('lead-duplicates');
  await expect(warning).toContainText('另一个团队已在跟进该公司（王芳，华东销售部）');
  await expect(warning).toContainText('公司名称相同');
  await expect(warning).not.toContainText('陈晨');

  // A colleague's lead in the rep's own team, found in the replica by the mobile number, names its owner.
  await page.getByTestId('lead-mobile').fill('137 2222 3333');
  await expect(warning).toContainText('天津海河贸易有限公司');
  await expect(warning).toContainText('负责人：赵敏');
  await expect(warning).toContainText('手机号相同');
});

// Journey (zh-CN, real server): an account created offline with a credit code that a colleague's account got
// meanwhile is refused into the creator's inbox, naming that account's owner and team, with a one-click merge.
test('离线新建的重复信用代码客户被拒绝：收件箱指出负责人并可一键合并', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const admin = await teamApi.createWorkspace({
    workspaceName: '信用代码唯一',
    name: 'Admin',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '华东销售部');
  const chen = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '陈静',
    email: uniqueEmail('chen'),
  });
  const rep = await openLaptop();
  const { app, page } = rep;
  await app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '王芳',
    email: uniqueEmail('wang'),
    password,
  });

  await page.context().setOffline(true);
  await app.syncStatus.expectConnection('offline');
  // Meanwhile a colleague's account gets the code.
  const code = validCreditCode();
  const existing = await teamApi.createAccount(admin, {
    name: '苏州工业园区精密制造有限公司',
    creditCode: code,
    ownerId: chen.user.id,
    teamId: east,
  } as Parameters<typeof teamApi.createAccount>[1]);
  await app.createAccount(buildAccount({ name: '苏州园区精密制造有限公司', creditCode: code }));
  // The web build routes in the hash: #/accounts/<id>.
  const refusedId = new URL(page.url()).hash.split('/').pop() ?? '';
  expect(refusedId).not.toBe('');

  await page.context().setOffline(false);
  await app.inbox.open();
  const entry = app.inbox.entries.first();
  await expect(entry).toBeVisible({ timeout: 15_000 });
  await expect(app.inbox.reason(entry)).toContainText(
    `统一社会信用代码 ${code} 已属于另一个客户（负责人：陈静，华东销售部）`,
  );
  await expect(entry.getByTestId('inbox-open-existing')).toBeVisible();
  await entry.getByTestId('inbox-merge').click();
  await expect(page).toHaveURL((url) => {
    const target = new URL(url.hash.slice(1), 'http://app');
    return (
      target.pathname === '/merge/accounts' &&
      target.searchParams.get('ids') === `${existing.id},${refusedId}`
    );
  });
});

import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
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

import { CAPTURE_LEADS_PATH } from '../../shared/sync';
import { CrmApp } from './support/crm-app';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { pickOption } from './support/pages/controls';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 19 "Scoring and assignment": an admin turns on round robin for a team in Settings; a lead saved with
// 自动分配 on the admin's laptop is given an owner by the server and appears on that rep's laptop, with an
// "assigned to you" entry in the rep's inbox.
test('a lead saved for automatic assignment reaches the assigned rep, with an inbox entry', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华北销售部',
    name: '陈总',
    email: adminEmail,
  });
  const north = await teamApi.createTeam(admin, '北京组');
  const repInvite = await teamApi.invite(admin, 'rep', north);

  const rep = await openLaptop();
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: repInvite,
    name: '王磊',
    email: uniqueEmail('rep'),
    password,
  });
  const boss = await openLaptop();
  await boss.app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: adminEmail,
    password,
  });

  // The admin turns on round robin among 北京组's reps.
  await boss.app.goto('settings');
  const card = boss.page.getByTestId('lead-assignment-card');
  await card.getByTestId('lead-assignment-enabled').check();
  await card.getByTestId('lead-assignment-add-rule').click();
  await pickOption(boss.page, card.getByTestId('lead-assignment-rule-0-team'), '北京组');
  await card.getByTestId('lead-assignment-save').click();
  await expect(card.getByTestId('lead-assignment-saved')).toBeVisible();

  // A new lead left for the rules.
  await boss.app.goto('leads');
  await boss.page.getByTestId('new-lead').click();
  await boss.page.getByTestId('lead-name').fill('赵敏');
  await pickOption(boss.page, boss.page.getByTestId('lead-source'), '官网');
  await boss.page.getByTestId('lead-assign-automatically').check();
  await boss.page.getByTestId('lead-save').click();
  await expect(boss.page.getByTestId('lead-form')).toHaveCount(0);
  // The admin's list shows the owner the server gave it.
  await expect(boss.app.listRows.filter({ hasText: '赵敏' })).toContainText('王磊', {
    timeout: 15_000,
  });

  // The rep has it, and the inbox says the rules assigned it.
  await rep.app.inbox.open();
  const entry = rep.app.inbox.item('assignment', '赵敏');
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expect(rep.app.inbox.message(entry)).toHaveText('分配规则把这条新线索分配给了你');
  await rep.app.goto('leads');
  await expect(rep.app.listRows.filter({ hasText: '赵敏' })).toBeVisible();
});

// Issue 19 "Must show": a lead posted to the capture endpoint reaches the assigned rep's laptop within seconds with
// a desktop notification. The rep's browser allows notifications and records each one the app shows.
test('a lead posted to the capture endpoint reaches the assigned rep with a desktop notification', async ({
  syncServer,
  teamApi,
  browser,
  baseURL,
  request,
}) => {
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东市场部',
    name: '周总',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '上海组');
  const repInvite = await teamApi.invite(admin, 'rep', east);
  await teamApi.createRecord(admin, 'settings', {
    id: `${admin.workspace.id}:leadAssignment`,
    teamId: '',
    kind: 'leadAssignment',
    key: 'leadAssignment',
    value: {
      enabled: true,
      rules: [
        {
          id: 'all',
          name: '',
          regions: [],
          industries: [],
          target: { kind: 'team', teamId: east },
        },
      ],
      capacity: 0,
      fallbackOwnerId: '',
    },
  });
  const key = await request.post(`${syncServer.url}/api/capture-keys`, {
    headers: { authorization: `Bearer ${admin.accessToken}` },
    data: { name: '官网表单' },
  });
  expect(key.status()).toBe(201);
  const { key: captureKey } = (await key.json()) as { key: string };

  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin: new URL(baseURL!).origin });
  // Records what the app asks the browser to show (before the real constructor, which headless may refuse).
  await context.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body: string }[] = [];
    Object.assign(window, { shownNotifications: shown });
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body ?? '' });
        super(title, options);
      }
    }
    window.Notification = Recording;
  });
  const page = await context.newPage();
  const rep = new CrmApp(page);
  await rep.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: repInvite,
    name: '孙丽',
    email: uniqueEmail('rep'),
    password,
  });
  await rep.goto('leads');

  const posted = await request.post(`${syncServer.url}${CAPTURE_LEADS_PATH}`, {
    headers: { 'x-api-key': captureKey },
    data: { name: '钱多多', company: '上海表单科技有限公司' },
  });
  expect(posted.status()).toBe(201);

  await expect(rep.listRows.filter({ hasText: '钱多多' })).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            (window as unknown as { shownNotifications: { title: string; body: string }[] })
              .shownNotifications,
        ),
      { timeout: 15_000 },
    )
    .toContainEqual({
      title: '分配规则把这条新线索分配给了你',
      body: '钱多多 · 上海表单科技有限公司',
    });
  await context.close();
});

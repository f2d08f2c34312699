import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 20 "Approvals (审批)": a rep requests an expense approval; the rules route it to the rep's manager, who
// approves it on a laptop that is offline; on reconnect the rep sees it approved, with the manager's name and
// comment in the decision history and an inbox entry — in Chinese and in English.
test('a manager approves an expense request offline; the rep sees the decision on reconnect', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Two laptops, a sync server and an offline round trip: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '上海组');
  const managerInvite = await teamApi.invite(admin, 'manager', east);
  const repInvite = await teamApi.invite(admin, 'rep', east);

  const manager = await openLaptop();
  await manager.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: managerInvite,
    name: '李经理',
    email: uniqueEmail('manager'),
    password,
  });
  const rep = await openLaptop();
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: repInvite,
    name: '王磊',
    email: uniqueEmail('rep'),
    password,
  });

  // The rep asks for an expense approval; the rules (none for expenses) route it to their manager.
  await rep.page.getByTestId('nav-approvals').click();
  await rep.page.getByTestId('approvals-new-expense').click();
  const form = rep.page.getByTestId('expense-form');
  await form.getByTestId('expense-submit').click();
  await expect(form.getByText('此项为必填项').first()).toBeVisible();
  await form.getByTestId('expense-title').fill('上海客户拜访差旅');
  await form.getByTestId('expense-amount').fill('3200');
  await form.getByTestId('expense-note').fill('两天，含高铁和住宿');
  await form.getByTestId('expense-submit').click();
  await expect(form).toHaveCount(0);
  await rep.page.getByTestId('approvals-tabs').getByText('我的申请').click();
  const repRow = rep.page.getByTestId('approval-row').filter({ hasText: '上海客户拜访差旅' });
  await expect(repRow).toContainText('待审批');
  await expect(repRow).toContainText('李经理');

  // The manager sees it waiting on them, opens it, goes offline and approves with a comment.
  await manager.page.getByTestId('nav-approvals').click();
  const waiting = manager.page.getByTestId('approval-row').filter({ hasText: '上海客户拜访差旅' });
  await expect(waiting).toBeVisible({ timeout: 15_000 });
  await waiting.click();
  const detail = manager.page.getByTestId('approval-detail');
  await expect(detail).toContainText('两天，含高铁和住宿');
  await manager.page.context().setOffline(true);
  await manager.app.syncStatus.expectConnection('offline');
  await detail.getByTestId('approval-comment').fill('同意，注意控制住宿标准');
  await detail.getByTestId('approval-approve').click();
  await expect(detail.getByTestId('approval-status')).toHaveText('已通过');
  await expect(detail.getByTestId('approval-step-0')).toContainText('李经理 已通过');

  // Back online: the decision reaches the server and the rep's laptop.
  await manager.page.context().setOffline(false);
  await expect(repRow).toContainText('已通过', { timeout: 20_000 });
  await repRow.getByRole('link').click();
  const repDetail = rep.page.getByTestId('approval-detail');
  await expect(repDetail.getByTestId('approval-step-0')).toContainText('李经理 已通过');
  await expect(repDetail.getByTestId('approval-step-0-comment')).toHaveText(
    '同意，注意控制住宿标准',
  );
  await expect(repDetail.getByTestId('approval-approve')).toHaveCount(0);

  // The rep's inbox says who decided.
  await rep.page.keyboard.press('Escape');
  await expect(repDetail).toHaveCount(0);
  await rep.app.inbox.open();
  const entry = rep.app.inbox.item('approval', '上海客户拜访差旅');
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expect(rep.app.inbox.message(entry)).toHaveText('李经理 通过了你的申请');

  // The same in English.
  await rep.app.switchLanguage('en');
  await expect(rep.app.inbox.message(entry)).toHaveText('李经理 approved your request');
  await rep.page.getByTestId('nav-approvals').click();
  await rep.page.getByTestId('approvals-tabs').getByText('My requests').click();
  await expect(repRow).toContainText('Approved');
  await repRow.getByRole('link').click();
  await expect(rep.page.getByTestId('approval-step-0')).toContainText('李经理 approved');
  await expect(rep.page.getByTestId('approval-step-0-comment')).toHaveText(
    '同意，注意控制住宿标准',
  );
});

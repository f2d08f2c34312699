import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';

// Journey (zh-CN): one person runs a customer from first contact to a deal on the board, and everything
// survives a reload — the local replica is the product's source of truth.
test('客户、联系人、商机和任务：创建、在看板上推进阶段、刷新后仍然存在', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const account = buildAccount();
  const buyer = buildContact({ name: '王芳', title: '采购总监', role: '决策人' });
  const engineer = buildContact({ name: '陈刚', title: 'IT 经理', role: '技术评估人' });

  await app.createAccount(account);
  await app.account.addContact(buyer);
  await app.account.addContact(engineer);
  await expect(app.account.contactRows).toHaveCount(2);
  await app.account.addDeal({
    name: '云杉数据平台项目',
    contactName: buyer.name,
    amount: 480000,
    closeDate: '2026-12-31',
  });
  await app.account.logActivity('task', '发送报价方案');

  // The task is on "My day" (due today by default).
  await app.goto('myDay');
  await expect(
    page.locator('[data-testid="task-item"][data-task-subject="发送报价方案"]'),
  ).toBeVisible();

  // Move the deal on the board: 初步接洽 → 需求确认 → 方案演示 (each stage gate is satisfied).
  await app.board.open();
  await expect(app.board.card('云杉数据平台项目', 'qualify')).toBeVisible();
  await app.board.move('云杉数据平台项目', 'needs');
  await app.board.move('云杉数据平台项目', 'proposal');

  await page.reload();
  await expect(app.board.card('云杉数据平台项目', 'proposal')).toBeVisible();
  await app.accounts.open();
  await expect(app.accounts.row(account.name)).toBeVisible();
  // Shown from the replica, the list's first page becomes the first screen's snapshot (app/first-screen-cache.ts)…
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('crm.first-screen')))
    .toContain(account.name);
  // …so a start on the accounts list renders its rows from it, before the replica is open; what the person
  // does next goes to the replica once it is.
  await page.reload();
  await expect(app.accounts.row(account.name)).toBeVisible();
  const start = await page.evaluate(() => ({
    snapshotRows: (
      performance.getEntriesByName('crm:first-screen-snapshot')[0] as PerformanceMark | undefined
    )?.detail as { rows: number } | undefined,
    firstContent: performance.getEntriesByName('crm:first-content')[0]?.startTime,
    openStarted: performance.getEntriesByName('crm:workspace-open-start')[0]?.startTime,
  }));
  expect(start.snapshotRows).toEqual({ rows: 1 });
  // The replica's open waited for the snapshot's rows to be on screen.
  expect(start.firstContent).toBeLessThan(start.openStarted ?? 0);
  // The start-up splash (index.html) is gone, and the filter bar's pickers, drawn as look-alikes until the rows
  // were on screen (components/deferred-select.tsx), are the real ones.
  await expect(page.getByTestId('boot-splash')).toHaveCount(0);
  await expect(page.locator('[data-deferred-select]')).toHaveCount(0);
  await app.accounts.row(account.name).click();
  await expect(app.account.contactRows).toHaveCount(2);
  await app.account.openTab('deals');
  await expect(app.account.deals).toContainText('方案演示');
  await expect(app.account.timeline).toContainText('发送报价方案');
});

// Journey (English): the board refuses a stage whose gate is not met and says what is missing.
test('the deal board refuses a stage gate and names the missing fields', async ({ app, page }) => {
  await app.startLocalWorkspace({ language: 'en' });
  await app.createAccount(buildAccount({ name: 'Shanghai Harbour Logistics Co., Ltd.' }));
  await app.account.addContact(buildContact({ name: 'Alice Wu', title: 'COO' }));
  await app.account.addDeal({
    name: 'Harbour WMS rollout',
    contactName: 'Alice Wu',
    amount: 120000,
    closeDate: '2027-01-15',
  });
  await app.board.open();
  // 报价 / Quote needs budget, decision maker and competitor, which this deal lacks.
  await app.board.drag('Harbour WMS rollout', 'quote');
  await expect(app.board.stageGateDialog).toBeVisible();
  await expect(app.board.stageGateMissing).toContainText('Budget');
  await expect(app.board.stageGateMissing).toContainText('Competitor');
  await page.keyboard.press('Escape');
  await expect(app.board.card('Harbour WMS rollout', 'qualify')).toBeVisible();
});

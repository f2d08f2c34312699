import { addDays, format } from './support/forecast-dates';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { DealPage } from './support/pages/deal-page';
import { ForecastPage } from './support/pages/forecast-page';
import { pickOption } from './support/pages/controls';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { periodOf } from '../../shared/rules/forecast';

// Issue 20 from deal to cash, in order, on a real server: an admin adds a gated stage with a task template; the
// rep's board refuses the move naming the field, and once it is filled the move creates the task; the rep's
// quote has a discount above their limit; the manager approves it offline (seeing its margin, in Chinese and in
// English), and on reconnect the rep sees it approved, marks it sent and prints it; a contract with a payment plan
// comes from the quote and the inbox says who approved; the manager's forecast shows the numbers the fixture
// predicts. (It replaced pipelines.spec.ts and approvals.spec.ts, and the approval part of quotes.spec.ts.)
test('deal to cash: gated stage and task, quote approved offline, printed, contract, forecast', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Three laptops, a sync server and an offline round trip on a shared machine.
  test.setTimeout(240_000);
  const admin = await teamApi.createWorkspace({
    workspaceName: '星河软件有限公司',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const east = await teamApi.createTeam(admin, '华东组');
  const managerEmail = uniqueEmail('manager');
  await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'manager', east),
    name: '李经理',
    email: managerEmail,
  });
  const repEmail = uniqueEmail('rep');
  const rep = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '王磊',
    email: repEmail,
  });
  // The price list: ¥1,000 a licence that costs ¥400 (the margin the approver sees).
  await teamApi.createRecord(admin, 'settings', {
    id: 'prod-std',
    kind: 'product',
    key: 'prod-std',
    teamId: '',
    value: {
      name: '标准版许可',
      code: 'STD',
      unit: '套',
      unitPriceFen: 100_000,
      unitCostFen: 40_000,
      active: true,
      category: '软件',
    },
  });
  const account = await teamApi.createAccount(rep, { name: '宁波冷链物流', teamId: east });
  // The fixture: the journey's deal, one won and one committed deal of the rep's, all closing this quarter.
  const quarter = periodOf('quarter', format(new Date()));
  const deal = await teamApi.createDeal(rep, {
    name: '冷链续约',
    accountId: account.id,
    teamId: east,
    ownerId: rep.user.id,
    amount: 100_000,
    closeDate: addDays(quarter.start, 9),
  });
  await teamApi.createDeal(admin, {
    name: '已赢单',
    teamId: east,
    ownerId: rep.user.id,
    stage: 'won',
    status: 'won',
    amount: 80_000,
    closeDate: addDays(quarter.start, 4),
  });
  await teamApi.createDeal(admin, {
    name: '方案-承诺',
    teamId: east,
    ownerId: rep.user.id,
    stage: 'proposal', // 40 %
    amount: 30_000,
    closeDate: addDays(quarter.start, 19),
    forecastCategory: 'commit',
  });

  // The admin adds 现场勘察 (50 % by default) next to the first stage: it needs the competitor and gives the
  // owner a task on entry.
  const boss = await openLaptop();
  await boss.app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: admin.user.email,
    password,
  });
  await boss.app.goto('settings');
  const card = boss.page.getByTestId('pipelines-card');
  await card.getByTestId('pipeline-add-stage').click();
  // The default pipeline has 7 stages, so the new one is 'stage-8', placed before the closing ones.
  const stage = card.getByTestId('pipeline-stage-stage-8');
  await stage.getByTestId('stage-name').fill('现场勘察');
  for (let i = 0; i < 4; i++)
    await stage.getByRole('button', { name: '上移' }).dispatchEvent('click');
  await expect(card.locator('[data-testid^="pipeline-stage-"]').nth(1)).toHaveAttribute(
    'data-testid',
    'pipeline-stage-stage-8',
  );
  // The sticky header covers the field's centre at this scroll position: open the picker by its own click event.
  await stage.getByTestId('stage-required').dispatchEvent('click');
  await boss.page.getByRole('option', { name: '竞争对手' }).click();
  await boss.page.keyboard.press('Escape');
  await stage.getByTestId('stage-add-task').click();
  await stage.getByTestId('task-title').fill('上传竞品分析');
  await card.getByTestId('pipeline-save').click();
  await expect(card.getByTestId('pipeline-notice')).toContainText('已保存');
  await boss.page.context().close();

  const [repLaptop, managerLaptop] = await Promise.all([openLaptop(), openLaptop()]);
  await Promise.all([
    repLaptop.app.connectTeam({
      mode: 'signIn',
      serverUrl: syncServer.url,
      email: repEmail,
      password,
    }),
    managerLaptop.app.connectTeam({
      mode: 'signIn',
      serverUrl: syncServer.url,
      email: managerEmail,
      password,
    }),
  ]);
  const { page, app } = repLaptop;

  // The rep's board has the new column (by sync); the move is refused naming the field, then allowed.
  await app.board.open();
  await expect(app.board.column('stage-8')).toContainText('现场勘察', { timeout: 20_000 });
  await app.board.drag('冷链续约', 'stage-8');
  await expect(app.board.stageGateDialog).toBeVisible();
  await expect(app.board.stageGateMissing).toContainText('竞争对手');
  await page.getByTestId('stage-gate-fill').click();
  await page.getByTestId('deal-competitor').fill('冷王科技');
  await page.getByTestId('deal-save').click();
  await expect(app.board.card('冷链续约', 'stage-8')).toBeVisible();
  await app.goto('myDay');
  await expect(
    page.locator('[data-testid="task-item"][data-task-subject="上传竞品分析"]'),
  ).toBeVisible();

  // The deal page weights the amount by its stage (50 %), and the rep quotes two licences at 20 % off: above a
  // rep's 10 %, so it needs approval. 2 × ¥1,000 − 20 % = ¥1,600; 13 % tax → ¥1,808.
  const dealPage = new DealPage(page);
  await dealPage.open(deal.id);
  await expect(page.getByTestId('deal-weighted')).toHaveText('¥50,000');
  const quotes = page.getByTestId('deal-quotes');
  await quotes.getByTestId('quote-new-version').click();
  const editor = page.getByTestId('quote-editor');
  await pickOption(page, editor.getByTestId('quote-pick-product'), /标准版许可/);
  await editor.getByTestId('quote-line-0').getByTestId('quote-line-quantity').fill('2');
  await editor.getByTestId('quote-discount').fill('20');
  await expect(editor.getByTestId('quote-total-grand-total')).toHaveText('¥1,808.00');
  await expect(editor.getByTestId('quote-editor-approval')).toContainText('需要审批');
  await editor.getByTestId('quote-save').click();
  await expect(editor).toHaveCount(0);
  const v1 = quotes.getByTestId('quote-version-1');
  await expect(v1.getByTestId('quote-mark-sent')).toBeDisabled();
  await v1.getByTestId('quote-request-approval').click();
  await expect(v1.getByTestId('quote-status')).toHaveText('待审批');

  // The manager sees the request with its margin (¥1,600 − 2 × ¥400 = ¥800, 50 %), goes offline and approves.
  const manager = managerLaptop.page;
  await manager.getByTestId('nav-approvals').click();
  const waiting = manager.getByTestId('approval-row').filter({ hasText: '冷链续约 · V1' });
  await expect(waiting).toBeVisible({ timeout: 20_000 });
  await waiting.click();
  const detail = manager.getByTestId('approval-detail');
  await expect(detail.getByTestId('approval-quote-margin')).toHaveText(
    '毛利 ¥800.00（毛利率 50%）',
  );
  // The same context in English (the drawer covers the header's language switch).
  await manager.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await managerLaptop.app.switchLanguage('en');
  await waiting.click();
  await expect(detail.getByTestId('approval-quote-margin')).toHaveText(
    'Margin CN¥800.00 (50 % of net)',
  );
  await manager.context().setOffline(true);
  await managerLaptop.app.syncStatus.expectConnection('offline');
  await detail.getByTestId('approval-comment').fill('同意，本季度重点客户');
  await detail.getByTestId('approval-approve').click();
  await expect(detail.getByTestId('approval-status')).toHaveText('Approved');
  await manager.keyboard.press('Escape');
  await manager.context().setOffline(false);

  // On reconnect the rep's version is approved: marked sent, printed with the company's and customer's names.
  await expect(v1.getByTestId('quote-approval-state')).toHaveAttribute('data-state', 'approved', {
    timeout: 20_000,
  });
  await v1.getByTestId('quote-mark-sent').click();
  await expect(v1.getByTestId('quote-status')).toHaveText('已发送');
  await v1.getByTestId('quote-print').click();
  const print = page.getByTestId('quote-print-view');
  await expect(print.getByTestId('quote-print-company')).toHaveText('星河软件有限公司');
  await expect(print.getByTestId('quote-print-customer')).toHaveText('宁波冷链物流');
  await expect(print.getByTestId('quote-total-grand-total')).toHaveText('¥1,808.00');
  await page.goBack();

  // A contract from the sent quote (its total prefilled) with one instalment in 30 days.
  await v1.getByTestId('contract-from-quote').click();
  const form = page.getByTestId('contract-form');
  await expect(form.getByTestId('contract-amount')).toHaveValue('¥1,808');
  await form.getByTestId('plan-add').click();
  const due = form.getByTestId('plan-due-date');
  await due.click();
  const dueDate = addDays(format(new Date()), 30);
  await due.fill(dueDate);
  // Blur (Enter would submit the form before the date is taken).
  await form.getByTestId('contract-notes').click();
  await form.getByTestId('contract-save').click();
  const instalment = page.getByTestId('plan-item');
  await expect(instalment).toHaveCount(1);
  await expect(instalment).toContainText(`${dueDate}¥1,808`);
  await expect(instalment).toHaveAttribute('data-status', 'upcoming');
  // The rep's inbox told them who decided.
  await app.inbox.open();
  const decided = app.inbox.item('approval', '冷链续约 · V1');
  await expect(decided).toHaveCount(1, { timeout: 15_000 });
  await expect(app.inbox.message(decided)).toHaveText('李经理 通过了你的申请');

  // The manager's forecast of the rep: won 80 000; commit 30 000; weighted 50 % × 100 000 + 40 % × 30 000.
  const forecast = new ForecastPage(manager);
  await forecast.open();
  await expect(forecast.cell(rep.user.id, 'weighted')).toHaveText('CN¥62,000.00', {
    timeout: 15_000,
  });
  expect(await forecast.row(rep.user.id)).toMatchObject({
    won: 'CN¥80,000.00',
    commit: 'CN¥30,000.00',
    bestCase: 'CN¥30,000.00',
  });
});

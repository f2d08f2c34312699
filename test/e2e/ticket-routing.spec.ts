import { expect, test } from './support/fixtures';
import { buildContact, uniqueEmail } from './support/factories';
import { pickOption } from './support/pages/controls';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 21 "Routing" and "Satisfaction": an admin lists an agent with the complaint skill in Settings; a complaint
// saved unassigned on the admin's laptop is routed by the server to that agent and shows up on the agent's laptop
// (in English) with a "routed to you" inbox entry; the agent resolves it and records the customer's CSAT; the admin
// enters a contact's NPS answer (zh-CN) and sees its category.
test('a ticket is routed to the agent with the skill, who records CSAT; an NPS answer shows its category', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Three laptops and a server on a shared machine.
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '星海客服中心',
    name: '陈总',
    email: adminEmail,
  });
  const support = await teamApi.createTeam(admin, '客服组');
  const agentInvite = await teamApi.invite(admin, 'rep', support);
  const otherInvite = await teamApi.invite(admin, 'rep', support);

  const agent = await openLaptop();
  await agent.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: agentInvite,
    name: 'Lina',
    email: uniqueEmail('agent'),
    password,
    language: 'en',
  });
  // A second agent without the skill: the ticket must not go to her.
  const other = await openLaptop();
  await other.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: otherInvite,
    name: '周婷',
    email: uniqueEmail('other'),
    password,
  });
  const boss = await openLaptop();
  await boss.app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: adminEmail,
    password,
  });

  // The admin lists both agents; only Lina handles complaints.
  await boss.app.goto('settings');
  const card = boss.page.getByTestId('ticket-routing-card');
  await card.getByTestId('ticket-routing-enabled').check();
  // An agent row without a person is refused at the field, nothing saved.
  await card.getByTestId('ticket-routing-add-agent').click();
  await card.getByTestId('ticket-routing-save').click();
  await expect(card.getByTestId('ticket-routing-invalid')).toBeVisible();
  await expect(card.getByTestId('ticket-routing-saved')).toHaveCount(0);
  await pickOption(boss.page, card.getByTestId('ticket-routing-agent-0-member'), 'Lina');
  await pickOption(boss.page, card.getByTestId('ticket-routing-agent-0-types'), '投诉');
  await boss.page.keyboard.press('Escape');
  await card.getByTestId('ticket-routing-add-agent').click();
  await pickOption(boss.page, card.getByTestId('ticket-routing-agent-1-member'), '周婷');
  await pickOption(boss.page, card.getByTestId('ticket-routing-agent-1-types'), '咨询');
  await boss.page.keyboard.press('Escape');
  await card.getByTestId('ticket-routing-agent-1-capacity').fill('5');
  await card.getByTestId('ticket-routing-save').click();
  await expect(card.getByTestId('ticket-routing-saved')).toBeVisible();

  // A complaint saved without an assignee: the server routes it.
  await boss.app.goto('tickets');
  await boss.page.getByTestId('new-ticket').click();
  await boss.page.getByTestId('ticket-subject').fill('发票金额开错了');
  await pickOption(boss.page, boss.page.getByTestId('ticket-type'), '投诉');
  await expect(boss.page.getByTestId('ticket-assignee')).toHaveValue('');
  await boss.page.getByTestId('ticket-product').fill('云盘');
  await boss.page.getByTestId('ticket-save').click();
  await expect(boss.page.getByTestId('ticket-form')).toHaveCount(0);
  // The new ticket's page shows the agent the server gave it.
  await expect(boss.page.getByTestId('ticket-title')).toHaveText('发票金额开错了');
  await expect(boss.page.getByTestId('ticket-detail')).toContainText('Lina', { timeout: 15_000 });

  // Lina's laptop (English) has it, with the routing's inbox entry.
  await agent.app.inbox.open();
  const entry = agent.app.inbox.item('assignment', '发票金额开错了');
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expect(agent.app.inbox.message(entry)).toHaveText('The routing gave you this new ticket');
  await agent.app.inbox.openRecord(entry);
  await expect(agent.page.getByTestId('ticket-title')).toHaveText('发票金额开错了');
  await expect(agent.page.getByTestId('ticket-detail')).toContainText('Routed at');

  // She resolves it and records the customer's answer: 4 of 5, with a comment.
  await agent.page.getByTestId('ticket-status-open').click();
  await agent.page.getByTestId('ticket-status-resolved').click();
  await agent.page.getByTestId('ticket-resolution-input').fill('Reissued the invoice');
  await agent.page.getByTestId('ticket-resolve-confirm').click();
  const csat = agent.page.getByTestId('ticket-csat-card');
  await expect(csat).toBeVisible();
  // Saving without a score says what is missing.
  await csat.getByTestId('ticket-csat-save').click();
  await expect(csat.getByTestId('ticket-csat-error')).toHaveText(
    'Choose a score from 1 to 5 first',
  );
  // Mantine's Rating puts a label for 0 first: the fifth label is 4.
  await csat.getByTestId('ticket-csat').locator('label').nth(4).click();
  await csat.getByTestId('ticket-csat-comment').fill('Quick and polite');
  await csat.getByTestId('ticket-csat-save').click();
  await expect(csat.getByTestId('ticket-csat-recorded')).toContainText('Recorded: 4');
  // A one-time survey token for the customer's e-mail.
  await csat.getByTestId('csat-survey-link').click();
  await expect(csat.getByTestId('csat-survey-token')).toContainText('crmsv_');

  // 周婷 never got it.
  await other.app.goto('tickets');
  await expect(other.app.listRows.filter({ hasText: '发票金额开错了' })).toHaveCount(1);
  await expect(other.app.listRows.filter({ hasText: '发票金额开错了' })).not.toContainText('周婷');

  // The admin enters a contact's NPS answer and sees its category (zh-CN).
  const account = await teamApi.createAccount(admin, { name: '星辰科技', teamId: support });
  expect(account.id).toBeTruthy();
  await boss.app.goto('accounts');
  await boss.app.listRows.filter({ hasText: '星辰科技' }).click({ timeout: 15_000 });
  await boss.app.account.addContact(buildContact({ name: '刘洋' }));
  await boss.page.getByTestId('account-contact-row').filter({ hasText: '刘洋' }).click();
  const nps = boss.page.getByTestId('nps-panel');
  await nps.getByTestId('nps-save').click();
  await expect(nps.getByTestId('nps-score-error')).toHaveText('请先选择 0 到 10 分');
  await nps.getByTestId('nps-score-9').click();
  await nps.getByTestId('nps-reason').fill('产品稳定，服务及时');
  await nps.getByTestId('nps-save').click();
  const answer = nps.getByTestId('nps-answer');
  await expect(answer).toHaveCount(1);
  await expect(answer.getByTestId('nps-category')).toHaveText('推荐者');
  await expect(nps.getByTestId('nps-summary')).toHaveText('NPS 100（1 份回答）');
});

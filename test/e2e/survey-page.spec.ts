import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { buildContact } from '../support/factories';

/** The customer: a browser of their own (no app, no session), in their language. */
async function openCustomerBrowser(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

// Issue 21 "Satisfaction": the survey link an agent makes in the app opens the server's survey page in the
// customer's browser (their language); the customer answers, and the agent's laptop shows the answer (CSAT on the
// ticket, NPS on the contact). Opening the link again says it was already used.
test('a customer answers CSAT and NPS on the survey pages; the app shows the answers; a used link says so', async ({
  browser,
  syncServer,
  teamApi,
  openLaptop,
}) => {
  test.setTimeout(180_000);
  const admin = await teamApi.createWorkspace({
    workspaceName: '云帆客服中心',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const team = await teamApi.createTeam(admin, '售后组');
  const agentEmail = uniqueEmail('agent');
  const agent = await openLaptop();
  await agent.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: await teamApi.invite(admin, 'rep', team),
    name: '王磊',
    email: agentEmail,
    password,
  });
  const agentSession = await teamApi.signIn(agentEmail);
  const subject = '发票抬头需要修改';
  await teamApi.createTicket(agentSession, {
    subject,
    assigneeId: agentSession.user.id,
    teamId: team,
    status: 'resolved',
    resolvedAt: Date.now(),
    resolution: '已重开发票',
  });
  const account = await teamApi.createAccount(agentSession, { name: '云帆贸易', teamId: team });
  await teamApi.createRecord(
    agentSession,
    'contacts',
    buildContact({ accountId: account.id, name: '赵敏', teamId: team }),
  );

  // The agent makes the CSAT link on the resolved ticket: the app shows the survey page's URL.
  await agent.app.goto('tickets');
  await agent.app.listRows.filter({ hasText: subject }).click({ timeout: 30_000 });
  const csat = agent.page.getByTestId('ticket-csat-card');
  await csat.getByTestId('csat-survey-link').click();
  const csatUrl = (await csat.getByTestId('csat-survey-url').textContent()) ?? '';
  expect(csatUrl).toMatch(/\/survey\/csat\?token=crmsv_/);
  await expect(csat.getByTestId('csat-survey-token')).toContainText('只显示这一次');

  // An English-speaking customer opens it: the page is in English; sending without a score says what is missing.
  const customer = await openCustomerBrowser(browser, 'en-US');
  await customer.goto(csatUrl);
  await expect(customer.getByRole('heading', { name: 'How did we do?' })).toBeVisible();
  await customer.getByTestId('survey-submit').click();
  await expect(customer.getByTestId('survey-chooseScore')).toHaveText(
    'Please choose a score first.',
  );
  await customer.getByTestId('survey-score-5').check();
  await customer.getByTestId('survey-text').fill('Fixed within the hour, thanks');
  await customer.getByTestId('survey-submit').click();
  await expect(customer.getByTestId('survey-thanks')).toHaveText(
    'Thank you for your feedback! Your answer has been recorded.',
  );
  await expect(customer.getByTestId('survey-chooseScore')).toBeHidden();
  await expect(customer.getByTestId('survey-form')).toBeHidden();

  // The answer reaches the agent's laptop over sync.
  await expect(csat.getByTestId('ticket-csat-recorded')).toContainText('已记录：5 分', {
    timeout: 30_000,
  });
  await expect(csat.getByTestId('ticket-csat-comment')).toHaveValue(
    'Fixed within the hour, thanks',
  );

  // Opening the link again: it was used, there is nothing to fill in.
  await customer.goto(csatUrl);
  await expect(customer.getByTestId('survey-used')).toHaveText(
    'This survey link was already used or has expired; there is nothing more to fill in.',
  );
  await expect(customer.getByTestId('survey-form')).toHaveCount(0);

  // NPS for the contact, answered by a Chinese-speaking customer.
  await agent.app.goto('accounts');
  await agent.app.listRows.filter({ hasText: '云帆贸易' }).click({ timeout: 30_000 });
  await agent.page.getByTestId('account-contact-row').filter({ hasText: '赵敏' }).click();
  const nps = agent.page.getByTestId('nps-panel');
  await nps.getByTestId('nps-survey-link').click();
  const npsUrl = (await nps.getByTestId('nps-survey-url').textContent()) ?? '';
  expect(npsUrl).toMatch(/\/survey\/nps\?token=crmsv_/);

  const contactPerson = await openCustomerBrowser(browser, 'zh-CN');
  await contactPerson.goto(npsUrl);
  await expect(contactPerson.getByRole('heading', { name: '推荐意愿调查' })).toBeVisible();
  // The same link left open in a second tab, before it is answered.
  const staleTab = await contactPerson.context().newPage();
  await staleTab.goto(npsUrl);
  await expect(staleTab.getByTestId('survey-form')).toBeVisible();
  await contactPerson.getByTestId('survey-score-9').check();
  await contactPerson.getByTestId('survey-text').fill('交付稳定');
  await contactPerson.getByTestId('survey-submit').click();
  await expect(contactPerson.getByTestId('survey-thanks')).toHaveText(
    '感谢您的反馈！您的回答已记录。',
  );
  const answer = nps.getByTestId('nps-answer');
  await expect(answer).toHaveCount(1, { timeout: 30_000 });
  await expect(answer).toContainText('交付稳定');
  await expect(answer.getByTestId('nps-category')).toHaveText('推荐者');

  // The stale tab's form sends an answer too: the page says the link was used, and the contact keeps one answer.
  await staleTab.getByTestId('survey-score-2').check();
  await staleTab.getByTestId('survey-submit').click();
  await expect(staleTab.getByTestId('survey-used')).toHaveText(
    '这个调查链接已经使用过或已失效，无需再次填写。',
  );
  await expect(staleTab.getByTestId('survey-form')).toBeHidden();
  await expect(answer).toHaveCount(1);
  await contactPerson.goto(npsUrl);
  await expect(contactPerson.getByTestId('survey-used')).toHaveText(
    '这个调查链接已经使用过或已失效，无需再次填写。',
  );
  await contactPerson.context().close();
  await customer.context().close();
});

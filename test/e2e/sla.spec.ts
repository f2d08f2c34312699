import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { DEFAULT_WORKING_CALENDAR } from '../../shared/domain';
import { addBusinessMs, businessCalendar } from '../../shared/rules/business-hours';

const MIN = 60_000;
const calendar = businessCalendar(DEFAULT_WORKING_CALENDAR);

/** Every laptop runs on a page clock that starts now (the server stamps records with real time). */
async function installClock(page: Page): Promise<void> {
  await page.clock.install({ time: Date.now() });
}

// Issue 21 "Must show": a high-priority ticket assigned to an agent (first response 60 business minutes, warning
// at 48) runs, on the default working calendar (weekends, lunch and 国庆 skipped), into a warning and then a breach:
// the list's timer turns yellow then red, the agent's inbox shows both, and the service manager's laptop gets the
// escalation. The page clocks are moved; the rules are the shared ones, so the instants are computed the same way.
test('an SLA timer runs into a warning and a breach; the service manager gets the escalation', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Several laptops on a loaded 2-core machine: the journey can outlast the default minute.
  test.setTimeout(180_000);
  const admin = await teamApi.createWorkspace({
    workspaceName: '客服中心',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const team = await teamApi.createTeam(admin, '售后组');
  const agentInvite = await teamApi.invite(admin, 'rep', team);
  const managerInvite = await teamApi.invite(admin, 'manager', team);
  const agentEmail = uniqueEmail('agent');

  const agent = await openLaptop();
  await installClock(agent.page);
  await agent.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: agentInvite,
    name: '王磊',
    email: agentEmail,
    password,
  });
  const manager = await openLaptop();
  await installClock(manager.page);
  await manager.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: managerInvite,
    name: '林晓',
    email: uniqueEmail('manager'),
    password,
  });
  const agentSession = await teamApi.signIn(agentEmail);
  const subject = '打印机无法联网';
  const ticket = await teamApi.createTicket(agentSession, {
    subject,
    priority: 'high',
    assigneeId: agentSession.user.id,
    teamId: team,
  });

  await agent.app.goto('tickets');
  const timer = agent.page.getByTestId(`sla-timer-${ticket.id}`);
  await expect(timer).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  for (const laptop of [agent, manager]) {
    await laptop.app.syncStatus.expectPending(0, 30_000);
  }

  // To just after the warning (48 business minutes after creation).
  const warnAt = addBusinessMs(ticket.createdAt, 48 * MIN, calendar);
  const breachAt = addBusinessMs(ticket.createdAt, 60 * MIN, calendar);
  for (const laptop of [agent, manager])
    await laptop.page.clock.fastForward(Math.max(0, warnAt + 30_000 - Date.now()));
  await expect(timer).toHaveAttribute('data-state', 'warning', { timeout: 30_000 });
  await expect(timer).toContainText('剩余');

  await agent.app.inbox.open();
  const warning = agent.app.inbox.item('reminder', subject);
  await expect(warning).toHaveCount(1, { timeout: 30_000 });
  await expect(agent.app.inbox.message(warning)).toHaveText('工单已用去 SLA 时限的 80%，即将超时');

  // Past the breach: the agent gets the breach, the service manager the escalation.
  // The page clocks are already at warnAt + 30 s: on by the rest of the first-response target.
  for (const laptop of [agent, manager])
    await laptop.page.clock.fastForward(breachAt - warnAt + 30_000);
  await expect(agent.app.inbox.item('reminder', subject)).toHaveCount(2, { timeout: 30_000 });
  await manager.app.inbox.open();
  const escalation = manager.app.inbox.item('escalation', subject);
  await expect(escalation).toHaveCount(1, { timeout: 30_000 });
  await expect(manager.app.inbox.message(escalation)).toHaveText('王磊 处理的工单已超出 SLA 时限');

  await agent.app.goto('tickets');
  await expect(timer).toHaveAttribute('data-state', 'breached', { timeout: 30_000 });
  await expect(timer).toContainText('已超时');
});

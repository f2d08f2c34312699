import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { addWorkingMs, HOUR_MS, weekdayCalendar } from '../../shared/rules/working-calendar';

/**
 * How far to move the clocks so that `hours` working hours (Mon–Fri, the rules' default) have passed since `from`
 * and `before` had: the journey runs on any weekday, and a weekend inside the window does not count.
 */
function calendarMsFor(from: number, before: number, hours: number): number {
  const calendar = weekdayCalendar(-new Date(from).getTimezoneOffset());
  return (
    addWorkingMs(from, (before + hours) * HOUR_MS, calendar) -
    addWorkingMs(from, before * HOUR_MS, calendar)
  );
}

/** Every laptop runs on a page clock that starts now (the server's records are stamped with real time). */
async function installClock(page: Page): Promise<void> {
  await page.clock.install({ time: Date.now() });
}

// Issue 18 "Must show": a rep and the manager of the rep's team, each on their own laptop (the rep on two). A lead
// the rep owns stays idle past 48 working hours: the rep gets a reminder; 24 working hours more and the manager
// gets the escalation. The rep dismisses the reminder offline; back online it is gone on the rep's other laptop.
// The manager @mentions the rep in a comment on a deal; the rep gets the inbox entry and opens the deal from it.
test('a reminder, its escalation, an offline dismissal and a mention reach the right laptops', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '陈总',
    email: uniqueEmail('admin'),
  });
  const team = await teamApi.createTeam(admin, '杭州组');
  const repInvite = await teamApi.invite(admin, 'rep', team);
  const managerInvite = await teamApi.invite(admin, 'manager', team);
  const repEmail = uniqueEmail('rep');
  const managerEmail = uniqueEmail('manager');

  const rep = await openLaptop();
  await installClock(rep.page);
  await rep.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: repInvite,
    name: '王磊',
    email: repEmail,
    password,
  });
  const manager = await openLaptop();
  await installClock(manager.page);
  await manager.app.connectTeam({
    mode: 'join',
    serverUrl: syncServer.url,
    inviteCode: managerInvite,
    name: '林晓',
    email: managerEmail,
    password,
  });
  const repSession = await teamApi.signIn(repEmail);
  const lead = { name: '周明' };
  await teamApi.createLead(repSession, { name: lead.name, teamId: team });
  const deal = {
    name: '冷链监控改造',
    ...(await teamApi.createDeal(repSession, { name: '冷链监控改造', teamId: team })),
  };

  const repAgain = await openLaptop();
  await installClock(repAgain.page);
  await repAgain.app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: repEmail,
    password,
  });

  // Before the clocks move, the lead is on the rep's laptop and the inbox is computed and empty: what comes next
  // is raised by the clock.
  await rep.app.goto('leads');
  await expect(rep.app.listRows.filter({ hasText: lead.name })).toHaveCount(1, { timeout: 30_000 });
  for (const laptop of [rep, manager, repAgain]) {
    await laptop.app.syncStatus.expectPending(0, 30_000);
    await laptop.app.inbox.open();
  }
  await expect(rep.page.getByTestId('inbox-items-empty')).toBeVisible({ timeout: 30_000 });
  // 49 working hours (a weekend in between does not count; the lead was created before `idleFrom`).
  const idleFrom = Date.now();
  const toReminder = calendarMsFor(idleFrom, 0, 49);
  for (const laptop of [rep, manager, repAgain]) await laptop.page.clock.fastForward(toReminder);
  const reminder = rep.app.inbox.item('reminder', lead.name);
  await expect(reminder).toHaveCount(1, { timeout: 30_000 });
  await expect(rep.app.inbox.message(reminder)).toHaveText('线索已超过 48 小时没有跟进');
  await expect(repAgain.app.inbox.item('reminder', lead.name)).toHaveCount(1, { timeout: 30_000 });
  await expect(manager.app.inbox.item('escalation', lead.name)).toHaveCount(0);

  // 24 working hours more: the manager's laptop gets the escalation; the rep still has (only) the reminder.
  const toEscalation = calendarMsFor(idleFrom, 49, 25);
  for (const laptop of [rep, manager, repAgain]) await laptop.page.clock.fastForward(toEscalation);
  const escalation = manager.app.inbox.item('escalation', lead.name);
  await expect(escalation).toHaveCount(1, { timeout: 30_000 });
  await expect(manager.app.inbox.message(escalation)).toHaveText('王磊 的线索超时未跟进');
  await expect(rep.app.inbox.item('escalation', lead.name)).toHaveCount(0);

  // Offline, the rep dismisses the reminder: gone here at once, waiting to sync.
  await rep.page.context().setOffline(true);
  await rep.app.syncStatus.expectConnection('offline');
  await rep.app.inbox.dismiss(reminder);
  await expect(reminder).toHaveCount(0);
  await rep.app.syncStatus.expectPending(1);
  await expect(repAgain.app.inbox.item('reminder', lead.name)).toHaveCount(1);
  await rep.page.context().setOffline(false);
  await rep.app.syncStatus.expectPending(0, 30_000);
  await expect(repAgain.app.inbox.item('reminder', lead.name)).toHaveCount(0, { timeout: 30_000 });

  // The manager @mentions the rep in a comment on the deal, through the deal page's thread.
  await manager.app.deal.open(deal.id);
  const thread = manager.page.getByTestId('comment-thread');
  await expect(thread).toBeVisible({ timeout: 30_000 });
  const input = thread.getByTestId('comment-input');
  await input.click();
  await input.pressSequentially('请跟进一下 @王');
  await manager.page.getByTestId('mention-option').filter({ hasText: '王磊' }).click();
  await input.pressSequentially(' 谢谢');
  await thread.getByTestId('comment-send').click();
  await expect(thread.getByTestId('comment-item')).toHaveCount(1);
  await manager.app.syncStatus.expectPending(0, 30_000);

  const mention = rep.app.inbox.item('mention', deal.name);
  await expect(mention).toHaveCount(1, { timeout: 30_000 });
  await expect(rep.app.inbox.message(mention)).toHaveText('林晓 在评论中提到了你');
  await rep.app.inbox.openRecord(mention);
  await expect(rep.page).toHaveURL(new RegExp(`#/deals/${deal.id}`));
  await expect(rep.app.deal.facts).toContainText(deal.name);
});

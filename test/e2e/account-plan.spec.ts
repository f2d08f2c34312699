import { expect, test } from './support/fixtures';
import type { CrmApp } from './support/crm-app';
import { buildAccount, uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Two browser contexts are two people; they share the account plan only through the journey's own server.

async function openPlan(app: CrmApp, accountName: string): Promise<void> {
  await app.accounts.openAccount(accountName);
  await app.account.openTab('plan');
  await app.plan.expectTemplate();
}

test('two people type into one account plan: live with named carets, then offline, then merged', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // Set-up through the REST API: a workspace (林晓 is its admin) and an invite for 王磊 into the same team.
  const adminEmail = uniqueEmail('lin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '林晓',
    email: adminEmail,
  });
  const inviteCode = await teamApi.invite(admin, 'rep', admin.user.teamIds[0] ?? '');

  const a = await openLaptop();
  const b = await openLaptop();
  const serverUrl = syncServer.url;
  await a.app.connectTeam({ mode: 'signIn', serverUrl, email: adminEmail, password });
  await b.app.connectTeam({
    mode: 'join',
    serverUrl,
    inviteCode,
    name: '王磊',
    email: uniqueEmail('wang'),
    password,
  });

  const account = buildAccount();
  await a.app.createAccount(account);
  await a.app.account.openTab('plan');
  await a.app.plan.expectTemplate();
  await openPlan(b.app, account.name);
  await expect(a.app.plan.syncState).toHaveAttribute('data-state', 'synced');
  await expect(b.app.plan.syncState).toHaveAttribute('data-state', 'synced');

  // Live: each sees the other's words and a caret labelled with the other's name, and who is here.
  await a.app.plan.typeAt('end', 'Lin: budget confirmed in March.');
  await b.app.plan.typeAt('start', 'Wang: decision maker is the CFO. ');
  await expect(b.app.plan.editor).toContainText('Lin: budget confirmed in March.');
  await expect(a.app.plan.editor).toContainText('Wang: decision maker is the CFO.');
  await expect(a.app.plan.caretOf('王磊')).toHaveCount(1);
  await expect(b.app.plan.caretOf('林晓')).toHaveCount(1);
  await expect(a.app.plan.presenceOf('王磊')).toHaveCount(1);

  // 王磊 loses the network; both keep typing.
  await b.page.context().setOffline(true);
  await expect(b.app.plan.syncState).toHaveAttribute('data-state', /^offline/);
  await b.app.plan.typeAt('start', 'Offline from the plane. ');
  await a.app.plan.typeAt('end', ' Online meanwhile.');
  await expect(b.app.plan.syncState).toHaveAttribute('data-state', 'offlineUnsynced');
  await expect(a.app.plan.editor).not.toContainText('Offline from the plane.');
  await expect(b.app.plan.editor).not.toContainText('Online meanwhile.');

  // Back online: both end with the same text, containing everything.
  await b.page.context().setOffline(false);
  for (const { app } of [a, b]) {
    await expect(app.plan.editor).toContainText('Offline from the plane.', { timeout: 15_000 });
    await expect(app.plan.editor).toContainText('Online meanwhile.', { timeout: 15_000 });
  }
  await expect
    .poll(async () => (await a.app.plan.text()) === (await b.app.plan.text()), {
      timeout: 15_000,
    })
    .toBe(true);
  await expect(b.app.plan.syncState).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
  await expect(a.app.plan.section('行动计划')).toHaveCount(1);

  // The plan is found by its text from global search.
  await a.app.search.open();
  await a.app.search.search('decision maker is the CFO');
  await expect(a.app.search.result(account.name)).toBeVisible({ timeout: 10_000 });
});

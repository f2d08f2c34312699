import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';

// Issue 15, "the later edit wins": two laptops of one rep (two browser contexts, each its own replica), talking only
// through the journey's own sync server. The edit made later wins a same-field conflict, not the upload made later.
/** An amount as the page shows it, with or without thousands separators. */
const yuan = (amount: number) => new RegExp(amount.toLocaleString('en-US').replace(/,/g, ',?'));

test('an amount edited offline loses to the same amount edited two seconds later online, and is kept in history and the inbox', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const email = uniqueEmail('lin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '林晓',
    email,
  });
  const account = await teamApi.createAccount(admin, { name: '杭州西湖软件有限公司' });
  const deal = await teamApi.createDeal(admin, {
    accountId: account.id,
    name: '华东年度框架采购',
    amount: 100_000,
  });

  const a = await openLaptop();
  const b = await openLaptop();
  await a.app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  await b.app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  for (const { app } of [a, b]) {
    await app.deal.open(deal.id);
    await expect(app.deal.amount).toContainText(yuan(100_000));
  }

  // B is offline and types an amount.
  await b.page.context().setOffline(true);
  await b.app.syncStatus.expectConnection('offline');
  await b.app.deal.editAmount(110_000);
  await expect(b.app.deal.amount).toContainText(yuan(110_000));
  await b.app.syncStatus.expectPending(1);

  // Two seconds later A, online, types another amount for the same deal: the server stores it.
  await a.page.waitForTimeout(2_000);
  await a.app.deal.editAmount(120_000);
  await a.app.syncStatus.expectPending(0);

  // B reconnects after A: its upload is the later one, but its edit is the earlier one. A's value on both.
  await b.page.context().setOffline(false);
  await b.app.syncStatus.expectConnection('online');
  for (const { app } of [a, b])
    await expect(app.deal.amount).toContainText(yuan(120_000), { timeout: 15_000 });
  await b.app.syncStatus.expectPending(0);

  // B's value is kept: in the deal's history as the value that lost (read again from the server), and in B's
  // inbox with the reason.
  await b.page.reload();
  await b.app.syncStatus.expectConnection('online');
  await expect(b.app.deal.history).toContainText(yuan(110_000), { timeout: 15_000 });
  await b.app.inbox.open();
  const entry = b.app.inbox.entries.first();
  await expect(entry).toBeVisible({ timeout: 10_000 });
  await expect(b.app.inbox.reason(entry)).toHaveAttribute(
    'data-reason',
    'sync.overruled.laterEdit',
  );
  await expect(b.app.inbox.value(entry, 'amount')).toContainText(/110/);
});

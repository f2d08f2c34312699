import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { MergePage } from './support/pages/merge-page';

// Issue 19, Merge: two laptops of one team. A merges two accounts from the list; the loser's deal moves to the
// survivor; B, who had the loser's page open, is taken to the survivor when the merge syncs in.
test('merging two accounts moves their deals, and the loser opens as the survivor', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  const email = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售部',
    name: '林晓',
    email,
  });
  const keepName = '杭州云栖科技有限公司';
  const goneName = '杭州云栖科技（重复）有限公司';
  const keep = await teamApi.createAccount(admin, { name: keepName, phone: '0571-1000' });
  const gone = await teamApi.createAccount(admin, {
    name: goneName,
    phone: '0571-2000',
    website: 'www.yunqi.example.cn',
  });
  await teamApi.createDeal(admin, { accountId: keep.id, name: '云栖年度框架' });
  await teamApi.createDeal(admin, { accountId: gone.id, name: '云栖二期扩容' });

  const a = await openLaptop();
  const b = await openLaptop();
  await a.app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  await b.app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email, password });
  await b.app.accounts.openAccount(goneName);

  // A selects both accounts on the list and merges them, keeping 杭州云栖科技有限公司.
  const merge = new MergePage(a.page);
  await a.app.accounts.open();
  await merge.selectRow('accounts-table', keepName);
  await merge.selectRow('accounts-table', goneName);
  await merge.openFromList();
  await merge.keep(keep.id).check();
  await expect(merge.moves('deals')).toContainText('1');
  await merge.confirm();

  // A lands on the survivor, which now has both deals and the loser's website.
  await expect(a.page.getByTestId('account-title')).toHaveText(keepName);
  await a.app.account.openTab('deals');
  await expect(a.app.account.deals.getByText('云栖年度框架')).toBeVisible();
  await expect(a.app.account.deals.getByText('云栖二期扩容')).toBeVisible();
  await expect(a.page.getByText('www.yunqi.example.cn')).toBeVisible();

  // B had the loser open: when the merge syncs in, the survivor opens instead, with both deals.
  await expect(b.page.getByTestId('account-title')).toHaveText(keepName, { timeout: 10_000 });
  await b.app.account.openTab('deals');
  await expect(b.app.account.deals.getByText('云栖二期扩容')).toBeVisible({ timeout: 10_000 });
  // The list keeps one of them.
  await b.app.accounts.open();
  await expect(b.app.accounts.row(goneName)).toHaveCount(0);
  await expect(b.app.accounts.row(keepName)).toBeVisible();
});

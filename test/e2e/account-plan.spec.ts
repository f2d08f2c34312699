import { expect, test, type Browser, type Page } from '@playwright/test';
import { CrmApp, SYNC_URL } from './support/crm-app';
import { buildAccount } from './support/factories';

// Two browser contexts are two people; they share the account plan only through the real sync server.
const password = 'correct horse battery';
const uniqueEmail = (who: string) =>
  `${who}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;

async function laptop(
  browser: Browser,
): Promise<{ page: Page; app: CrmApp; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, app: new CrmApp(page), close: () => context.close() };
}

/** The plan's editable area. */
const editor = (page: Page) => page.getByTestId('plan-content').locator('.ProseMirror');

async function openPlan(app: CrmApp, page: Page, accountName: string): Promise<void> {
  await app.goto('accounts');
  await page.getByTestId('accounts-table').getByText(accountName).click();
  await expect(page.getByTestId('account-title')).toHaveText(accountName);
  await page.getByTestId('tab-plan').click();
  await expect(editor(page)).toBeVisible();
  // The plan template (Chinese UI): its sections are there, once.
  await expect(editor(page).locator('h2', { hasText: '行动计划' })).toHaveCount(1, {
    timeout: 15_000,
  });
}

/** The plan's text without the other people's caret labels (they are decorations inside the editor). */
const planText = (page: Page) =>
  editor(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });

/** Types at the very start or the very end of the plan (the two people write in different places). */
async function typeAt(page: Page, where: 'start' | 'end', text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

test('two people type into one account plan: live with named carets, then offline, then merged', async ({
  browser,
  request,
}) => {
  // Set-up through the REST API: a workspace (林晓 is its admin) and an invite for 王磊 into the same team.
  const adminEmail = uniqueEmail('lin');
  const created = (await (
    await request.post(`${SYNC_URL}/api/workspaces`, {
      data: { workspaceName: '华东销售部', name: '林晓', email: adminEmail, password },
    })
  ).json()) as { accessToken: string; user: { teamIds: string[] } };
  const auth = { authorization: `Bearer ${created.accessToken}` };
  const invite = (await (
    await request.post(`${SYNC_URL}/api/invites`, {
      headers: auth,
      data: { role: 'rep', teamId: created.user.teamIds[0] ?? '' },
    })
  ).json()) as { code: string };

  const a = await laptop(browser);
  const b = await laptop(browser);
  await a.app.connectTeam({ mode: 'signIn', email: adminEmail, password });
  await b.app.connectTeam({
    mode: 'join',
    inviteCode: invite.code,
    name: '王磊',
    email: uniqueEmail('wang'),
    password,
  });

  const account = buildAccount();
  await a.app.createAccount(account);
  await a.page.getByTestId('tab-plan').click();
  await expect(editor(a.page).locator('h2', { hasText: '行动计划' })).toHaveCount(1, {
    timeout: 15_000,
  });
  await openPlan(b.app, b.page, account.name);
  await expect(a.page.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced');
  await expect(b.page.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced');

  // Live: each sees the other's words and a caret labelled with the other's name, and who is here.
  await typeAt(a.page, 'end', 'Lin: budget confirmed in March.');
  await typeAt(b.page, 'start', 'Wang: decision maker is the CFO. ');
  await expect(editor(b.page)).toContainText('Lin: budget confirmed in March.');
  await expect(editor(a.page)).toContainText('Wang: decision maker is the CFO.');
  await expect(a.page.locator('.collaboration-carets__label', { hasText: '王磊' })).toHaveCount(1);
  await expect(b.page.locator('.collaboration-carets__label', { hasText: '林晓' })).toHaveCount(1);
  await expect(a.page.locator('[data-testid="doc-presence-user"][data-name="王磊"]')).toHaveCount(
    1,
  );

  // 王磊 loses the network; both keep typing.
  await b.page.context().setOffline(true);
  await expect(b.page.getByTestId('doc-sync-state')).toHaveAttribute('data-state', /^offline/);
  await typeAt(b.page, 'start', 'Offline from the plane. ');
  await typeAt(a.page, 'end', ' Online meanwhile.');
  await expect(b.page.getByTestId('doc-sync-state')).toHaveAttribute(
    'data-state',
    'offlineUnsynced',
  );
  await expect(editor(a.page)).not.toContainText('Offline from the plane.');
  await expect(editor(b.page)).not.toContainText('Online meanwhile.');

  // Back online: both end with the same text, containing everything.
  await b.page.context().setOffline(false);
  for (const page of [a.page, b.page]) {
    await expect(editor(page)).toContainText('Offline from the plane.', { timeout: 15_000 });
    await expect(editor(page)).toContainText('Online meanwhile.', { timeout: 15_000 });
  }
  await expect
    .poll(async () => (await planText(a.page)) === (await planText(b.page)), { timeout: 15_000 })
    .toBe(true);
  await expect(b.page.getByTestId('doc-sync-state')).toHaveAttribute('data-state', 'synced', {
    timeout: 15_000,
  });
  await expect(editor(a.page).locator('h2', { hasText: '行动计划' })).toHaveCount(1);

  // The plan is found by its text from global search.
  await a.page.getByTestId('open-search').click();
  await a.page.getByTestId('search-input').fill('decision maker is the CFO');
  await expect(a.page.getByTestId('search-result').filter({ hasText: account.name })).toBeVisible({
    timeout: 10_000,
  });

  await a.close();
  await b.close();
});

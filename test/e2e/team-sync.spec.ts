import { expect, test, type Browser, type Page } from '@playwright/test';
import { CrmApp, SYNC_URL } from './support/crm-app';
import { buildAccount } from './support/factories';

// Two browser contexts are two laptops; they talk only through the real sync server.
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

async function openAccount(app: CrmApp, page: Page, name: string): Promise<void> {
  await app.goto('accounts');
  await page.getByTestId('accounts-table').getByText(name).click();
  await expect(page.getByTestId('account-title')).toHaveText(name);
}

test('an edit on laptop A appears on laptop B within a second, and offline edits merge', async ({
  browser,
}) => {
  const a = await laptop(browser);
  const b = await laptop(browser);
  const email = uniqueEmail('lin');
  await a.app.connectTeam({
    mode: 'create',
    workspaceName: '华东销售部',
    name: '林晓',
    email,
    password,
  });
  await b.app.connectTeam({ mode: 'signIn', email, password });

  const account = buildAccount();
  await a.app.createAccount(account);
  await b.app.goto('accounts');
  await expect(b.page.getByTestId('accounts-table').getByText(account.name)).toBeVisible({
    timeout: 1_000,
  });

  // Both open the account; A goes offline; each changes a different field; A comes back.
  await openAccount(b.app, b.page, account.name);
  await a.page.context().setOffline(true);
  await expect(a.page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline');
  await a.page.getByTestId('edit-account').click();
  await a.page.getByLabel(/^(电话|Phone)$/).fill('021-5555 0101');
  await a.page.getByTestId('account-save').click();
  await expect(a.page.getByTestId('sync-status')).toHaveAttribute('data-pending', '1');

  await b.page.getByTestId('edit-account').click();
  await b.page.getByLabel(/^(网址|Website)$/).fill('www.yunshan.example.cn');
  await b.page.getByTestId('account-save').click();

  await a.page.context().setOffline(false);
  for (const { page } of [a, b]) {
    await expect(page.getByText('021-5555 0101')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('www.yunshan.example.cn')).toBeVisible({ timeout: 10_000 });
  }
  await expect(a.page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0');
  await a.close();
  await b.close();
});

test('a change the server refuses shows up in the inbox with the value that was typed', async ({
  browser,
  request,
}) => {
  // Set-up through the REST API: an admin, two teams, and a rep in 华东 with one account there.
  const adminEmail = uniqueEmail('admin');
  const created = (await (
    await request.post(`${SYNC_URL}/api/workspaces`, {
      data: { workspaceName: 'Acme China', name: 'Admin', email: adminEmail, password },
    })
  ).json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${created.accessToken}` };
  const east = (await (
    await request.post(`${SYNC_URL}/api/teams`, { headers: auth, data: { name: '华东' } })
  ).json()) as { id: string };
  const south = (await (
    await request.post(`${SYNC_URL}/api/teams`, { headers: auth, data: { name: '华南' } })
  ).json()) as { id: string };
  const invite = (await (
    await request.post(`${SYNC_URL}/api/invites`, {
      headers: auth,
      data: { role: 'rep', teamId: east.id },
    })
  ).json()) as { code: string };
  const account = buildAccount({ name: 'Suzhou Lakeview Instruments Co., Ltd.' });
  const posted = await request.post(`${SYNC_URL}/api/records/accounts`, {
    headers: auth,
    data: {
      ...account,
      nameKey: '',
      industry: '',
      sizeBand: '',
      region: '',
      source: '',
      tier: '',
      status: 'customer',
      tags: [],
      phone: '',
      website: '',
      address: '',
      notes: '',
      teamId: east.id,
    },
  });
  expect(posted.status()).toBe(201);

  const rep = await laptop(browser);
  const repEmail = uniqueEmail('rep');
  await rep.app.connectTeam({
    mode: 'join',
    inviteCode: invite.code,
    name: 'Wang Lei',
    email: repEmail,
    password,
    language: 'en',
  });
  await openAccount(rep.app, rep.page, account.name);

  // While the rep is offline, an admin moves them to 华南: their edit to a 华东 account is no longer allowed.
  await rep.page.context().setOffline(true);
  await expect(rep.page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline');
  const users = (await (await request.get(`${SYNC_URL}/api/users`, { headers: auth })).json()) as {
    id: string;
    email: string;
  }[];
  const repUser = users.find((u) => u.email === repEmail)!;
  expect(
    (
      await request.patch(`${SYNC_URL}/api/users/${repUser.id}`, {
        headers: auth,
        data: { teamIds: [south.id] },
      })
    ).status(),
  ).toBe(200);
  await rep.page.getByTestId('edit-account').click();
  await rep.page.getByLabel(/^(电话|Phone)$/).fill('0512-6888 1234');
  await rep.page.getByTestId('account-save').click();
  await rep.page.context().setOffline(false);

  await rep.app.goto('inbox');
  const entry = rep.page.getByTestId('inbox-entry').first();
  await expect(entry).toBeVisible({ timeout: 10_000 });
  await expect(entry.getByTestId('inbox-reason')).toContainText(/team/i);
  await expect(entry.locator('[data-testid="inbox-value"][data-field="phone"]')).toContainText(
    '0512-6888 1234',
  );
  await rep.close();
});

test('a local workspace is uploaded into the team workspace when connecting', async ({
  page,
  request,
}) => {
  const app = new CrmApp(page);
  await app.startLocalWorkspace({ userName: '赵敏' });
  const account = buildAccount({ name: '宁波港湾物流有限公司' });
  await app.createAccount(account);

  // Leave the local workspace (its data stays on this computer), then connect and upload it.
  await app.goto('settings');
  await page.getByTestId('leave-workspace').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /退出工作区|Leave workspace/ })
    .click();
  const email = uniqueEmail('zhao');
  await page
    .getByTestId('connect-mode')
    .getByText(/创建团队工作区|Create team workspace/)
    .click();
  await page.getByTestId('connect-server').fill(SYNC_URL);
  await page.getByTestId('connect-workspace').fill('宁波分公司');
  await page.getByTestId('connect-name').fill('赵敏');
  await page.getByTestId('connect-email').fill(email);
  await page.getByTestId('connect-password').fill(password);
  await page.getByTestId('connect-upload').check();
  await page.getByTestId('connect-submit').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online', {
    timeout: 15_000,
  });

  // The uploaded account is in the team replica and reaches the server.
  await app.goto('accounts');
  await expect(page.getByTestId('accounts-table').getByText(account.name)).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', {
    timeout: 15_000,
  });
  const login = (await (
    await request.post(`${SYNC_URL}/api/auth/login`, { data: { email, password } })
  ).json()) as { accessToken: string };
  const records = (await (
    await request.get(`${SYNC_URL}/api/records/accounts?since=0&limit=100`, {
      headers: { authorization: `Bearer ${login.accessToken}` },
    })
  ).json()) as { documents: { name: string }[] };
  expect(records.documents.map((d) => d.name)).toContain(account.name);
});

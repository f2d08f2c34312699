import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { describeViolations, scanScreen } from './support/accessibility';

// Issue 17 "Webhooks": an admin of a team workspace adds a webhook on the team page, sees its signing secret
// once, pauses and resumes it, opens its (empty) delivery log and deletes it; the screen passes the axe scan
// with the secret shown and with the log open. The receiver is a public test address (TEST-NET-3): the server
// refuses loopback and private addresses, and this journey sends nothing.
test('an admin adds, pauses, resumes and deletes a webhook; its secret is shown once', async ({
  syncServer,
  app,
  page,
}) => {
  await app.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '华东销售部',
    name: '林晓',
    email: uniqueEmail('hooks'),
    password,
  });
  await app.goto('team');
  await expect(app.webhooks.card).toBeVisible();

  const url = 'https://203.0.113.10/crm-hook';
  await app.webhooks.add(url);
  await expect(app.webhooks.secretValue).toHaveText(/^whsec_[\w-]{20,}$/);
  await expect(app.webhooks.row(url)).toHaveCount(1);
  await expect(app.webhooks.state(url)).toHaveText('启用中');
  const withSecret = await scanScreen(page);
  expect(withSecret, describeViolations('team, new webhook secret', withSecret)).toEqual([]);

  // Closed, the secret is gone for good: the list never shows it.
  await app.webhooks.closeSecret();
  await expect(app.webhooks.secret).toHaveCount(0);
  await expect(app.webhooks.card).not.toContainText('whsec_');

  await app.webhooks.toggle(url);
  await expect(app.webhooks.state(url)).toHaveText('已暂停');
  await app.webhooks.toggle(url);
  await expect(app.webhooks.state(url)).toHaveText('启用中');

  await app.webhooks.showLog(url);
  await expect(app.webhooks.row(url)).toContainText('还没有推送');
  const withLog = await scanScreen(page);
  expect(withLog, describeViolations('team, delivery log', withLog)).toEqual([]);

  // A loopback URL is refused, and the page says why.
  await app.webhooks.add('http://127.0.0.1:9/x');
  await expect(page.getByTestId('webhook-create-error')).toContainText('不能指向本机或内网地址');

  await app.webhooks.delete(url);
  await expect(app.webhooks.rows).toHaveCount(0);
});

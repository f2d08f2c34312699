import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { describeViolations, scanScreen } from './support/accessibility';

// Issue 19 "Capture": an admin creates a capture key on the team page (shown once, with a copy button), a web
// form posts a lead with it (here: the test, as the form's server would), and the lead appears in the admin's
// leads list, live; the key shows when it was last used, and once revoked its posts are refused.
test('an admin creates a capture key; a lead posted with it appears in the leads list', async ({
  syncServer,
  app,
  page,
}) => {
  await app.connectTeam({
    mode: 'create',
    serverUrl: syncServer.url,
    workspaceName: '华东销售部',
    name: '林晓',
    email: uniqueEmail('capture'),
    password,
  });
  await app.goto('team');
  const card = page.getByTestId('team-capture-keys');
  await expect(card).toBeVisible();
  await expect(card).toContainText('还没有采集密钥');

  await page.getByTestId('capture-key-new').click();
  await page.getByTestId('capture-key-name').fill('官网表单');
  await page.getByTestId('capture-key-create').click();
  const value = page.getByTestId('capture-key-value');
  await expect(value).toHaveText(/^crmcap_[\w-]{40,}$/);
  const key = (await value.textContent()) ?? '';
  await expect(page.getByTestId('capture-key-copy')).toBeVisible();
  const withKey = await scanScreen(page);
  expect(withKey, describeViolations('team, new capture key', withKey)).toEqual([]);
  await page.getByTestId('capture-key-done').click();
  // Closed, the key is gone for good: the list shows only its first characters.
  await expect(card).not.toContainText(key);
  const row = page.getByTestId('capture-key-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('官网表单');
  await expect(page.getByTestId('capture-key-last-used')).toHaveText('从未使用');

  const post = (body: unknown) =>
    fetch(`${syncServer.url}/api/capture/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(body),
    });
  const posted = await post({ name: '王芳', company: '杭州云帆科技有限公司', clientKey: 'f-1' });
  expect(posted.status).toBe(201);

  await app.goto('leads');
  await expect(app.listRows.filter({ hasText: '王芳' })).toHaveCount(1);

  await app.goto('team');
  await expect(page.getByTestId('capture-key-last-used')).not.toHaveText('从未使用');
  await page.getByTestId('capture-key-revoke').click();
  await page.getByTestId('capture-key-revoke-confirm').click();
  await expect(page.getByTestId('capture-key-state')).toContainText('已于');
  expect((await post({ name: '李雷' })).status).toBe(401);
});

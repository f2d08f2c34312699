import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';

// Journey (English, issue 20): an admin adds a stage with a required field and a task template in Settings; the
// board refuses the move naming the field, and once it is filled the deal enters the stage and its owner gets
// the template's task.
test('an admin adds a gated stage with a task template; the move is refused, then creates the task', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace({ language: 'en' });
  await app.createAccount(buildAccount({ name: 'Ningbo Cold Chain Co., Ltd.' }));
  await app.account.addContact(buildContact({ name: 'Li Na', title: 'CFO' }));
  await app.account.addDeal({
    name: 'Cold chain renewal',
    contactName: 'Li Na',
    amount: 90000,
    closeDate: '2027-02-01',
  });

  await app.goto('settings');
  const card = page.getByTestId('pipelines-card');
  await card.getByTestId('pipeline-add-stage').click();
  // The new stage goes before the closing ones; the default pipeline has 7 stages, so it is 'stage-8'.
  const stage = card.getByTestId('pipeline-stage-stage-8');
  await stage.getByTestId('stage-name').fill('Site survey');
  // Reordered next to the first stage (four places up), so the board shows it beside the deal's column.
  for (let i = 0; i < 4; i++)
    await stage.getByRole('button', { name: 'Move up' }).dispatchEvent('click');
  await expect(card.locator('[data-testid^="pipeline-stage-"]').nth(1)).toHaveAttribute(
    'data-testid',
    'pipeline-stage-stage-8',
  );
  // The sticky header covers the field's centre at this scroll position: open the picker by its own click event.
  await stage.getByTestId('stage-required').dispatchEvent('click');
  await page.getByRole('option', { name: 'Competitor' }).click();
  await page.keyboard.press('Escape');
  await stage.getByTestId('stage-add-task').click();
  await stage.getByTestId('task-title').fill('Upload the competitor analysis');
  await card.getByTestId('pipeline-save').click();
  await expect(card.getByTestId('pipeline-notice')).toContainText('Saved');

  await app.board.open();
  await expect(app.board.column('stage-8')).toContainText('Site survey');
  await app.board.drag('Cold chain renewal', 'stage-8');
  await expect(app.board.stageGateDialog).toBeVisible();
  await expect(app.board.stageGateMissing).toContainText('Competitor');
  await page.getByTestId('stage-gate-fill').click();
  await page.getByTestId('deal-competitor').fill('Rival Corp');
  await page.getByTestId('deal-save').click();
  await expect(app.board.card('Cold chain renewal', 'stage-8')).toBeVisible();

  await app.goto('myDay');
  await expect(
    page.locator('[data-testid="task-item"][data-task-subject="Upload the competitor analysis"]'),
  ).toBeVisible();
});

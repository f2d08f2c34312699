import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';
import { CommentThreadPanel } from './support/pages/comment-thread';
import { pickOption } from './support/pages/controls';

// Journey (issue 18): a comment on an account with an @mention picked by keyboard, edited, found in the account's
// timeline and in global search, then deleted; and a lead's own thread in its form. Local workspace: the
// person mentions themself (the only member).
test('评论：键盘选择 @提及、编辑、出现在时间线和全局搜索中、删除', async ({ app, page }) => {
  await app.startLocalWorkspace({ userName: '林晓' });
  const account = buildAccount();
  await app.createAccount(account);
  await expect(app.account.title).toContainText(account.name);
  await app.account.addContact(buildContact({ name: '王芳', title: '采购总监', role: '决策人' }));

  const thread = new CommentThreadPanel(page);
  await expect(thread.root).toBeVisible();
  await thread.input.click();
  await thread.input.pressSequentially('请 ');
  await thread.mentionByKeyboard(thread.input, '林', '林晓');
  // Enter picked the option (the token is in the text), it did not insert a line break.
  await expect(thread.input).toHaveValue(/^请 @\[林晓\]\(member:[^)]+\) $/);
  await thread.input.pressSequentially('确认报价单');
  await thread.send();

  await expect(thread.item('确认报价单')).toHaveCount(1);
  // By position: while it is edited, its text is in a text box (not the item's text).
  const comment = thread.items.first();
  await expect(comment.getByTestId('mention-chip')).toHaveText(/林晓/);
  await expect(thread.input).toHaveValue('');

  // Edit: the author's own comment, marked as edited.
  const box = await thread.startEdit(comment);
  await box.press('Control+End');
  await box.pressSequentially('，周五前');
  await thread.send(box);
  const edited = thread.item('确认报价单，周五前');
  await expect(edited.getByTestId('comment-edited')).toBeVisible();
  await expect(edited.getByTestId('mention-chip')).toHaveText(/林晓/);

  // The account's timeline shows it.
  await expect(app.account.timeline.getByText('确认报价单，周五前')).toBeVisible();

  // Global search finds it and opens its record.
  await app.search.open('keyboard');
  await app.search.search('周五前');
  const hit = app.search.result('周五前');
  await expect(hit).toHaveCount(1);
  await hit.click();
  await expect(app.account.title).toContainText(account.name);

  // Delete asks first; focus starts on Cancel, so an Enter out of habit keeps the comment.
  await edited.getByTestId('comment-delete').click();
  const confirm = page
    .getByRole('dialog')
    .filter({ has: page.getByTestId('confirm-delete-comment') });
  await expect(confirm.getByRole('button', { name: /取消|Cancel/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(thread.item('周五前')).toHaveCount(1);
  await edited.getByTestId('comment-delete').click();
  await page.getByTestId('confirm-delete-comment').click();
  await expect(thread.items).toHaveCount(0);
  await expect(app.account.timeline.getByText('周五前')).toHaveCount(0);

  // A lead has its own thread, in its form under its follow-ups.
  await app.goto('leads');
  await page.getByTestId('new-lead').click();
  await page.getByTestId('lead-name').fill('赵敏');
  await pickOption(page, page.getByTestId('lead-source'), '官网');
  await page.getByTestId('lead-save').click();
  await expect(page.getByTestId('lead-form')).toHaveCount(0);
  await app.listRows.filter({ hasText: '赵敏' }).click();
  const leadThread = new CommentThreadPanel(page, page.getByRole('dialog'));
  await leadThread.input.fill('下周回访');
  await leadThread.send();
  await expect(leadThread.item('下周回访')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // A contact's thread opens in a drawer beside the contacts list.
  await app.goto('contacts');
  await app.listRows.filter({ hasText: '王芳' }).getByTestId('contact-comments').click();
  const drawer = page.getByRole('dialog', { name: /王芳/ });
  const contactThread = new CommentThreadPanel(page, drawer);
  await contactThread.input.fill('她负责采购审批');
  await contactThread.send();
  await expect(contactThread.item('她负责采购审批')).toHaveCount(1);
});

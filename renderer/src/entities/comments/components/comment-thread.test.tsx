import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModalsProvider } from '@mantine/modals';
import '../../../i18n';
import type { CrmDatabase } from '../../../data/database';
import type { Repositories } from '../../../data/repositories';
import { openTestReplica } from '../../../data/test-replica';
import { renderInTeamWorkspace } from '../../../hooks/test-team-workspace';
import { CommentThread } from './comment-thread';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  // jsdom has no layout: the picker scrolls its selected option into view.
  Element.prototype.scrollIntoView = () => undefined;
  ({ db, repos } = await openTestReplica());
  const user = (id: string, name: string) =>
    repos.members.create({
      id,
      teamId: 't1',
      kind: 'user',
      name,
      email: '',
      role: 'rep',
      parentTeamId: '',
      teamIds: ['t1'],
      active: true,
    });
  await user('u1', '我');
  await user('u2', '张伟');
  await user('u3', '李娜');
});
afterEach(async () => {
  cleanup();
  await db.close();
});

const target = { collection: 'accounts' as const, id: 'a1', teamId: 't1', accountId: 'a1' };

function renderThread() {
  return renderInTeamWorkspace(
    <ModalsProvider>
      <CommentThread target={target} />
    </ModalsProvider>,
    db,
    repos,
  );
}

/** Types `text` as if the caret were at its end. */
function type(input: HTMLTextAreaElement, text: string) {
  fireEvent.change(input, { target: { value: text, selectionStart: text.length } });
}

describe('comment thread', { timeout: 30_000 }, () => {
  it('mentions a member picked with the keyboard after @, and sends with Ctrl+Enter', async () => {
    renderThread();
    const input = await screen.findByTestId<HTMLTextAreaElement>('comment-input');
    input.focus();
    type(input, '请 @李');
    // Only the members whose name holds what follows '@' are offered, the first one selected.
    await waitFor(() =>
      expect(screen.queryAllByTestId('mention-option').map((o) => o.textContent)).toEqual(['李娜']),
    );
    expect(screen.getByTestId('mention-option').getAttribute('data-combobox-selected')).toBe(
      'true',
    );
    fireEvent.keyDown(input, { key: 'Tab' });
    await waitFor(() => expect(input.value).toBe('请 @[李娜](member:u3) '));

    type(input, `${input.value}看一下`);
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    const item = await screen.findByTestId('comment-item');
    expect(within(item).getByTestId('mention-chip').textContent).toBe('@李娜');
    const [stored] = await repos.activities.commentsOn('a1');
    expect(stored).toMatchObject({ type: 'comment', mentions: ['u3'], ownerId: 'u1' });
    await waitFor(() => expect(input.value).toBe(''));
  });

  it('edits and deletes one’s own comment (after confirming)', async () => {
    const mine = await repos.activities.addComment(target, '原来的话');
    renderThread();
    const item = await screen.findByTestId('comment-item');
    fireEvent.click(within(item).getByTestId('comment-edit'));
    const editor = within(item).getByRole<HTMLTextAreaElement>('textbox', { name: '编辑评论' });
    type(editor, '改过的话');
    fireEvent.keyDown(editor, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('comment-edited');
    expect((await repos.activities.get(mine.id))?.body).toBe('改过的话');

    fireEvent.click(screen.getByTestId('comment-delete'));
    fireEvent.click(await screen.findByTestId('confirm-delete-comment'));
    await waitFor(async () => expect(await repos.activities.commentsOn('a1')).toEqual([]));
  });
});

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../i18n';
import { inboxItemKey, type InboxItem } from '@shared/rules';
import { openTestReplica, type TestReplica } from '../../../data/test-replica';
import { InboxService } from '../../../data/services/inbox/inbox-service';
import type { InboxSource } from '../../../data/services/inbox/inbox-source';
import { RepositoriesContext } from '../../../hooks/use-workspace';
import { InboxServiceContext } from '../../../entities/inbox/inbox-items';
import { InboxItemsSection } from './inbox-items-section';

const reminder: InboxItem = {
  key: inboxItemKey('leadNoActivity', 'leads', 'lead-1', 1),
  kind: 'reminder',
  rule: 'leadNoActivity',
  recipientId: 'u1',
  recordCollection: 'leads',
  recordId: 'lead-1',
  recordTitle: '杭州西溪科技',
  dueAt: 2000,
  params: { hours: '48' },
};
const mention: InboxItem = {
  ...reminder,
  key: inboxItemKey('mention', 'deals', 'deal-1', 'c-1'),
  kind: 'mention',
  rule: 'mention',
  recordCollection: 'deals',
  recordId: 'deal-1',
  recordTitle: '西溪二期',
  dueAt: 1000,
  params: { authorId: 'u2' },
};

/** The machine that runs these may be busy: waits for the service's writes get room. */
const SLOW = { timeout: 15_000 };

let replica: TestReplica;
let service: InboxService;

beforeEach(async () => {
  replica = await openTestReplica();
  await replica.repos.members.create({
    id: 'u2',
    kind: 'user',
    name: '韩梅梅',
    email: '',
    role: 'manager',
    parentTeamId: '',
    teamIds: ['t1'],
    active: true,
  });
  const source: InboxSource = {
    name: 'test',
    start: (_viewer, _now, onItems) => {
      onItems([reminder, mention]);
      return () => undefined;
    },
  };
  service = new InboxService({
    sources: [source],
    marks: replica.repos.inbox_marks,
    viewerId: 'u1',
  });
  service.start();
});
afterEach(async () => {
  cleanup();
  service.stop();
  await replica.db.close();
});

function renderSection(inbox: InboxService = service, pageSize?: number) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <RepositoriesContext.Provider value={replica.repos}>
            <InboxServiceContext.Provider value={inbox}>
              <InboxItemsSection pageSize={pageSize} />
            </InboxServiceContext.Provider>
          </RepositoriesContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

// Rendering Mantine with a replica in jsdom takes seconds on a busy machine.
describe('InboxItemsSection', { timeout: 60_000 }, () => {
  it('lists what needs the person with what, why and a link to the record; filters by kind', async () => {
    renderSection();
    const rows = await screen.findAllByTestId('inbox-item');
    // The author's name comes from the members in the replica.
    await waitFor(() =>
      expect(rows.map((row) => within(row).getByTestId('inbox-item-message').textContent)).toEqual([
        '线索已超过 48 小时没有跟进',
        '韩梅梅 在评论中提到了你',
      ]),
    );
    expect(within(rows[1]).getByTestId('inbox-item-open').getAttribute('href')).toBe(
      '/deals/deal-1',
    );
    fireEvent.click(screen.getByTestId('inbox-filter-mention'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1));
    expect(screen.getByTestId('inbox-item-message').textContent).toBe('韩梅梅 在评论中提到了你');
  });

  it('marks an item done (stored as a synced mark) and undoes it', async () => {
    renderSection();
    const [first] = await screen.findAllByTestId('inbox-item');
    fireEvent.click(within(first).getByTestId('inbox-item-done'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1));
    await waitFor(async () =>
      expect(await replica.repos.inbox_marks.mine()).toMatchObject([
        { itemKey: reminder.key, state: 'done' },
      ]),
    );
    fireEvent.click(await screen.findByTestId('inbox-undo'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(2));
    expect(await replica.repos.inbox_marks.mine()).toEqual([]);
  });

  it('is operated by keys: j/k move, e marks done and the focus moves on, z undoes, # dismisses', async () => {
    renderSection();
    const rows = await screen.findAllByTestId('inbox-item');
    // One item in the Tab order.
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1]);
    rows[0].focus();
    fireEvent.keyDown(rows[0], { key: 'j', code: 'KeyJ' });
    expect(document.activeElement).toBe(rows[1]);
    await waitFor(() => expect(rows.map((row) => row.tabIndex)).toEqual([-1, 0]), SLOW);
    fireEvent.keyDown(rows[1], { key: 'k', code: 'KeyK' });
    expect(document.activeElement).toBe(rows[0]);

    // e: done; the row leaves and the focus goes to the one that took its place.
    fireEvent.keyDown(rows[0], { key: 'e', code: 'KeyE' });
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1), SLOW);
    const [left] = screen.getAllByTestId('inbox-item');
    await waitFor(() => expect(document.activeElement).toBe(left), SLOW);
    expect(left.getAttribute('data-kind')).toBe('mention');

    // z: the done item is back, and has the focus.
    fireEvent.keyDown(left, { key: 'z', code: 'KeyZ' });
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(2), SLOW);
    await waitFor(
      () => expect(document.activeElement?.getAttribute('data-kind')).toBe('reminder'),
      SLOW,
    );
    expect(await replica.repos.inbox_marks.mine()).toEqual([]);

    // #: dismissed (a synced mark); with nothing left the focus goes to the section's heading.
    const reminderRow = document.activeElement as HTMLElement;
    fireEvent.keyDown(reminderRow, { key: '#', code: 'Digit3', shiftKey: true });
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1), SLOW);
    const mentionRow = screen.getByTestId('inbox-item');
    await waitFor(() => expect(document.activeElement).toBe(mentionRow), SLOW);
    fireEvent.keyDown(mentionRow, { key: 'Delete', code: 'Delete' });
    await screen.findByTestId('inbox-items-empty', {}, SLOW);
    await waitFor(() => expect(document.activeElement?.id).toBe('inbox-items-title'), SLOW);
    expect((await replica.repos.inbox_marks.mine()).map((m) => m.state).sort()).toEqual([
      'dismissed',
      'dismissed',
    ]);
  });

  it('opens the snooze choices with s, the first one focused', async () => {
    renderSection();
    const [first] = await screen.findAllByTestId('inbox-item');
    first.focus();
    fireEvent.keyDown(first, { key: 's', code: 'KeyS' });
    const choice = await screen.findByTestId('inbox-snooze-hour', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(choice), SLOW);
    fireEvent.click(choice);
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(1), SLOW);
    expect(await replica.repos.inbox_marks.mine()).toMatchObject([
      { itemKey: reminder.key, state: 'snoozed' },
    ]);
  });

  it('says so when nothing needs the person', async () => {
    renderSection();
    for (const row of await screen.findAllByTestId('inbox-item'))
      fireEvent.click(within(row).getByTestId('inbox-item-dismiss'));
    expect((await screen.findByTestId('inbox-items-empty')).textContent).toBe(
      '没有需要你处理的事项。',
    );
  });

  it('shows a long inbox a page at a time', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      ...reminder,
      key: inboxItemKey('leadNoActivity', 'leads', `lead-${i}`, 1),
      recordId: `lead-${i}`,
      dueAt: 10_000 + i,
    }));
    const big = new InboxService({
      sources: [{ name: 'many', start: (_v, _n, onItems) => (onItems(many), () => undefined) }],
      marks: replica.repos.inbox_marks,
      viewerId: 'u1',
    });
    big.start();
    try {
      renderSection(big, 10);
      await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(10));
      fireEvent.click(screen.getByTestId('inbox-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(20));
      expect(screen.getByTestId('inbox-show-more').textContent).toBe('再显示 3 条（还有 3 条）');
      fireEvent.click(screen.getByTestId('inbox-show-more'));
      await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(23));
      expect(screen.queryByTestId('inbox-show-more')).toBeNull();
    } finally {
      big.stop();
    }
  });
});

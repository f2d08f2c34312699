import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import '../../i18n';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { pendingChange, testTeamSync, type TestTeamSync } from '../../data/team/test-team-sync';
import { RepositoriesContext, WorkspaceContext } from '../../hooks/use-workspace';
import type { Workspace } from '../../data/workspace';
import type { InboxEntry } from '../../data/inbox-collection';
import { buildAccount, buildDeal } from '../../../../test/support/factories';
import { InboxPage } from './inbox-page';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
  await repos.members.create({
    id: 'u2',
    teamId: 't1',
    kind: 'user',
    name: '李雷',
    email: '',
    role: 'rep',
    parentTeamId: '',
    teamIds: ['t1'],
    active: true,
  });
});
afterEach(async () => {
  cleanup();
  await db.close();
});

function renderInbox(team: TestTeamSync) {
  const workspace = {
    session: {
      mode: 'team' as const,
      workspaceId: 'w1',
      workspaceName: '华东销售部',
      userId: 'u1',
      userName: '我',
      teamId: 't1',
      serverUrl: 'http://127.0.0.1:9',
    },
    db,
    repos,
    sync: team.sync,
  } as Partial<Workspace> as Workspace;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // As the app's live invalidation does (app/live-invalidation.ts): the inbox list follows its collection.
  const live = db.sync_inbox.$.subscribe(() => void client.invalidateQueries());
  onTestFinished(() => live.unsubscribe());
  return render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <WorkspaceContext.Provider value={workspace}>
            <RepositoriesContext.Provider value={repos}>
              <InboxPage />
            </RepositoriesContext.Provider>
          </WorkspaceContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** What the engine keeps when a pushed value lost to a later edit on another laptop. */
function overruled(
  recordId: string,
  params: Record<string, string>,
  lost: unknown,
  reason = 'laterEdit',
): InboxEntry {
  const keptAt = new Date(2026, 11, 8, 10, 0).getTime();
  const lostAt = new Date(2026, 11, 7, 9, 0).getTime();
  return {
    id: `deals/${recordId}/${params.field}`,
    recordCollection: 'deals',
    recordId,
    reason: `sync.overruled.${reason}`,
    params: { keptBy: 'u2', keptAt: String(keptAt), lostAt: String(lostAt), ...params },
    issues: [],
    attempted: { [params.field]: lost },
    createdAt: keptAt + 1000,
  };
}

describe('not-accepted page', () => {
  it('does not say "all accepted" while changes wait to sync, and points to them', async () => {
    renderInbox(
      testTeamSync({ connection: 'offline', pending: 1, pendingEdits: 2 }, [
        pendingChange('accounts', 'a1', ['phone'], Date.now(), 2),
      ]),
    );
    const waiting = screen.getByTestId('inbox-waiting');
    expect(waiting.textContent).toContain('另有 2 处修改 · 1 条记录待同步等待同步');
    expect(within(waiting).getByTestId('inbox-open-waiting').getAttribute('href')).toBe('/pending');
    expect((await screen.findByTestId('inbox-empty')).textContent).toBe('服务器没有拒绝任何修改。');
  });

  it('explains an overruled value (who, both times) and puts it back as a new edit', async () => {
    const account = await repos.accounts.create(buildAccount({ name: '华山制药' }));
    const deal = await repos.deals.create(
      buildDeal({ name: '华山续约', accountId: account.id, amount: 900 }),
    );
    await db.sync_inbox.insert(overruled(deal.id, { field: 'amount' }, 500));
    renderInbox(testTeamSync({ connection: 'online' }));

    const card = await screen.findByTestId('inbox-entry');
    expect(card.getAttribute('data-overruled')).toBe('true');
    await waitFor(() =>
      expect(within(card).getByTestId('inbox-reason').textContent).toContain(
        '在另一台电脑上更晚修改：李雷 于 2026-12-08 10:00 修改了“金额”，晚于你在 2026-12-07 09:00 的修改',
      ),
    );
    const row = within(card).getByTestId('inbox-value');
    expect(within(row).getByTestId('inbox-value-yours').textContent).toContain('500');
    await waitFor(() =>
      expect(within(row).getByTestId('inbox-value-current').textContent).toContain('900'),
    );

    fireEvent.click(within(card).getByTestId('inbox-apply'));
    await waitFor(async () => expect((await repos.deals.get(deal.id))?.amount).toBe(500));
    // Only the overruled field was written: the rest of the deal is untouched.
    expect((await repos.deals.get(deal.id))?.name).toBe('华山续约');
    await waitFor(() => expect(screen.queryByTestId('inbox-entry')).toBeNull());
  });

  it("puts back one item's field and recomputes the total; dismiss leaves the record alone", async () => {
    const deal = await repos.deals.create(
      buildDeal({
        lineItems: [{ id: 'i1', product: '软件', quantity: 2, unitPrice: 100, discount: 0 }],
      }),
    );
    await db.sync_inbox.insert(
      overruled(deal.id, { field: 'lineItems', itemId: 'i1', key: 'quantity' }, 5),
    );
    renderInbox(testTeamSync({ connection: 'online' }));
    const card = await screen.findByTestId('inbox-entry');
    await waitFor(() =>
      expect(within(card).getByTestId('inbox-reason').textContent).toContain(
        '报价明细中的一项 · 数量',
      ),
    );
    fireEvent.click(within(card).getByTestId('inbox-apply'));
    await waitFor(async () => {
      const stored = await repos.deals.get(deal.id);
      expect(stored?.lineItems[0]?.quantity).toBe(5);
      expect(stored?.amount).toBe(500);
    });

    await db.sync_inbox.insert(overruled(deal.id, { field: 'name' }, '旧名称', 'tie'));
    const next = await screen.findByTestId('inbox-entry');
    await waitFor(() =>
      expect(within(next).getByTestId('inbox-reason').textContent).toContain('同一时刻'),
    );
    fireEvent.click(within(next).getByTestId('inbox-discard'));
    await waitFor(() => expect(screen.queryByTestId('inbox-entry')).toBeNull());
    expect((await repos.deals.get(deal.id))?.name).not.toBe('旧名称');
  });
});

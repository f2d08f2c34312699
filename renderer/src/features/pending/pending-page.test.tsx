import { cleanup, render, screen, waitFor, within, act } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import { pendingChange, testTeamSync, type TestTeamSync } from '../../data/team/test-team-sync';
import { RepositoriesContext, WorkspaceContext } from '../../hooks/use-workspace';
import type { Workspace } from '../../data/workspace';
import { buildAccount, buildDeal } from '../../../../test/support/factories';
import { PendingPage } from './pending-page';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  cleanup();
  await db.close();
});

function renderPage(team: TestTeamSync) {
  const workspace = {
    session: {
      mode: 'team' as const,
      workspaceId: 'w1',
      workspaceName: '华东销售部',
      userId: 'u1',
      userName: '我',
      teamId: 't1',
      serverUrl: 'http://127.0.0.1:9',
      deviceName: 'Desktop',
    },
    db,
    repos,
    sync: team.sync,
  } as Partial<Workspace> as Workspace;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <WorkspaceContext.Provider value={workspace}>
            <RepositoriesContext.Provider value={repos}>
              <PendingPage />
            </RepositoriesContext.Provider>
          </WorkspaceContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('waiting-to-sync page', () => {
  it('lists each waiting record with its fields in words, since when and on which device', async () => {
    const account = await repos.accounts.create(buildAccount({ name: '华山制药' }));
    const deal = await repos.deals.create(buildDeal({ name: '华山续约', accountId: account.id }));
    const since = new Date(2026, 11, 7, 9, 30).getTime();
    const team = testTeamSync({ connection: 'offline', pending: 2, pendingEdits: 3 }, [
      pendingChange('accounts', account.id, ['phone'], since, 1),
      pendingChange('deals', deal.id, ['amount', 'lineItems[i1].quantity'], since + 60_000, 2),
    ]);
    renderPage(team);

    expect(screen.getByTestId('pending-offline').textContent).toContain('当前离线');
    expect(screen.getByTestId('pending-totals').textContent).toContain('3 处修改，涉及 2 条记录');
    const rows = screen.getAllByTestId('pending-row');
    expect(rows).toHaveLength(2);
    await waitFor(() =>
      expect(within(rows[0]).getByTestId('pending-record').textContent).toContain('华山制药'),
    );
    expect(within(rows[0]).getByTestId('pending-record').getAttribute('href')).toBe(
      `/accounts/${account.id}`,
    );
    expect(within(rows[0]).getByTestId('pending-fields').textContent).toContain('电话');
    expect(rows[0].textContent).toContain('2026-12-07 09:30');
    expect(within(rows[0]).getByTestId('pending-device').textContent).toContain(
      'Desktop（这台电脑）',
    );
    await waitFor(() =>
      expect(within(rows[1]).getByTestId('pending-record').textContent).toContain('华山续约'),
    );
    // A list item's field counts for its list; the deal's two fields are named once each.
    expect(rows[1].getAttribute('data-fields')).toBe('amount,lineItems');
    expect(within(rows[1]).getByTestId('pending-fields').textContent).toContain('2 处修改');

    // Once the server acknowledges them, the page says nothing waits.
    act(() => {
      team.state$.next({ ...team.state$.value, connection: 'online', pending: 0, pendingEdits: 0 });
      team.pendingChanges$.next([]);
    });
    expect(screen.queryByTestId('pending-row')).toBeNull();
    expect(screen.getByTestId('pending-empty').textContent).toContain('没有等待同步的修改');
  });

  it('points to the refused changes, which it does not list', async () => {
    await db.sync_inbox.insert({
      id: 'accounts/a9/1',
      recordCollection: 'accounts',
      recordId: 'a9',
      reason: 'sync.rejected.readOnly',
      params: {},
      issues: [],
      attempted: { id: 'a9', name: 'X' },
      createdAt: 1,
    });
    renderPage(testTeamSync({ connection: 'online' }));
    expect((await screen.findByTestId('pending-refused')).textContent).toContain('1 项');
    expect(screen.getByTestId('pending-empty')).toBeTruthy();
  });
});

import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Subscription } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../i18n';
import { memberToken, recordToken } from '@shared/rules';
import { connectLiveInvalidation } from '../../../app/live-invalidation';
import { openTestReplica, type TestReplica } from '../../../data/test-replica';
import { RepositoriesContext } from '../../../hooks/use-workspace';
import { buildAccount, buildDeal, buildTicket } from '../../../../../test/support/factories';
import { CommentBody } from './comment-body';

let replica: TestReplica;
let live: Subscription;

beforeEach(async () => {
  replica = await openTestReplica();
  await replica.repos.members.create({
    id: 'u2',
    teamId: 't1',
    kind: 'user',
    name: '张伟',
    email: '',
    role: 'rep',
    parentTeamId: '',
    teamIds: ['t1'],
    active: true,
  });
});
afterEach(async () => {
  cleanup();
  live.unsubscribe();
  await replica.db.close();
});

function renderBody(body: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // As in the app: a change to a collection refreshes the queries that read it.
  live = connectLiveInvalidation(replica.db, client);
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <RepositoriesContext.Provider value={replica.repos}>
          <MemoryRouter>
            <CommentBody body={body} />
          </MemoryRouter>
        </RepositoriesContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const SLOW = { timeout: 15_000 };

describe('comment body mentions', { timeout: 60_000 }, () => {
  it('shows the current names of mentioned members and records, and follows a rename', async () => {
    const account = await replica.repos.accounts.create(buildAccount({ name: '华为' }));
    const deal = await replica.repos.deals.create(
      buildDeal({ name: '西溪一期', accountId: account.id }),
    );
    const ticket = await replica.repos.tickets.create(buildTicket({ subject: '无法登录' }));
    // Written when they were called otherwise.
    const body = [
      memberToken('u2', '小张'),
      recordToken('accounts', account.id, '华为（旧名）'),
      recordToken('deals', deal.id, '西溪'),
      recordToken('tickets', ticket.id, '登录问题'),
    ].join(' ');
    renderBody(body);
    await waitFor(
      () =>
        expect(screen.getAllByTestId('record-mention').map((a) => a.textContent)).toEqual([
          '#华为',
          '#西溪一期',
          '#无法登录',
        ]),
      SLOW,
    );
    expect(screen.getByTestId('mention-chip').textContent).toBe('@张伟');

    // Renamed while the comment is on screen: it reads the new names.
    await replica.repos.deals.update(deal.id, { name: '西溪二期' });
    await replica.repos.members.update('u2', { name: '张伟（华东）' });
    await waitFor(
      () =>
        expect(screen.getAllByTestId('record-mention').map((a) => a.textContent)).toContain(
          '#西溪二期',
        ),
      SLOW,
    );
    await waitFor(
      () => expect(screen.getByTestId('mention-chip').textContent).toBe('@张伟（华东）'),
      SLOW,
    );
  });

  it('keeps the stored names of what is not in this replica', async () => {
    const account = await replica.repos.accounts.create(buildAccount({ name: '华为' }));
    renderBody(
      [
        memberToken('u9', '王芳'),
        recordToken('deals', 'gone', '老项目'),
        recordToken('contracts', 'c9', '框架合同'),
        recordToken('accounts', account.id, '华为（旧名）'),
      ].join(' '),
    );
    // The records are looked up together: once the known one reads its current name, the others have answered.
    await waitFor(
      () => expect(screen.getAllByTestId('record-mention')[2].textContent).toBe('#华为'),
      SLOW,
    );
    expect(screen.getAllByTestId('record-mention').map((a) => a.textContent)).toEqual([
      '#老项目',
      '#框架合同',
      '#华为',
    ]);
    expect(screen.getByTestId('mention-chip').textContent).toBe('@王芳');
  });
});

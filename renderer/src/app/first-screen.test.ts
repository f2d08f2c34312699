import { afterEach, describe, expect, it } from 'vitest';
import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import type { Account, Member } from '@shared/domain';
import { openCrmDatabase, type CrmDatabase } from '../data/database';
import { createRepositories, type Repositories } from '../data/repositories';
import { accountKeys, DEFAULT_ACCOUNT_SORT } from '../entities/accounts/queries';
import { memberKeys } from '../entities/members/queries';
import type { AccountCursor, AccountPage } from '../data/repositories';
import {
  keepFirstScreenSnapshot,
  readFirstScreen,
  refreshFirstScreen,
  seedFirstScreen,
} from './first-screen-cache';
import { PAGE_SIZE } from '../hooks/use-paged-list';
import { clearSession, databaseNameFor, saveSession, type Session } from '../data/session';
import { buildAccount, withMeta } from '../../../test/support/factories';
import { createPendingRepositories } from './pending-repositories';

/**
 * The cold-start path end to end on IndexedDB (fake-indexeddb under jsdom): the list's queries read a replica
 * through the app's repositories, the snapshot is written from those results, and the next start's first
 * render gets from it exactly what the repositories give — then the open replica takes over.
 */

function accounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => {
    const fields = buildAccount({
      name: `公司${i}`,
      nameKey: `key-${i}`,
      industry: 'I65',
      tier: 'A',
      status: 'customer',
      tags: i % 2 ? ['mql'] : [],
    });
    const id = `acc-${String(i).padStart(3, '0')}`;
    return {
      ...withMeta(fields, { id, workspaceId: 'w1', by: 'u1', teamId: 't1', at: 1000 }),
      ownerId: `u${i % 3}`,
      // Ties on updatedAt too: the page is ordered by (updatedAt, id) descending.
      updatedAt: 10_000 + ((i * 7919) % n) * 10 - (i % 5 === 0 ? 10 : 0),
      deleted: i % 11 === 5,
    };
  });
}

function members(): Member[] {
  const base = {
    workspaceId: 'w1',
    teamId: 't1',
    ownerId: 'u0',
    createdAt: 1,
    updatedAt: 1,
    createdBy: 'u0',
    updatedBy: 'u0',
    email: '',
    role: '' as const,
    parentTeamId: '',
    teamIds: ['t1'],
  };
  return [
    { ...base, id: 'u2', kind: 'user', name: 'Zhou', active: true, deleted: false },
    { ...base, id: 'u0', kind: 'user', name: 'Lin', active: true, deleted: false },
    { ...base, id: 'u1', kind: 'user', name: 'Chen', active: false, deleted: false },
    { ...base, id: 'u9', kind: 'user', name: 'Gone', active: true, deleted: true },
    { ...base, id: 't1', kind: 'team', name: 'East', active: true, deleted: false },
  ];
}

const opened: CrmDatabase[] = [];

async function replicaFor(session: Session): Promise<Repositories> {
  const db = await openCrmDatabase({
    name: databaseNameFor(session),
    collections: ['accounts', 'members'],
  });
  opened.push(db);
  const repos = createRepositories({
    db,
    actor: { userId: 'u0', workspaceId: 'w1', teamId: 't1' },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  await repos.accounts.bulkInsertValidated(accounts(130));
  await repos.members.bulkInsertValidated(members());
  return repos;
}

function newSession(): Session {
  return {
    mode: 'local',
    workspaceId: `ws-${Math.random().toString(36).slice(2)}`,
    workspaceName: 'Mine',
    userId: 'u0',
    userName: 'Lin',
    teamId: 't1',
  };
}

/** The accounts list's query as AccountsPage builds it (no text typed) and useCursorList runs it. */
function listObserver(client: QueryClient, repos: Repositories) {
  return new InfiniteQueryObserver<
    AccountPage,
    Error,
    { pages: AccountPage[] },
    readonly unknown[],
    AccountCursor | null
  >(client, {
    queryKey: accountKeys.list({ text: undefined }, DEFAULT_ACCOUNT_SORT),
    queryFn: ({ pageParam }) =>
      repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, pageParam),
    initialPageParam: null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

function usersObserver(client: QueryClient, repos: Repositories) {
  return new QueryObserver<Member[]>(client, {
    queryKey: memberKeys.users(),
    queryFn: () => repos.members.users(),
  });
}

const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });

/** A start that shows the list from the replica, and so writes the snapshot (what the app does once open). */
async function showListOnce(session: Session, repos: Repositories): Promise<void> {
  const client = newClient();
  const stopSnapshot = keepFirstScreenSnapshot(client, session);
  const stop = [
    listObserver(client, repos).subscribe(() => undefined),
    usersObserver(client, repos).subscribe(() => undefined),
  ];
  try {
    await expect.poll(() => readFirstScreen(session, '/accounts')).not.toBeNull();
  } finally {
    for (const unsubscribe of stop) unsubscribe();
    stopSnapshot();
    client.clear();
  }
}

afterEach(async () => {
  clearSession();
  for (const db of opened.splice(0)) await db.remove();
});

describe('the first screen from its snapshot (first-screen-cache.ts)', () => {
  it('a start after the list was shown gets exactly the page and the people the repositories give', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    expect(readFirstScreen(session, '/accounts')).toBeNull();
    await showListOnce(session, repos);

    const screen = readFirstScreen(session, '/accounts');
    const expected = await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null);
    expect(screen?.page.rows.length).toBe(PAGE_SIZE);
    expect(screen?.page).toEqual(expected);
    expect(screen?.users).toEqual(await repos.members.users());
    // The keyset cursor continues where the real list would.
    const next = await repos.accounts.listPageAfter(
      {},
      DEFAULT_ACCOUNT_SORT,
      PAGE_SIZE,
      screen?.page.next ?? null,
    );
    expect(next.rows.map((a) => a.id)).toEqual(
      (
        await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, expected.next)
      ).rows.map((a) => a.id),
    );
    // Only on the list's own route.
    expect(readFirstScreen(session, '/deals')).toBeNull();
  });

  it('is seeded under the key the list asks for, and the open replica replaces it, snapshot included', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    await showListOnce(session, repos);
    const screen = readFirstScreen(session, '/accounts');
    if (!screen) throw new Error('no snapshot');

    const client = newClient();
    seedFirstScreen(client, screen);
    // Before the replica is open the page reads through pending repositories: the seeded queries need none.
    const pending = createPendingRepositories();
    const list = listObserver(client, pending.repos);
    const people = usersObserver(client, pending.repos);
    const stop = [list.subscribe(() => undefined), people.subscribe(() => undefined)];
    try {
      expect(list.getCurrentResult().data?.pages[0]).toEqual(screen.page);
      expect(people.getCurrentResult().data).toEqual(screen.users);
      expect(list.getCurrentResult().isFetching).toBe(false);

      // While the replica opened: a newer account arrived and a member was written.
      const [newest] = accounts(1).map((a) => ({
        ...a,
        id: 'acc-new',
        name: '新到的客户',
        updatedAt: 99_999,
      }));
      await repos.accounts.bulkInsertValidated([newest]);
      await repos.members.bulkInsertValidated([{ ...members()[0], id: 'u5', name: 'Wang' }]);
      pending.resolve(repos);
      const stopSnapshot = keepFirstScreenSnapshot(client, session);
      refreshFirstScreen(client, repos, '/accounts');
      await expect.poll(() => list.getCurrentResult().data?.pages[0].rows[0]?.id).toBe('acc-new');
      await expect
        .poll(() => people.getCurrentResult().data?.map((m) => m.name))
        .toEqual(['Chen', 'Lin', 'Wang', 'Zhou']);
      // …and the snapshot follows what the list shows now.
      await expect
        .poll(() => readFirstScreen(session, '/accounts')?.page.rows[0]?.id)
        .toBe('acc-new');
      stopSnapshot();
    } finally {
      for (const unsubscribe of stop) unsubscribe();
      client.clear();
    }
  });

  it("a team replica's snapshot is not shown to another user or workspace, and sign-out forgets it", async () => {
    const alice: Session = { ...newSession(), mode: 'team', userId: 'alice' };
    saveSession(alice);
    const repos = await replicaFor(alice);
    await showListOnce(alice, repos);
    expect(readFirstScreen(alice, '/accounts')).not.toBeNull();

    expect(readFirstScreen({ ...alice, userId: 'bob' }, '/accounts')).toBeNull();
    expect(readFirstScreen({ ...alice, workspaceId: 'other' }, '/accounts')).toBeNull();
    expect(databaseNameFor({ ...alice, userId: 'bob' })).not.toBe(databaseNameFor(alice));

    clearSession();
    expect(readFirstScreen(alice, '/accounts')).toBeNull();
  });
});

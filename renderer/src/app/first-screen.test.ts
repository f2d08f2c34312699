import { afterEach, describe, expect, it } from 'vitest';
import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { getBooleanIndexes } from 'rxdb/plugins/storage-dexie';
import {
  booleanIndexFields,
  COLLECTION_NAMES,
  deriveRxSchema,
  type Account,
  type Member,
} from '@shared/domain';
import source from '../../public/warm-replica.js?raw';
import { openCrmDatabase, type CrmDatabase } from '../data/database';
import { createRepositories, type Repositories } from '../data/repositories';
import { accountKeys, DEFAULT_ACCOUNT_SORT } from '../entities/accounts/queries';
import { memberKeys } from '../entities/members/queries';
import type { AccountCursor, AccountPage } from '../data/repositories';
import { refreshFirstScreen, seedFirstScreen } from './first-screen-cache';
import { PAGE_SIZE } from '../hooks/use-paged-list';
import { clearSession, databaseNameFor, saveSession, type Session } from '../data/session';
import {
  arrivedFirstScreen,
  hasWarmRows,
  resetFirstScreenForTests,
  takeWarmRead,
  warmAccountsPage,
  warmUsers,
} from './first-screen';
import { createPendingRepositories } from './pending-repositories';

/**
 * The cold-start path end to end on IndexedDB (fake-indexeddb under jsdom): the app's own repositories write a
 * replica through RxDB's Dexie storage, public/warm-replica.js reads the list's first page and the people from
 * it as the page's first script does, and what the list gets from that read must equal what the repositories
 * return for the same page.
 */

type WarmWindow = Window & { __crmWarmed?: boolean; __crmFirstScreen?: unknown };

function accounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `acc-${String(i).padStart(3, '0')}`,
    workspaceId: 'w1',
    teamId: 't1',
    ownerId: `u${i % 3}`,
    createdAt: 1000,
    // Ties on updatedAt too: the page is ordered by (updatedAt, id) descending.
    updatedAt: 10_000 + ((i * 7919) % n) * 10 - (i % 5 === 0 ? 10 : 0),
    createdBy: 'u1',
    updatedBy: 'u1',
    deleted: i % 11 === 5,
    name: `公司${i}`,
    nameKey: `key-${i}`,
    creditCode: '',
    industry: 'I65',
    sizeBand: '',
    region: '',
    source: '',
    tier: 'A',
    status: 'customer',
    tags: i % 2 ? ['mql'] : [],
    phone: '',
    website: '',
    address: '',
    notes: '',
  }));
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

/** Runs public/warm-replica.js as the page does, on the route the window opens. */
function runWarmScript(route: string): void {
  window.location.hash = route;
  delete (window as WarmWindow).__crmWarmed;
  delete (window as WarmWindow).__crmFirstScreen;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  (new Function(source) as () => void)();
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

afterEach(async () => {
  window.dispatchEvent(new Event('crm:replica-open'));
  resetFirstScreenForTests();
  clearSession();
  window.location.hash = '';
  for (const db of opened.splice(0)) await db.remove();
});

describe('booleanIndexFields (the first screen converts raw rows without building JSON schemas)', () => {
  it('names the same fields as the Dexie storage finds in the derived RxDB schema, for every collection', () => {
    for (const name of COLLECTION_NAMES)
      expect([...booleanIndexFields(name)].sort(), name).toEqual(
        [...getBooleanIndexes(deriveRxSchema(name) as never)].sort(),
      );
  });
});

describe('first screen read before the bundle (warm-replica.js → app/first-screen.ts)', () => {
  it('gives the accounts list exactly the first page and the people the repositories give', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    runWarmScript('#/accounts');

    const page = await warmAccountsPage(PAGE_SIZE);
    const expected = await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null);
    expect(page).not.toBeNull();
    expect(page?.rows.length).toBe(PAGE_SIZE);
    expect(page).toEqual(expected);
    // The keyset cursor continues where the real list would.
    const next = await repos.accounts.listPageAfter(
      {},
      DEFAULT_ACCOUNT_SORT,
      PAGE_SIZE,
      page?.next ?? null,
    );
    expect(next.rows.map((a) => a.id)).toEqual(
      (
        await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, expected.next)
      ).rows.map((a) => a.id),
    );

    expect(await warmUsers()).toEqual(await repos.members.users());
    expect((await warmUsers())?.map((m) => m.name)).toEqual(['Chen', 'Lin', 'Zhou']);
    // RxDB's open then waits for these rows to be on screen (early-workspace.ts).
    expect(await hasWarmRows(PAGE_SIZE)).toBe(true);
    expect(await hasWarmRows(PAGE_SIZE / 2)).toBe(false);
  });

  it('offers the arrived read synchronously (for the first render), and nothing before it has arrived', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    runWarmScript('#/accounts');
    takeWarmRead();
    // The script is still reading: the first render then goes through the pending repositories instead.
    expect(arrivedFirstScreen(PAGE_SIZE)).toBeNull();
    await window.__crmFirstScreen;
    await new Promise((r) => setTimeout(r, 0));
    const arrived = arrivedFirstScreen(PAGE_SIZE);
    expect(arrived?.page).toEqual(
      await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null),
    );
    expect(arrived?.users).toEqual(await repos.members.users());
    // Read for another page size: not offered.
    expect(arrivedFirstScreen(PAGE_SIZE / 2)).toBeNull();
  });

  it('reads nothing when the window opens elsewhere, and the list then reads through the replica', async () => {
    const session = newSession();
    saveSession(session);
    await replicaFor(session);
    runWarmScript('#/deals');
    expect(await warmAccountsPage(PAGE_SIZE)).toBeNull();
    expect(await warmUsers()).toBeNull();
    expect(await hasWarmRows(PAGE_SIZE)).toBe(false);
  });

  it('pending repositories answer the first page from the warm read and hold every other call until the replica is open', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    runWarmScript('#/accounts');
    const pending = createPendingRepositories({ useWarmRead: true });

    const first = await pending.repos.accounts.listPageAfter(
      {},
      DEFAULT_ACCOUNT_SORT,
      PAGE_SIZE,
      null,
    );
    expect(first).toEqual(
      await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null),
    );
    expect(await pending.repos.members.users()).toEqual(await repos.members.users());

    let detail: Account | null | undefined;
    const held = pending.repos.accounts.get('acc-007').then((a) => (detail = a));
    // A filtered page is not the warm page: it waits as well.
    let filtered: unknown;
    const heldFilter = pending.repos.accounts
      .listPageAfter({ ownerId: 'u1' }, DEFAULT_ACCOUNT_SORT, 10, null)
      .then((p) => (filtered = p));
    await new Promise((r) => setTimeout(r, 50));
    expect(detail).toBeUndefined();
    expect(filtered).toBeUndefined();

    pending.resolve(repos);
    await Promise.all([held, heldFilter]);
    expect(detail?.name).toBe('公司7');
    expect(filtered).toEqual(
      await repos.accounts.listPageAfter({ ownerId: 'u1' }, DEFAULT_ACCOUNT_SORT, 10, null),
    );
    // Once open, calls go straight to the replica.
    expect(pending.repos.accounts).toBe(repos.accounts);
  });

  it('a later session (another workspace after a wipe) never gets the warm read of the first one', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    runWarmScript('#/accounts');
    expect(await warmAccountsPage(PAGE_SIZE)).not.toBeNull();
    const pending = createPendingRepositories({ useWarmRead: false });
    let page: unknown;
    const held = pending.repos.accounts
      .listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null)
      .then((p) => (page = p));
    await new Promise((r) => setTimeout(r, 50));
    expect(page).toBeUndefined();
    pending.resolve(repos);
    await held;
    expect(page).toEqual(
      await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null),
    );
  });

  it('refuses synchronous repository members before the replica is open instead of returning a promise', () => {
    const pending = createPendingRepositories({ useWarmRead: false });
    expect(() => pending.repos.accounts.validate({})).toThrow(
      /not available until the replica is open/,
    );
    expect(() => pending.repos.accounts.selectorFor({})).toThrow(/not available/);
  });

  it('a replica that fails to open fails the held calls with its reason', async () => {
    runWarmScript('#/accounts');
    const pending = createPendingRepositories({ useWarmRead: true });
    const held = pending.repos.accounts.get('x');
    pending.reject(new Error('disk full'));
    await expect(held).rejects.toThrow('disk full');
  });

  it('seeds the cache under the key the accounts list asks for, and the open replaces it with the replica rows', async () => {
    const session = newSession();
    saveSession(session);
    const repos = await replicaFor(session);
    runWarmScript('#/accounts');
    takeWarmRead();
    await window.__crmFirstScreen;
    await new Promise((r) => setTimeout(r, 0));
    const client = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity, retry: false } },
    });
    expect(seedFirstScreen(client, '/deals')).toBe(false);
    expect(seedFirstScreen(client, '/accounts')).toBe(true);

    // The list's key as AccountsPage builds it (no filter typed: text undefined), and its query as useCursorList runs it.
    const list = new InfiniteQueryObserver<
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
    const people = new QueryObserver<Member[]>(client, {
      queryKey: memberKeys.users(),
      queryFn: () => repos.members.users(),
    });
    const stop = [list.subscribe(() => undefined), people.subscribe(() => undefined)];
    try {
      expect(list.getCurrentResult().data?.pages[0]).toEqual(
        await repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, null),
      );
      expect(people.getCurrentResult().data).toEqual(await repos.members.users());

      // While the replica opened: a newer account arrived and this person's member record was written.
      const [newest] = accounts(1).map((a) => ({
        ...a,
        id: 'acc-new',
        name: '新到的客户',
        updatedAt: 99_999,
      }));
      await repos.accounts.bulkInsertValidated([newest]);
      await repos.members.bulkInsertValidated([{ ...members()[0], id: 'u5', name: 'Wang' }]);
      refreshFirstScreen(client, repos, '/accounts');
      await expect.poll(() => list.getCurrentResult().data?.pages[0].rows[0]?.id).toBe('acc-new');
      await expect
        .poll(() => people.getCurrentResult().data?.map((m) => m.name))
        .toEqual(['Chen', 'Lin', 'Wang', 'Zhou']);
    } finally {
      for (const unsubscribe of stop) unsubscribe();
      client.clear();
    }
  });
});

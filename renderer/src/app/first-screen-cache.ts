import { hashKey, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { Member } from '@shared/domain';
import type { AccountPage, Repositories } from '../data/repositories';
import {
  accountKeys,
  DEFAULT_ACCOUNT_SORT,
  prefetchAccountList,
  seedAccountListFirstPage,
} from '../entities/accounts/queries';
import { memberKeys, prefetchUsers, seedUsers } from '../entities/members/queries';
import { PAGE_SIZE } from '../hooks/page-size';
import { databaseNameFor, loadSession, type Session } from '../data/session';
import { whenIdle } from '../platform/startup';
import {
  readFirstScreenSnapshot,
  writeFirstScreenSnapshot,
  type FirstScreen,
  type SnapshotQuery,
} from '../data/first-screen-snapshot';

/**
 * The first screen (cold start, BENCHMARKS.md B6) in terms of the query cache: which queries it shows, seeding them
 * from the snapshot before the first render, and writing the snapshot from those same queries' results. The
 * list's sort, page size and query key are read from the list's own definitions here, so a change to the list
 * changes what is snapshotted and makes an older snapshot not match (first-screen-snapshot.ts).
 */

/** The route the snapshot is shown on. */
export const FIRST_SCREEN_ROUTE = '/accounts';
const LIST_KEY = accountKeys.list({}, DEFAULT_ACCOUNT_SORT);
const USERS_KEY = memberKeys.users();
const SNAPSHOT_QUERY: SnapshotQuery = { key: JSON.stringify(LIST_KEY), pageSize: PAGE_SIZE };

/** The route part of a location hash ('#/accounts?x' → '/accounts'). */
export function routeOf(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0] || '/';
}

/** The snapshot to show when a window of `session` opens on `route` (null: none, or another screen). */
export function readFirstScreen(session: Session, route: string): FirstScreen | null {
  if (route !== FIRST_SCREEN_ROUTE) return null;
  return readFirstScreenSnapshot(databaseNameFor(session), SNAPSHOT_QUERY);
}

/**
 * Before the first render: the snapshot's first page and people go into the cache, where the list's queries
 * find them, so the list renders with its rows in that render.
 */
export function seedFirstScreen(queryClient: QueryClient, screen: FirstScreen): void {
  seedAccountListFirstPage(queryClient, screen.page);
  seedUsers(queryClient, screen.users);
}

/**
 * Once the replica is open: the snapshot (or nothing) is in the cache, so both reads are made again from the
 * replica — structural sharing leaves the screen alone when nothing changed — or, when the window is on the
 * list and nothing is cached yet, started now.
 */
export function refreshFirstScreen(
  queryClient: QueryClient,
  repos: Repositories,
  route: string,
): void {
  void queryClient.invalidateQueries({ queryKey: LIST_KEY, exact: true });
  void queryClient.invalidateQueries({ queryKey: USERS_KEY, exact: true });
  if (route !== FIRST_SCREEN_ROUTE) return;
  prefetchAccountList(queryClient, repos);
  prefetchUsers(queryClient, repos);
}

/**
 * While the replica of `session` is open: each time the list's first page or the people are read from it
 * (shown, or changed by a live update), the snapshot is written again from those results when the page is
 * idle. Returns the unsubscribe.
 */
export function keepFirstScreenSnapshot(queryClient: QueryClient, session: Session): () => void {
  const workspace = databaseNameFor(session);
  const watched = new Set([hashKey(LIST_KEY), hashKey(USERS_KEY)]);
  let scheduled = false;
  let active = true;
  const write = () => {
    scheduled = false;
    if (!active) return;
    const list = queryClient.getQueryData<InfiniteData<AccountPage>>(LIST_KEY);
    const users = queryClient.getQueryData<Member[]>(USERS_KEY);
    const page = list?.pages[0];
    // Signed out meanwhile (clearSession forgot the snapshot): nothing is written back.
    if (!page || !users || !loadSession()) return;
    writeFirstScreenSnapshot(workspace, SNAPSHOT_QUERY, { page, users });
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (!watched.has(event.query.queryHash) || scheduled) return;
    scheduled = true;
    whenIdle(write);
  });
  return () => {
    active = false;
    unsubscribe();
  };
}

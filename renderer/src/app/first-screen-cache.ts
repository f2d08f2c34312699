import type { QueryClient } from '@tanstack/react-query';
import type { Repositories } from '../data/repositories';
import {
  accountKeys,
  DEFAULT_ACCOUNT_SORT,
  prefetchAccountList,
  seedAccountListFirstPage,
} from '../entities/accounts/queries';
import { memberKeys, prefetchUsers, seedUsers } from '../entities/members/queries';
import { PAGE_SIZE } from '../hooks/page-size';
import { arrivedFirstScreen } from './first-screen';

/** The route part of a location hash ('#/accounts?x' → '/accounts'). */
export function routeOf(hash: string): string {
  return hash.replace(/^#/, '').split('?')[0] || '/';
}

/**
 * Before the first render of a window that opens on the accounts list: when warm-replica.js's read has already
 * arrived, its first page and the people go into the cache, so the list renders with its rows in that render
 * instead of a loader first and its rows one render later (cold start, B6). Returns whether it did.
 */
export function seedFirstScreen(queryClient: QueryClient, route: string): boolean {
  if (route !== '/accounts') return false;
  const warm = arrivedFirstScreen(PAGE_SIZE);
  if (!warm) return false;
  seedAccountListFirstPage(queryClient, warm.page);
  seedUsers(queryClient, warm.users);
  return true;
}

/**
 * Once the replica is open (and its changes invalidate queries): what the list shows may come from the warm
 * read, taken before the open, and the open itself writes (this person's member record) and starts pulling.
 * Both reads are made again from the replica — structural sharing leaves the screen alone when nothing
 * changed — or, when the window is on the list and nothing is cached yet, started now.
 */
export function refreshFirstScreen(
  queryClient: QueryClient,
  repos: Repositories,
  route: string,
): void {
  void queryClient.invalidateQueries({
    queryKey: accountKeys.list({}, DEFAULT_ACCOUNT_SORT),
    exact: true,
  });
  void queryClient.invalidateQueries({ queryKey: memberKeys.users(), exact: true });
  if (route !== '/accounts') return;
  prefetchAccountList(queryClient, repos);
  prefetchUsers(queryClient, repos);
}

import { useCallback, useMemo, useState } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useRepositories } from '../../hooks/use-workspace';
import { PAGE_SIZE, useCursorList } from '../../hooks/use-paged-list';
import type { Account } from '@shared/domain';
import type {
  AccountCursor,
  AccountFilter,
  AccountPage,
  AccountSort,
  Repositories,
} from '../../data/repositories';
import { settingKeys } from '../settings/queries';

/** Hierarchical keys (all → lists → list(filter) → detail(id)); the first element is the collection. */
export const accountKeys = {
  all: ['accounts'] as const,
  lists: () => [...accountKeys.all, 'list'] as const,
  list: (filter: AccountFilter, sort: AccountSort) =>
    [...accountKeys.lists(), filter, sort] as const,
  count: (filter: AccountFilter) => [...accountKeys.all, 'count', filter] as const,
  detail: (id: string) => [...accountKeys.all, 'detail', id] as const,
  duplicates: (name: string, creditCode: string, excludeId?: string) =>
    [...accountKeys.all, 'duplicates', name, creditCode, excludeId ?? ''] as const,
  names: (ids: readonly string[]) => [...accountKeys.all, 'names', ids] as const,
  picker: (text: string) => [...accountKeys.all, 'picker', text] as const,
  /** Global search reads every record collection; it is keyed here and lists the others in meta.collections. */
  globalSearch: (text: string) => [...accountKeys.all, 'globalSearch', text] as const,
};

/** The accounts list's order until the person picks another: newest first. */
export const DEFAULT_ACCOUNT_SORT: AccountSort = { field: 'updatedAt', direction: 'desc' };

/**
 * Starts reading the accounts list's first page (no filter, newest first) as soon as the replica is open, so
 * the IndexedDB read runs while React renders the shell and the page renders with its rows (cold start, B6).
 * The list's own query then finds it in the cache (same key, same page size).
 */
export function prefetchAccountList(queryClient: QueryClient, repos: Repositories): void {
  void queryClient.prefetchInfiniteQuery({
    queryKey: accountKeys.list({}, DEFAULT_ACCOUNT_SORT),
    queryFn: ({ pageParam }) =>
      repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, PAGE_SIZE, pageParam),
    initialPageParam: null as AccountCursor | null,
    getNextPageParam: (last: AccountPage) => last.next ?? undefined,
  });
}

/** Puts an already-read first page (no filter, newest first) in the cache, where the list's query finds it. */
export function seedAccountListFirstPage(queryClient: QueryClient, page: AccountPage): void {
  queryClient.setQueryData(accountKeys.list({}, DEFAULT_ACCOUNT_SORT), {
    pages: [page],
    pageParams: [null],
  });
}

/** The accounts list, page by page through an index (keyset paging; text filters via the search index). */
export function useAccountList(filter: AccountFilter, sort: AccountSort) {
  const repos = useRepositories();
  return useCursorList<Account, AccountCursor>(accountKeys.list(filter, sort), (limit, cursor) =>
    repos.accounts.listPageAfter(filter, sort, limit, cursor),
  );
}

/** The count line; `enabled` lets the page ask only once its rows are on screen (rows first at start-up). */
export function useAccountCount(filter: AccountFilter, enabled = true) {
  const repos = useRepositories();
  return useQuery({
    queryKey: accountKeys.count(filter),
    queryFn: () => repos.accounts.countMatching(filter),
    enabled,
  });
}

export function useAccountQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: accountKeys.detail(id ?? ''),
    queryFn: () => repos.accounts.get(id ?? ''),
    enabled: !!id,
  });
}

/** Accounts that look like the one being typed (防撞单); runs as the person types, on indexed keys. */
export function useAccountDuplicates(name: string, creditCode: string, excludeId?: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: accountKeys.duplicates(name, creditCode, excludeId),
    queryFn: () => repos.accounts.findDuplicates({ name, creditCode }, excludeId),
    enabled: name.trim().length >= 2 || creditCode.trim().length >= 18,
    placeholderData: (previous) => previous,
  });
}

export function useAccountSavedFilters() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.savedFilters('account'),
    queryFn: () => repos.settings.savedFilters('account'),
  });
}

/** Small account search for pickers (link a deal or ticket to an account). */
export function useAccountPicker(text: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: accountKeys.picker(text),
    queryFn: () =>
      repos.accounts.listPage({ text }, { field: 'updatedAt', direction: 'desc' }, 20, 0),
    placeholderData: (previous) => previous,
  });
}

/** id → account name for the accounts shown on a board or a page of rows. */
export function useAccountNames(ids: readonly string[]): Map<string, string> {
  const repos = useRepositories();
  const unique = useMemo(() => [...new Set(ids.filter(Boolean))].sort(), [ids]);
  const { data } = useQuery({
    queryKey: accountKeys.names(unique),
    queryFn: async () => {
      const found = await repos.accounts.getMany(unique);
      return new Map([...found].map(([id, account]) => [id, account.name]));
    },
    enabled: unique.length > 0,
    placeholderData: (previous) => previous,
  });
  return data ?? EMPTY_NAMES;
}

const EMPTY_NAMES = new Map<string, string>();

/**
 * Account names for an export: the list on screen knows the names of its rows only (useAccountNames), an
 * export reads every row; `withNames` reads the names of each page's accounts before handing the page on, and
 * `names` holds them for the export's column values.
 */
export function useExportAccountNames() {
  const repos = useRepositories();
  const [names] = useState(() => new Map<string, string>());
  const withNames = useCallback(
    async function* <T>(
      pages: AsyncIterable<readonly T[]>,
      accountId: (row: T) => string,
    ): AsyncIterable<readonly T[]> {
      for await (const page of pages) {
        const missing = [...new Set(page.map(accountId))].filter((id) => id && !names.has(id));
        if (missing.length > 0)
          for (const [id, account] of await repos.accounts.getMany(missing))
            names.set(id, account.name);
        yield page;
      }
    },
    [repos, names],
  );
  return { names: names as ReadonlyMap<string, string>, withNames };
}

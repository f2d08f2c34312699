import { useCallback, useEffect, useMemo } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { markFirstContent } from '../platform/startup';
import { PAGE_SIZE } from './page-size';
import { cursorPages, offsetPages } from '../data/services/export/table-export';

export { PAGE_SIZE };

/**
 * A list read in pages through an index (never the whole collection). The query key must start with the
 * collection name so RxDB changes refresh it (app/live-invalidation.ts).
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (limit: number, skip: number) => Promise<T[]>,
  collections?: string[],
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(PAGE_SIZE, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.length < PAGE_SIZE ? undefined : pages.length * PAGE_SIZE,
    meta: collections ? { collections } : undefined,
  });
  const rows = useMemo(() => query.data?.pages.flat() ?? [], [query.data]);
  const hasData = query.data !== undefined;
  // The first list on screen has its rows: start-up work that waited for it may run (platform/startup.ts).
  useEffect(() => {
    if (hasData) markFirstContent();
  }, [hasData]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // A record page stepping past the loaded rows (`j` on the last one) loads the next page after the list
  // left the screen: the query stays in the cache, and the observer fetches into it.
  const fetchMore = useCallback(async () => {
    if (!hasNextPage) return null;
    const result = await fetchNextPage();
    return result.data?.pages.flat() ?? null;
  }, [hasNextPage, fetchNextPage]);
  return {
    rows,
    loadMore,
    fetchMore,
    /** The whole list (same filter and order) in larger pages, read outside the query cache: for an export. */
    exportPages: () => offsetPages(fetchPage),
    isLoading: query.isLoading || isFetchingNextPage,
    error: query.error,
  };
}

/** One page and where the next one starts (null: no more pages). */
export interface CursorPage<T, C> {
  rows: T[];
  next: C | null;
}

/**
 * Like usePagedList, with keyset paging: each page says where the next one starts, so page 20 costs what
 * page 1 costs (no `skip` over the rows before it).
 */
export function useCursorList<T, C>(
  queryKey: QueryKey,
  fetchPage: (limit: number, cursor: C | null) => Promise<CursorPage<T, C>>,
  collections?: string[],
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(PAGE_SIZE, pageParam as C | null),
    initialPageParam: null as C | null,
    getNextPageParam: (last) => last.next ?? undefined,
    meta: collections ? { collections } : undefined,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.rows) ?? [], [query.data]);
  const hasData = query.data !== undefined;
  useEffect(() => {
    if (hasData) markFirstContent();
  }, [hasData]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const fetchMore = useCallback(async () => {
    if (!hasNextPage) return null;
    const result = await fetchNextPage();
    return result.data?.pages.flatMap((page) => page.rows) ?? null;
  }, [hasNextPage, fetchNextPage]);
  return {
    rows,
    loadMore,
    fetchMore,
    /** The whole list (same filter and order) in larger pages, read outside the query cache: for an export. */
    exportPages: () => cursorPages(fetchPage),
    isLoading: query.isLoading || isFetchingNextPage,
    error: query.error,
  };
}

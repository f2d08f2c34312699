import { useCallback, useMemo } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

export const PAGE_SIZE = 100;

/**
 * A list read in pages through an index (never the whole collection). The query key must start with the
 * collection name so RxDB changes refresh it (app/live-invalidation.ts).
 */
export function usePagedList<T>(queryKey: QueryKey, fetchPage: (limit: number, skip: number) => Promise<T[]>, collections?: string[]) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(PAGE_SIZE, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.length < PAGE_SIZE ? undefined : pages.length * PAGE_SIZE),
    meta: collections ? { collections } : undefined,
  });
  const rows = useMemo(() => query.data?.pages.flat() ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { rows, loadMore, isLoading: query.isLoading || isFetchingNextPage, error: query.error };
}

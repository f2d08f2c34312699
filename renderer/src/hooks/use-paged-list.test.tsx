import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PAGE_SIZE, useCursorList, usePagedList } from './use-paged-list';

const ALL = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => i);

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

describe('fetchMore: the next page for a record page stepping past the loaded rows (issue 16)', () => {
  afterEach(cleanup);

  it('loads the next page after the list left the screen, and says when there is none', async () => {
    const client = new QueryClient();
    const { result, unmount } = renderHook(
      () =>
        usePagedList(['numbers', 'paged'], (limit, skip) =>
          Promise.resolve(ALL.slice(skip, skip + limit)),
        ),
      { wrapper: wrapper(client) },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(PAGE_SIZE));
    const fetchMore = result.current.fetchMore;
    unmount();
    expect(await fetchMore()).toEqual(ALL.slice(0, PAGE_SIZE * 2));
  });

  it('returns null when the list has no more pages', async () => {
    const client = new QueryClient();
    const { result } = renderHook(
      () => usePagedList(['numbers', 'short'], () => Promise.resolve([1, 2, 3])),
      { wrapper: wrapper(client) },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(3));
    expect(await result.current.fetchMore()).toBeNull();
  });

  it('works for keyset pages too', async () => {
    const client = new QueryClient();
    const { result } = renderHook(
      () =>
        useCursorList<number, number>(['numbers', 'cursor'], (limit, cursor) => {
          const from = cursor ?? 0;
          const rows = ALL.slice(from, from + limit);
          return Promise.resolve({ rows, next: from + limit < ALL.length ? from + limit : null });
        }),
      { wrapper: wrapper(client) },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(PAGE_SIZE));
    expect(await result.current.fetchMore()).toEqual(ALL.slice(0, PAGE_SIZE * 2));
  });
});

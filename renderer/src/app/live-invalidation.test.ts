import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { QueryClient } from '@tanstack/react-query';
import type { CrmDatabase } from '../data/database';
import { connectLiveInvalidation, INVALIDATION_WINDOW_MS } from './live-invalidation';

function fakeDatabase() {
  const accounts = new Subject<unknown>();
  const deals = new Subject<unknown>();
  const db = { collections: { accounts: { $: accounts }, deals: { $: deals } } };
  return { db: db as unknown as CrmDatabase, accounts, deals };
}

describe('connectLiveInvalidation', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('invalidates the first change after a quiet spell at once, and one bulk together', async () => {
    const { db, accounts, deals } = fakeDatabase();
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const subscription = connectLiveInvalidation(db, queryClient);
    accounts.next({});
    accounts.next({});
    deals.next({});
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidate).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
  });

  it('gathers the changes of a burst and invalidates them once per window', async () => {
    const { db, accounts } = fakeDatabase();
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const subscription = connectLiveInvalidation(db, queryClient);
    accounts.next({});
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 100; i++) {
      accounts.next({});
      await vi.advanceTimersByTimeAsync(1);
    }
    // 100 ms of changes: the leading one, then one per window.
    expect(invalidate.mock.calls.length).toBeLessThanOrEqual(1 + 100 / INVALIDATION_WINDOW_MS + 1);
    await vi.advanceTimersByTimeAsync(INVALIDATION_WINDOW_MS);
    const calls = invalidate.mock.calls.length;
    await vi.advanceTimersByTimeAsync(INVALIDATION_WINDOW_MS * 4);
    expect(invalidate).toHaveBeenCalledTimes(calls);
    subscription.unsubscribe();
  });

  it('refreshes the queries that read a changed collection, by key or by meta.collections', async () => {
    const { db, deals } = fakeDatabase();
    const queryClient = new QueryClient();
    const reads = (key: string[], meta?: Record<string, unknown>) =>
      queryClient.getQueryCache().build(queryClient, { queryKey: key, meta });
    const dealList = reads(['deals', 'list']);
    const forecast = reads(['forecast'], { collections: ['deals'] });
    const accountList = reads(['accounts', 'list']);
    const subscription = connectLiveInvalidation(db, queryClient);
    deals.next({});
    await vi.advanceTimersByTimeAsync(0);
    expect(dealList.state.isInvalidated).toBe(true);
    expect(forecast.state.isInvalidated).toBe(true);
    expect(accountList.state.isInvalidated).toBe(false);
    subscription.unsubscribe();
  });

  it("waits for what must go first (this laptop's push) before it invalidates", async () => {
    const { db, accounts } = fakeDatabase();
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    let letGo: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (letGo = resolve));
    const subscription = connectLiveInvalidation(db, queryClient, () => first);
    accounts.next({});
    await vi.advanceTimersByTimeAsync(INVALIDATION_WINDOW_MS * 2);
    expect(invalidate).not.toHaveBeenCalled();
    letGo();
    await vi.advanceTimersByTimeAsync(0);
    expect(invalidate).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
  });
});

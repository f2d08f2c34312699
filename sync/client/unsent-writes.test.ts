import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnsentWrites } from './unsent-writes';

describe('UnsentWrites', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('resolves at once when no write waits for its push', async () => {
    const unsent = new UnsentWrites();
    const done = settled(unsent.whenSent(1000));
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });

  it('resolves when the push of every written record has been sent, not before', async () => {
    const unsent = new UnsentWrites();
    unsent.written('accounts', ['a1', 'a2']);
    unsent.written('contacts', ['c1']);
    const done = settled(unsent.whenSent(1000));
    unsent.sent('accounts', ['a1', 'a2']);
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(false);
    unsent.sent('contacts', ['c1']);
    await vi.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
    expect(unsent.size).toBe(0);
  });

  it('gives up after the longest wait asked for (a push that never comes)', async () => {
    const unsent = new UnsentWrites();
    unsent.written('accounts', ['a1']);
    const done = settled(unsent.whenSent(150));
    await vi.advanceTimersByTimeAsync(149);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
    // The write itself still waits: a later waiter waits for it too.
    const later = settled(unsent.whenSent(150));
    unsent.sent('accounts', ['a1']);
    await vi.advanceTimersByTimeAsync(0);
    expect(later()).toBe(true);
  });

  it('lets every waiter go when no push will come soon (offline)', async () => {
    const unsent = new UnsentWrites();
    unsent.written('accounts', ['a1']);
    const first = settled(unsent.whenSent(1000));
    const second = settled(unsent.whenSent(1000));
    unsent.clear();
    await vi.advanceTimersByTimeAsync(0);
    expect(first()).toBe(true);
    expect(second()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { PushOrder } from './push-order';

describe('PushOrder', () => {
  it('makes documents that arrived before a push reply stale, not those that arrived after it', () => {
    const order = new PushOrder();
    order.sent('accounts', ['a']);
    order.settled('accounts', ['a'], 5);
    expect(order.isStale('accounts', 'a', 4)).toBe(true);
    expect(order.isStale('accounts', 'a', 6)).toBe(false);
    // Other records and collections are not concerned.
    expect(order.isStale('accounts', 'b', 4)).toBe(false);
    expect(order.isStale('deals', 'a', 4)).toBe(false);
  });

  it('makes every document of a record stale while a push of it is out', () => {
    const order = new PushOrder();
    order.sent('accounts', ['a']);
    order.sent('accounts', ['a']);
    expect(order.isStale('accounts', 'a', 100)).toBe(true);
    order.settled('accounts', ['a'], null);
    expect(order.isStale('accounts', 'a', 100)).toBe(true);
    // A failed push leaves nothing behind: it will be sent again.
    order.settled('accounts', ['a'], null);
    expect(order.isStale('accounts', 'a', 100)).toBe(false);
  });

  it('keeps the latest reply of a record', () => {
    const order = new PushOrder();
    order.sent('accounts', ['a']);
    order.settled('accounts', ['a'], 9);
    order.sent('accounts', ['a']);
    order.settled('accounts', ['a'], 7);
    expect(order.isStale('accounts', 'a', 8)).toBe(true);
  });

  it('forgets replies no held document can predate', () => {
    const order = new PushOrder();
    order.sent('accounts', ['a', 'b']);
    order.settled('accounts', ['a'], 3);
    order.settled('accounts', ['b'], 8);
    order.sent('deals', ['a']);
    order.settled('deals', ['a'], 3);
    order.prune('accounts', 5);
    expect(order.isStale('accounts', 'a', 2)).toBe(false);
    expect(order.isStale('accounts', 'b', 6)).toBe(true);
    expect(order.isStale('deals', 'a', 2)).toBe(true);
    order.prune('accounts', Infinity);
    expect(order.isStale('accounts', 'b', 6)).toBe(false);
  });
});

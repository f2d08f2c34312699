import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '@shared/sync';
import { canSend, TokenBucket } from './socket-limits';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now += 100; // one token at 10/s
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000; // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('canSend', () => {
  const fakeSocket = (bufferedAmount: number) => {
    const closes: number[] = [];
    const ws = {
      OPEN: 1,
      readyState: 1,
      bufferedAmount,
      close(code: number) {
        closes.push(code);
        ws.readyState = 2;
      },
    };
    return { ws: ws as unknown as WebSocket, closes };
  };
  const limits = { messagesPerSecond: 1, burst: 1, maxBufferedBytes: 1000 };

  it('sends while the unread bytes are within the cap', () => {
    const { ws, closes } = fakeSocket(1000);
    expect(canSend(ws, limits)).toBe(true);
    expect(closes).toEqual([]);
  });

  it('closes a socket over the cap as too slow, once', () => {
    const { ws, closes } = fakeSocket(1001);
    expect(canSend(ws, limits)).toBe(false);
    expect(canSend(ws, limits)).toBe(false);
    expect(closes).toEqual([CloseCode.tooSlow]);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/**
 * What DocHandle (doc-manager.ts) relies on in y-websocket (CONVENTIONS.md 14): a changed `params` is the URL of
 * the next connection, and with `shouldReconnect: () => false` a server close ends in a `closed` event with no
 * retry of y-websocket's own (which would reuse a spent socket ticket). If an upgrade changes either, this
 * fails here rather than as documents that never reconnect.
 */
class FakeWebSocket {
  static readonly opened: FakeWebSocket[] = [];
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.opened.push(this);
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
  /** The server closes the connection with `code`. */
  serverClose(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

describe('y-websocket as DocHandle uses it', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with the current params, and after a server close waits to be told, then uses new params', () => {
    vi.useFakeTimers();
    const provider = new WebsocketProvider('ws://127.0.0.1:1/yjs', 'account-plan:a1', new Y.Doc(), {
      connect: false,
      params: {},
      disableBc: true,
      shouldReconnect: () => false,
      WebSocketPolyfill: FakeWebSocket as unknown as typeof WebSocket,
    });
    const closed: number[] = [];
    provider.on('closed', ({ code }: { code: number }) => closed.push(code));
    provider.params = { ticket: 'first' };
    provider.connect();
    expect(FakeWebSocket.opened.map((ws) => ws.url)).toEqual([
      'ws://127.0.0.1:1/yjs/account-plan:a1?ticket=first',
    ]);

    FakeWebSocket.opened[0].serverClose(1006);
    expect(closed).toEqual([1006]);
    expect(provider.shouldConnect).toBe(false);
    // Run every timer y-websocket set (its retry is 100 ms · 2^n, at most maxBackoffTime): none opened a socket.
    vi.advanceTimersByTime(10_000);
    expect(FakeWebSocket.opened).toHaveLength(1);

    provider.params = { ticket: 'second' };
    provider.connect();
    expect(FakeWebSocket.opened.map((ws) => ws.url)).toEqual([
      'ws://127.0.0.1:1/yjs/account-plan:a1?ticket=first',
      'ws://127.0.0.1:1/yjs/account-plan:a1?ticket=second',
    ]);
    provider.destroy();
  });
});

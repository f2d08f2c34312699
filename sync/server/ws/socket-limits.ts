import type { WebSocket } from 'ws';
import { CloseCode } from '@shared/sync';

/** How much one socket may ask of the server, and how far it may fall behind in reading. */
export interface SocketLimits {
  /** Sustained messages per second a socket may send (refilled continuously). */
  messagesPerSecond: number;
  /** Messages a socket may send at once above the sustained rate (a reconnect's pulls and pushes). */
  burst: number;
  /** Bytes queued for a socket that has not read them; above this it is closed as too slow. */
  maxBufferedBytes: number;
}

/**
 * Defaults. A client sends a pull or push per collection and a ping now and then: a few per second, a burst
 * of a few dozen after reconnecting. 200/s with a burst of 400 leaves ample room for that and bounds what
 * one socket can queue (each message waits its turn in memory). 16 MiB holds many full pull pages: a client
 * further behind than that is better off reconnecting and resuming from its checkpoint.
 */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  messagesPerSecond: 200,
  burst: 400,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** A token bucket: `capacity` tokens, refilled at `perSecond`; each message takes one. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the caller refuses the message). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.perSecond,
    );
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Counts a received message against the socket's bucket: a socket over its rate is closed with
 * `CloseCode.rateLimited` (the client reconnects with backoff) and the message is dropped. Returns whether
 * the message may be handled.
 */
export function admitMessage(ws: WebSocket, bucket: TokenBucket): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (bucket.take()) return true;
  ws.close(CloseCode.rateLimited, 'too many messages');
  return false;
}

/**
 * Whether the socket may be sent more: one that holds more than `maxBufferedBytes` unread is closed with
 * `CloseCode.tooSlow` (the client reconnects and resumes from its checkpoint) instead of growing the
 * server's memory without bound.
 */
export function canSend(ws: WebSocket, limits: SocketLimits): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (ws.bufferedAmount <= limits.maxBufferedBytes) return true;
  ws.close(CloseCode.tooSlow, 'reading too slowly');
  return false;
}

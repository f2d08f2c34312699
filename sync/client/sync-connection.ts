import { BehaviorSubject, Subject } from 'rxjs';
import { CloseCode, SYNC_PATH, type ClientMessage, type ServerMessage } from '@shared/sync';
import { parseServerMessage } from './parse-server-message';
import { SocketTicketRefused, socketTicketSource, type TicketRequester } from './socket-ticket';

/** The minimal WebSocket surface we use: the browser's WebSocket and the `ws` package both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export type ConnectionState = 'offline' | 'connecting' | 'online';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DistributiveOmit<ClientMessage, 'id'>;

export interface SyncConnectionOptions {
  /** Base URL of the sync server (http(s)://host:port). */
  serverUrl: string;
  getAccessToken: () => Promise<string>;
  /** Exchanges the refresh token: the server refused the access token (expired/invalid). */
  onUnauthorized: () => Promise<void>;
  createSocket: WebSocketFactory;
  /** Asks the server for a socket ticket (default: POST /api/socket-tickets; tests pass a fake). */
  requestTicket?: TicketRequester;
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/**
 * One authenticated WebSocket to the sync server, with request/response correlation and reconnection
 * (exponential backoff, capped). Knows nothing about RxDB: the engine builds on it.
 */
export class SyncConnection {
  readonly state$ = new BehaviorSubject<ConnectionState>('offline');
  readonly messages$ = new Subject<ServerMessage>();
  /** Close codes that stop reconnecting (device revoked). */
  readonly fatal$ = new Subject<number>();
  private socket: WebSocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    {
      resolve: (m: ServerMessage) => void;
      reject: (e: Error) => void;
      timer: ReturnType<typeof setTimeout>;
    }
  >();
  private wanted = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Messages received so far (over every socket of this connection), and each parsed message's place among them. */
  private received = 0;
  private readonly arrivals = new WeakMap<ServerMessage, number>();

  /** A single-use ticket per socket: the access token itself never goes into the socket's URL. */
  private readonly ticket: () => Promise<string>;

  constructor(private readonly options: SyncConnectionOptions) {
    this.ticket = socketTicketSource({
      serverUrl: options.serverUrl,
      getAccessToken: options.getAccessToken,
      refreshAccessToken: options.onUnauthorized,
      requestTicket: options.requestTicket,
    });
  }

  start(): void {
    if (this.wanted) return;
    this.wanted = true;
    void this.connect();
  }

  stop(): void {
    this.wanted = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.close(1000, 'client stopped');
    this.dropSocket(new Error('disconnected'));
  }

  /** Reconnects at once (the OS reports the network is back): no waiting for the backoff timer. */
  reconnectNow(): void {
    this.wanted = true;
    if (this.state$.value === 'online') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    const stale = this.socket;
    this.socket = null;
    stale?.close(1000, 'reconnecting');
    void this.connect();
  }

  get isOnline(): boolean {
    return this.state$.value === 'online';
  }

  /**
   * Where `message` (a reply or a `messages$` message) arrived among everything this connection received: 1, 2, …
   * in arrival order, across reconnects (0: not a received message). A reply's promise settles a few microtasks
   * after it arrived, possibly after later messages were emitted, so order is read from here, not from when code
   * runs (the engine orders push replies against received documents this way).
   */
  arrivalOf(message: ServerMessage): number {
    return this.arrivals.get(message) ?? 0;
  }

  /** Sends a request and resolves with the reply carrying the same id; rejects when offline or on timeout. */
  request(message: Request): Promise<ServerMessage> {
    const socket = this.socket;
    if (!socket || this.state$.value !== 'online') return Promise.reject(new Error('offline'));
    const id = this.nextId++;
    return new Promise<ServerMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('request timed out'));
      }, this.options.requestTimeoutMs ?? 30_000);
      this.pending.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify({ ...message, id }));
    });
  }

  private async connect(): Promise<void> {
    if (!this.wanted) return;
    this.state$.next('connecting');
    let ticket: string;
    try {
      ticket = await this.ticket();
    } catch (error) {
      // Revoked or deactivated while away: wiped like a socket closed with deviceRevoked.
      if (error instanceof SocketTicketRefused && error.revoked && this.wanted) {
        this.wanted = false;
        this.state$.next('offline');
        this.fatal$.next(CloseCode.deviceRevoked);
        return;
      }
      this.scheduleReconnect();
      return;
    }
    if (!this.wanted) return;
    const url = new URL(SYNC_PATH, this.options.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('ticket', ticket);
    let socket: WebSocketLike;
    try {
      socket = this.options.createSocket(url.toString());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    // A socket that neither opens nor fails (a network that drops packets) is abandoned after a while.
    const openTimeout = setTimeout(() => {
      if (this.socket === socket && this.state$.value !== 'online') {
        this.dropSocket(new Error('connect timeout'));
        socket.close(1000, 'connect timeout');
        this.scheduleReconnect();
      }
    }, this.options.connectTimeoutMs ?? 8000);
    socket.onmessage = (event) => {
      clearTimeout(openTimeout);
      this.handleMessage(event.data);
    };
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      clearTimeout(openTimeout);
      if (this.socket !== socket) return;
      this.dropSocket(new Error('disconnected'));
      if (event.code === CloseCode.deviceRevoked) {
        this.wanted = false;
        this.fatal$.next(event.code);
        return;
      }
      // 4401 included: the next attempt asks for a fresh ticket, refreshing the access token if it lapsed.
      this.scheduleReconnect();
    };
  }

  private handleMessage(data: unknown): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const message = parseServerMessage(parsed);
    if (!message.ok) {
      // A reply that does not parse fails its request at once, with the reason (not after the timeout).
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (waiter && message.id !== undefined) {
        this.pending.delete(message.id);
        clearTimeout(waiter.timer);
        waiter.reject(new Error(message.error));
      }
      return;
    }
    const msg = message.message;
    this.arrivals.set(msg, ++this.received);
    if (msg.type === 'welcome') {
      this.attempt = 0;
      this.state$.next('online');
    }
    if ('id' in msg && typeof msg.id === 'number') {
      const waiter = this.pending.get(msg.id);
      if (waiter) {
        this.pending.delete(msg.id);
        clearTimeout(waiter.timer);
        if (msg.type === 'error') waiter.reject(new Error(`${msg.code}: ${msg.message}`));
        else waiter.resolve(msg);
        return;
      }
    }
    this.messages$.next(msg);
  }

  private dropSocket(error: Error): void {
    this.socket = null;
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
      this.pending.delete(id);
    }
    if (this.state$.value !== 'offline') this.state$.next('offline');
  }

  private scheduleReconnect(): void {
    if (!this.wanted || this.retryTimer) return;
    const delay = Math.min(5000, 250 * 2 ** this.attempt++);
    this.state$.next('offline');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}

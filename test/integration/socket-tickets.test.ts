import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import {
  CloseCode,
  docNameFor,
  SOCKET_TICKETS_PATH,
  SYNC_PATH,
  type ServerMessage,
  type SessionResponse,
  type SocketTicketResponse,
} from '../../shared/sync';
import {
  DocManager,
  SocketTicketRefused,
  socketTicketSource,
  SyncConnection,
  type WebSocketLike,
} from '../../sync/client';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';

/**
 * Sockets open with a short-lived, single-use ticket (POST /api/socket-tickets), never with the access token in
 * their URL (issue 14, item 6): a ticket opens one socket as its holder, and a spent, expired, unknown or
 * revoked one is refused with the close codes clients already understand.
 */
describe(`socket tickets (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  const ticketFor = async (session: SessionResponse) => {
    const res = await api<SocketTicketResponse>(
      env.server,
      'POST',
      SOCKET_TICKETS_PATH,
      undefined,
      session.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body.ticket;
  };
  const wsBase = () => env.server.url.replace(/^http/, 'ws');
  /** Opens a raw socket; resolves with its first message, or with the close code if it is closed first. */
  const open = (url: string) =>
    new Promise<{ first?: string; code?: number; ws: WebSocket }>((resolve, reject) => {
      const ws = new WebSocket(url);
      env.onCleanup(() => ws.close());
      ws.once('message', (data: Buffer) => resolve({ first: data.toString('utf8'), ws }));
      ws.once('close', (code) => resolve({ code, ws }));
      ws.once('error', reject);
    });
  /** Opens a raw socket that the server is expected to refuse: its close code. */
  const closeCode = (url: string) =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('close', resolve);
      ws.once('error', reject);
    });
  const syncUrl = (ticket: string) =>
    `${wsBase()}${SYNC_PATH}?ticket=${encodeURIComponent(ticket)}`;

  it('issues tickets only to a signed-in device, in answers no cache may keep', async () => {
    const anonymous = await fetch(`${env.server.url}${SOCKET_TICKETS_PATH}`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${env.server.url}${SOCKET_TICKETS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.admin.accessToken}` },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as SocketTicketResponse;
    expect(body.ticket).not.toContain(env.admin.accessToken);
    expect(body.expiresAt - Date.now()).toBeGreaterThan(20_000);
    expect(body.expiresAt - Date.now()).toBeLessThanOrEqual(30_000);
  });

  it('opens /sync once as its holder; the same ticket again, an unknown one or an expired one gets 4401', async () => {
    const ticket = await ticketFor(env.admin);
    const first = await open(syncUrl(ticket));
    const welcome = JSON.parse(first.first ?? '{}') as ServerMessage;
    expect(welcome).toMatchObject({ type: 'welcome', userId: env.admin.user.id });

    expect(await closeCode(syncUrl(ticket))).toBe(CloseCode.unauthorized);
    expect(await closeCode(syncUrl('made-up-ticket-0000000000000'))).toBe(CloseCode.unauthorized);

    const stale = await ticketFor(env.admin);
    // Its 30 s have passed (moved in the database rather than waited for).
    await env.server.sql.query('UPDATE socket_tickets SET expires_at = 0');
    expect(await closeCode(syncUrl(stale))).toBe(CloseCode.unauthorized);
  });

  it('a ticket of a device revoked after it was issued is closed as revoked, with a wipe', async () => {
    const team = await env.createTeam('票据组');
    const rep = await env.addUser('rep', team, 'ticket-rep');
    const ticket = await ticketFor(rep);
    const revoke = await api(
      env.server,
      'POST',
      `/api/devices/${rep.deviceId}/revoke`,
      undefined,
      env.admin.accessToken,
    );
    expect(revoke.status).toBeLessThan(300);
    const refused = await open(syncUrl(ticket));
    expect(JSON.parse(refused.first ?? '{}')).toEqual({ type: 'wipe' });
    const code = await new Promise<number>((resolve) => refused.ws.once('close', resolve));
    expect(code).toBe(CloseCode.deviceRevoked);
  });

  it('opens a document socket once; a spent ticket is refused there too', async () => {
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '票据文档有限公司' }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    const ticket = await ticketFor(env.admin);
    const url = `${wsBase()}/yjs/${docNameFor('account-plan', created.body.id)}?ticket=${encodeURIComponent(ticket)}`;
    // Joined: the server's first message (the access mode) arrives instead of a close.
    expect((await open(url)).first).toBeDefined();
    expect(await closeCode(url)).toBe(CloseCode.unauthorized);
  });

  it('the sync connection and the document engine open their sockets with tickets, never the access token', async () => {
    const urls: string[] = [];
    const record = (url: string) => urls.push(url);
    const connection = new SyncConnection({
      serverUrl: env.server.url,
      getAccessToken: () => Promise.resolve(env.admin.accessToken),
      onUnauthorized: () => Promise.resolve(),
      createSocket: (url) => {
        record(url);
        return new WebSocket(url) as unknown as WebSocketLike;
      },
    });
    env.onCleanup(() => connection.stop());
    connection.start();
    await eventually(() => expect(connection.isOnline).toBe(true));

    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '票据计划有限公司' }),
      env.admin.accessToken,
    );
    // y-websocket constructs its sockets from this class: it sees every URL the engine opens.
    class RecordingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        record(url);
        super(url, protocols);
      }
    }
    const store = new Map<string, string>();
    const docs = new DocManager({
      mode: 'team',
      namespace: `team:${env.admin.workspace.id}:tickets`,
      store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
      user: { name: '管理员', color: '#1c7ed6', userId: env.admin.user.id },
      serverUrl: env.server.url,
      getAccessToken: () => Promise.resolve(env.admin.accessToken),
      refreshAccessToken: () => Promise.resolve(),
      WebSocketPolyfill: RecordingWebSocket,
      persistence: null,
    });
    env.onCleanup(() => docs.destroy());
    const lease = docs.open(docNameFor('account-plan', created.body.id));
    expect(await lease.handle.whenServerSynced(15_000)).toBe(true);
    lease.release();

    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls) {
      const query = new URL(url).searchParams;
      expect(query.get('ticket')).toBeTruthy();
      expect(query.get('token')).toBeNull();
      expect(url).not.toContain(env.admin.accessToken);
    }
  });

  it('a client whose access token is refused refreshes it once and gets a ticket; a session that stays refused is told why', async () => {
    let token = 'forged.access.token';
    let refreshes = 0;
    const ticket = socketTicketSource({
      serverUrl: env.server.url,
      getAccessToken: () => Promise.resolve(token),
      refreshAccessToken: () => {
        refreshes += 1;
        token = env.admin.accessToken;
        return Promise.resolve();
      },
    });
    const issued = await ticket();
    expect(refreshes).toBe(1);
    expect((await open(syncUrl(issued))).first).toContain('welcome');

    const hopeless = socketTicketSource({
      serverUrl: env.server.url,
      getAccessToken: () => Promise.resolve('forged.access.token'),
      refreshAccessToken: () => Promise.resolve(),
    });
    const refused = await hopeless().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SocketTicketRefused);
    expect((refused as SocketTicketRefused).code).toBe('invalid_token');
  });

  it.skipIf(!usePostgres)(
    'a ticket from one node opens a socket on another node of the same database',
    async () => {
      const other = await env.startNode();
      const ticket = await ticketFor(env.admin);
      const first = await open(
        `${other.url.replace(/^http/, 'ws')}${SYNC_PATH}?ticket=${encodeURIComponent(ticket)}`,
      );
      expect(JSON.parse(first.first ?? '{}')).toMatchObject({ type: 'welcome' });
    },
  );
});

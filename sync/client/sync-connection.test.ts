import { describe, expect, it, vi } from 'vitest';
import { CloseCode, type ServerMessage } from '@shared/sync';
import { SyncConnection, type WebSocketLike } from './sync-connection';
import { SocketTicketRefused } from './socket-ticket';

class FakeSocket implements WebSocketLike {
  readyState = 1;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  readonly sent: { id: number; type: string }[] = [];
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; type: string });
  }
  close(): void {
    this.readyState = 3;
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

async function online(): Promise<{ connection: SyncConnection; socket: FakeSocket }> {
  let socket: FakeSocket | null = null;
  const connection = new SyncConnection({
    serverUrl: 'http://127.0.0.1:1',
    getAccessToken: () => Promise.resolve('token'),
    onUnauthorized: () => Promise.resolve(),
    requestTicket: () => Promise.resolve('ticket'),
    createSocket: () => (socket = new FakeSocket()),
    requestTimeoutMs: 60_000,
  });
  connection.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!socket) throw new Error('no socket');
  const live = socket as FakeSocket;
  live.receive({ type: 'welcome', userId: 'u', workspaceId: 'w', role: 'admin', serverSeq: 0 });
  expect(connection.isOnline).toBe(true);
  return { connection, socket: live };
}

describe('SyncConnection replies', () => {
  it('resolves a pull with the documents of a valid pull-result', async () => {
    const { connection, socket } = await online();
    const reply = connection.request({
      type: 'pull',
      collection: 'accounts',
      checkpoint: null,
      batchSize: 10,
    });
    const id = socket.sent[0].id;
    socket.receive({
      type: 'pull-result',
      id,
      documents: [{ id: 'a', name: 'x', _deleted: false }],
      checkpoint: { seq: 3 },
      remaining: 0,
    });
    await expect(reply).resolves.toEqual({
      type: 'pull-result',
      id,
      documents: [{ id: 'a', name: 'x', _deleted: false }],
      checkpoint: { seq: 3 },
      remaining: 0,
    });
    connection.stop();
  });

  it('fails a request at once, with the reason, when its reply does not validate', async () => {
    const { connection, socket } = await online();
    const reply = connection.request({
      type: 'pull',
      collection: 'accounts',
      checkpoint: null,
      batchSize: 10,
    });
    socket.receive({
      type: 'pull-result',
      id: socket.sent[0].id,
      documents: [{ id: 'a' }, { name: 'no id' }],
      checkpoint: { seq: 3 },
      remaining: 0,
    });
    await expect(reply).rejects.toThrow(
      'invalid pull-result from the server: documents.1.id: expected a string',
    );
    connection.stop();
  });

  it('tells where each reply and message arrived, whatever order the promises settle in', async () => {
    const { connection, socket } = await online();
    const seen: ServerMessage[] = [];
    connection.messages$.subscribe((m) => seen.push(m));
    const reply = connection.request({
      type: 'push',
      collection: 'accounts',
      rows: [{ assumedMasterState: null, newDocumentState: { id: 'a' } }],
    });
    // The reply and a later message in one go (as `ws` emits the frames of one chunk): the message is emitted
    // before the reply's promise settles, but its arrival says it came after.
    socket.receive({ type: 'push-result', id: socket.sent[0].id, conflicts: [], rejected: [] });
    socket.receive({
      type: 'changes',
      collection: 'accounts',
      documents: [{ id: 'a' }],
      checkpoint: { seq: 5 },
      fromSeq: 4,
    });
    expect(seen).toHaveLength(1);
    const answer = await reply;
    expect(connection.arrivalOf(answer)).toBeGreaterThan(1);
    expect(connection.arrivalOf(seen[0])).toBe(connection.arrivalOf(answer) + 1);
    expect(connection.arrivalOf({ type: 'pong', id: 1 })).toBe(0);
    connection.stop();
  });
});

describe('SyncConnection socket URL', () => {
  const ACCESS_TOKEN = 'secret-access-token';

  it('opens every socket with a fresh single-use ticket and never puts the access token in the URL', async () => {
    const urls: string[] = [];
    const sockets: FakeSocket[] = [];
    let issued = 0;
    const connection = new SyncConnection({
      serverUrl: 'http://127.0.0.1:1',
      getAccessToken: () => Promise.resolve(ACCESS_TOKEN),
      onUnauthorized: () => Promise.resolve(),
      requestTicket: (_serverUrl, accessToken) =>
        Promise.resolve(accessToken === ACCESS_TOKEN ? `ticket-${++issued}` : 'wrong'),
      createSocket: (url) => {
        urls.push(url);
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
    });
    connection.start();
    await vi.waitFor(() => expect(urls).toHaveLength(1));
    // The server refused the ticket (spent, expired): the next attempt asks for another.
    sockets[0].onclose?.({ code: CloseCode.unauthorized, reason: 'invalid_ticket' });
    await vi.waitFor(() => expect(urls).toHaveLength(2), { timeout: 3000 });
    connection.stop();
    expect(urls.map((url) => new URL(url).searchParams.get('ticket'))).toEqual([
      'ticket-1',
      'ticket-2',
    ]);
    expect(urls.join(' ')).not.toContain(ACCESS_TOKEN);
    expect(urls.every((url) => new URL(url).searchParams.get('token') === null)).toBe(true);
  });

  it('stops and reports the device revoked when the server refuses a ticket to a deactivated user', async () => {
    let sockets = 0;
    const connection = new SyncConnection({
      serverUrl: 'http://127.0.0.1:1',
      getAccessToken: () => Promise.resolve(ACCESS_TOKEN),
      onUnauthorized: () => Promise.resolve(),
      requestTicket: () => Promise.reject(new SocketTicketRefused('user_inactive', 'deactivated')),
      createSocket: () => {
        sockets += 1;
        return new FakeSocket();
      },
    });
    const fatal = new Promise<number>((resolve) => connection.fatal$.subscribe(resolve));
    connection.start();
    await expect(fatal).resolves.toBe(CloseCode.deviceRevoked);
    expect(sockets).toBe(0);
  });
});

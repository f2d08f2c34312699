import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@shared/sync';
import { SyncConnection, type WebSocketLike } from './sync-connection';

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

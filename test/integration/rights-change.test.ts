import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import {
  CloseCode,
  DocAccessMode,
  DocMessage,
  FlushStatus,
  SYNC_PATH,
  type DocAccess,
  docNameFor,
  type ServerMessage,
  type SessionResponse,
  type WireDoc,
} from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, usePostgres, useTestServer } from './support/harness';

/**
 * Rights that change take effect at once (issue 14, item 1): an admin's change of a person's role, teams or
 * active flag applies to the sockets they already have open — pushes are checked against the new rights, a
 * deactivated person is closed as revoked, a document they may no longer read is closed with 4403. Raw sockets,
 * so each test proves what happens on the very socket that was open before the change.
 */
describe(`rights changed while connected (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  const rawSync = async (session: SessionResponse) => {
    const client = await RawSyncClient.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  const patchUser = async (userId: string, patch: Record<string, unknown>) => {
    const res = await api(
      env.server,
      'PATCH',
      `/api/users/${userId}`,
      patch,
      env.admin.accessToken,
    );
    expect(res.status).toBeLessThan(300);
  };
  /** A new account of `teamId` as it crosses the wire, created by `session`'s user. */
  const newAccountDoc = (session: SessionResponse, teamId: string, name: string): WireDoc => {
    const now = Date.now();
    return {
      ...buildAccount({ name }),
      id: `acc-${randomUUID()}`,
      workspaceId: session.workspace.id,
      teamId,
      ownerId: session.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: session.user.id,
      updatedBy: session.user.id,
      deleted: false,
    };
  };
  const storedStatus = async (id: string) =>
    (await api(env.server, 'GET', `/api/records/accounts/${id}`, undefined, env.admin.accessToken))
      .status;

  it('checks pushes over an open socket against the rights an admin just gave (admin → rep of North)', async () => {
    const north = await env.createTeam('华北权限');
    const south = await env.createTeam('华南权限');
    const session = await env.addUser('admin', north, 'demoted-admin');
    const socket = await rawSync(session);

    const before = newAccountDoc(session, south, '广州降级前有限公司');
    expect((await socket.push(before)).rejected).toEqual([]);
    expect(await storedStatus(before.id)).toBe(200);

    await patchUser(session.user.id, { role: 'rep', teamIds: [north] });
    const after = newAccountDoc(session, south, '广州降级后有限公司');
    const reply = await socket.push(after);
    expect(reply.rejected.map((r) => [r.id, r.reason])).toEqual([
      [after.id, 'sync.rejected.outOfScope'],
    ]);
    expect(await storedStatus(after.id)).toBe(404);
    // The client was told to pull (its scope changed), and the same socket still serves its own team.
    // (sent before the reply: the push waited for the rights to be re-read)
    expect(
      socket.received.some((m) => m.type === 'changed' && m.collections.includes('accounts')),
    ).toBe(true);
    const own = newAccountDoc(session, north, '天津降级后有限公司');
    expect((await socket.push(own)).rejected).toEqual([]);
    expect(socket.closeCode).toBeNull();
  });

  it('closes the open sync socket of a user an admin deactivates, as revoked (wipe)', async () => {
    const team = await env.createTeam('停用组');
    const session = await env.addUser('rep', team, 'deactivated-rep');
    const socket = await rawSync(session);

    await patchUser(session.user.id, { active: false });
    expect(await within(socket.closed, 'the sync socket to close')).toBe(CloseCode.deviceRevoked);
    expect(socket.received.map((m) => m.type)).toContain('wipe');

    // A device that was offline meanwhile is wiped and closed the same way when it connects.
    const late = new WebSocket(
      `${env.server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`,
    );
    const lateMessages: string[] = [];
    late.on('message', (data: Buffer) => lateMessages.push(data.toString('utf8')));
    const lateClose = new Promise<number>((resolve) => late.on('close', (code) => resolve(code)));
    expect(await within(lateClose, 'the late socket to close')).toBe(CloseCode.deviceRevoked);
    expect(lateMessages.map((m) => (JSON.parse(m) as ServerMessage).type)).toEqual(['wipe']);
  });

  it('closes a document socket with 4403 when its user loses access to the record', async () => {
    const north = await env.createTeam('华北文档');
    const south = await env.createTeam('华南文档');
    const session = await env.addUser('rep', north, 'doc-rep');
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '天津文档权限有限公司', teamId: north }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    const url = `${env.server.url.replace(/^http/, 'ws')}/yjs/${docNameFor('account-plan', created.body.id)}?token=${encodeURIComponent(session.accessToken)}`;
    const ws = new WebSocket(url);
    env.onCleanup(() => ws.close());
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    // Joined: the server's first message is the access mode.
    await new Promise((resolve, reject) => {
      ws.once('message', resolve);
      ws.once('close', () => reject(new Error('closed before joining')));
    });

    await patchUser(session.user.id, { teamIds: [south] });
    expect(await within(closed, 'the document socket to close')).toBe(CloseCode.forbidden);
  });

  it.skipIf(!usePostgres)(
    'applies the change on another node sharing the database (PostgreSQL NOTIFY)',
    async () => {
      const node = await env.startNode();
      const team = await env.createTeam('跨节点组');
      const session = await env.addUser('rep', team, 'other-node-rep');
      const socket = await rawSync(session);
      const other = await RawSyncClient.connect(node, session);
      env.onCleanup(() => other.close());
      await patchUser(session.user.id, { active: false });
      expect(await within(other.closed, 'the other node to close')).toBe(CloseCode.deviceRevoked);
      expect(await within(socket.closed, 'the sync socket to close')).toBe(CloseCode.deviceRevoked);
    },
  );
});

/** People the second suite's server treats as read-only on every document they can read. */
const readOnlyUsers = new Set<string>();

describe(`document access changed while open (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({
    overrides: {
      docRooms: {
        access: async (principal, scope, ref, byRecord): Promise<DocAccess> => {
          const access = await byRecord(principal, scope, ref);
          return readOnlyUsers.has(principal.userId) && access === 'write' ? 'read' : access;
        },
      },
    },
  });

  it('turns an open document read-only when a change makes its user a reader: their edits are dropped', async () => {
    const team = await env.createTeam('只读文档组');
    const session = await env.addUser('rep', team, 'doc-reader');
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '苏州只读文档有限公司', teamId: team }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    const docName = docNameFor('account-plan', created.body.id);
    const ws = new WebSocket(
      `${env.server.url.replace(/^http/, 'ws')}/yjs/${docName}?token=${encodeURIComponent(session.accessToken)}`,
    );
    env.onCleanup(() => ws.close());
    const accessModes: number[] = [];
    const flushed = new Map<number, (status: number) => void>();
    let sawReadOnly: () => void = () => undefined;
    const readOnly = new Promise<void>((resolve) => (sawReadOnly = resolve));
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const type = decoding.readVarUint(decoder);
      if (type === DocMessage.access) {
        const mode = decoding.readVarUint(decoder);
        accessModes.push(mode);
        if (mode === DocAccessMode.readOnly) sawReadOnly();
      } else if (type === DocMessage.flushed) {
        const id = decoding.readVarUint(decoder);
        flushed.get(id)?.(decoding.readVarUint(decoder));
      }
    });
    /** Sends an edit, then asks whether everything sent so far is stored. */
    const editAndFlush = (id: number, text: string): Promise<number> => {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, text);
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, DocMessage.sync);
      syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(doc));
      ws.send(encoding.toUint8Array(update));
      const flush = encoding.createEncoder();
      encoding.writeVarUint(flush, DocMessage.flush);
      encoding.writeVarUint(flush, id);
      ws.send(encoding.toUint8Array(flush));
      return within(new Promise<number>((resolve) => flushed.set(id, resolve)), `flush ${id}`);
    };
    await new Promise((resolve) => ws.on('open', resolve));
    expect(await editAndFlush(1, '可以编辑')).toBe(FlushStatus.stored);
    const storedBefore = await env.server.docs.stats(session.workspace.id, docName);
    expect(accessModes).toEqual([DocAccessMode.readWrite]);

    readOnlyUsers.add(session.user.id);
    const res = await api(
      env.server,
      'PATCH',
      `/api/users/${session.user.id}`,
      { teamIds: [team] },
      env.admin.accessToken,
    );
    expect(res.status).toBeLessThan(300);
    await within(readOnly, 'the read-only access message');
    expect(await editAndFlush(2, '不应保存')).toBe(FlushStatus.notStored);
    expect(await env.server.docs.stats(session.workspace.id, docName)).toEqual(storedBefore);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });
});

/** `promise`, or a failure naming what did not happen within 10 s (a test fails fast, not at its timeout). */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited 10 s for ${what}`)), 10_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One replication socket driven by hand: push rows, read replies and pokes, see how it closed. */
class RawSyncClient {
  readonly received: ServerMessage[] = [];
  closeCode: number | null = null;
  readonly closed: Promise<number>;
  private nextId = 1;
  private unread: ServerMessage[] = [];
  private waiters: { type: string; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as ServerMessage;
      this.received.push(message);
      const waiter = this.waiters.find((w) => w.type === message.type);
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      } else this.unread.push(message);
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  static async connect(server: { url: string }, session: SessionResponse): Promise<RawSyncClient> {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`,
    );
    const client = new RawSyncClient(ws);
    await client.next('welcome');
    return client;
  }

  /** The next message of this type (an earlier unread one first). */
  next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    const index = this.unread.findIndex((m) => m.type === type);
    if (index >= 0)
      return Promise.resolve(
        this.unread.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>,
      );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} message`)), 10_000);
      this.waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ServerMessage, { type: T }>);
        },
      });
    });
  }

  async push(doc: WireDoc): Promise<Extract<ServerMessage, { type: 'push-result' }>> {
    this.ws.send(
      JSON.stringify({
        type: 'push',
        id: this.nextId++,
        collection: 'accounts',
        rows: [{ assumedMasterState: null, newDocumentState: doc }],
      }),
    );
    return this.next('push-result');
  }

  close(): void {
    this.ws.close(1000);
  }
}

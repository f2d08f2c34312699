import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import {
  SYNC_PATH,
  type ServerMessage,
  type SessionResponse,
  type WireDoc,
} from '../../shared/sync';
import { RecordStore } from '../../sync/server/records/record-store';
import { buildAccount } from '../support/factories';
import { engineName, eventually, useTestServer, type TestClient } from './support/harness';

/**
 * Direct fan-out (sync/server/ws/README.md): a commit's documents go straight to the connections the node knows
 * are complete up to the commit before; everyone else it may concern gets a `changed` poke and pulls. Real
 * server, real sockets: real engines (RxDB replicas) and raw sockets where a test must control the pulls.
 */
describe(`direct fan-out (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  const connect = (session: SessionResponse) => env.connect(session, { synced: true });
  /** Records the requests a client's engine sends from now on. */
  const requestsOf = (client: TestClient) => {
    const sent: string[] = [];
    const request = client.engine.connection.request.bind(client.engine.connection);
    client.engine.connection.request = (message) => {
      sent.push(message.type);
      return request(message);
    };
    return sent;
  };
  const messagesOf = (client: TestClient) => {
    const seen: ServerMessage[] = [];
    client.engine.connection.messages$.subscribe((m) => seen.push(m));
    return seen;
  };
  const rawClient = async (session: SessionResponse) => {
    const client = await RawClient.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };

  it("delivers a teammate's edit into the replica without a pull", async () => {
    const team = await env.createTeam('直推一组');
    const writer = await connect(await env.addUser('rep', team, 'direct-w'));
    const reader = await connect(await env.addUser('rep', team, 'direct-r'));
    const requests = requestsOf(reader);
    const messages = messagesOf(reader);
    const account = await writer.repos.accounts.create(
      buildAccount({ name: '杭州直推测试有限公司', teamId: team }),
    );
    await eventually(async () =>
      expect(await reader.repos.accounts.get(account.id)).not.toBeNull(),
    );
    await writer.repos.accounts.update(account.id, { notes: '第二次修改' });
    await eventually(async () =>
      expect((await reader.repos.accounts.get(account.id))?.notes).toBe('第二次修改'),
    );
    expect(requests.filter((type) => type === 'pull')).toEqual([]);
    expect(messages.filter((m) => m.type === 'changed')).toEqual([]);
    const direct = messages.filter((m) => m.type === 'changes');
    expect(direct.length).toBeGreaterThanOrEqual(2);
    expect(direct.flatMap((m) => m.documents.map((d) => d.id))).toContain(account.id);
  });

  it('pokes a client that is behind, which pulls, converges, and then gets changes directly', async () => {
    const team = await env.createTeam('落后一组');
    const writer = await connect(await env.addUser('rep', team, 'behind-w'));
    const engineReader = await connect(await env.addUser('rep', team, 'behind-e'));
    const raw = await rawClient(await env.addUser('rep', team, 'behind-raw'));
    await raw.pullAll();
    const first = await writer.repos.accounts.create(
      buildAccount({ name: '苏州落后测试有限公司', teamId: team }),
    );
    expect((await raw.next('changes')).documents.map((d) => d.id)).toEqual([first.id]);
    // A bulk import (no previous sequence known): the node cannot vouch for anyone, it pokes; the raw client
    // does not pull yet, so it is behind.
    const records = new RecordStore(env.server.sql, env.server.bus);
    const imported = {
      ...(await writer.repos.accounts.get(first.id))!,
      id: `import-${Date.now()}`,
      name: '无锡导入有限公司',
      nameKey: '',
    };
    await records.bulkUpsert(env.admin.workspace.id, 'accounts', [imported]);
    await raw.next('changed');
    await eventually(async () =>
      expect(await engineReader.repos.accounts.get(imported.id)).not.toBeNull(),
    );
    await Promise.all([writer, engineReader].map((c) => c.engine.awaitInSync()));
    // The next edit: the raw client missed the import, so it is poked again, not sent documents.
    await writer.repos.accounts.update(first.id, { notes: '落后后的修改' });
    const poke = await raw.next('changed', 'changes');
    expect(poke.type).toBe('changed');
    await writer.engine.awaitInSync();
    raw.discardUnread();
    // It pulls from its checkpoint and has everything.
    const pulled = await raw.pull();
    expect(pulled.map((d) => d.id).sort()).toEqual([first.id, imported.id].sort());
    expect(pulled.find((d) => d.id === first.id)?.notes).toBe('落后后的修改');
    // Complete again: the next edit comes as documents.
    await writer.repos.accounts.update(first.id, { notes: '又一次修改' });
    const again = await raw.next('changes', 'changed');
    expect(again.type).toBe('changes');
    expect(again.type === 'changes' && again.documents[0]?.notes).toBe('又一次修改');
    // The engine client pulled on its poke and converged too.
    await eventually(async () => {
      expect(await engineReader.repos.accounts.get(imported.id)).not.toBeNull();
      expect((await engineReader.repos.accounts.get(first.id))?.notes).toBe('又一次修改');
    });
  });

  it('removes a record moved to another team from the old team’s replicas, and gives it to the new team', async () => {
    const north = await env.createTeam('直推华北');
    const south = await env.createTeam('直推华南');
    const writer = await connect(env.admin);
    const northRep = await connect(await env.addUser('rep', north, 'move-north'));
    const southRep = await connect(await env.addUser('rep', south, 'move-south'));
    const account = await writer.repos.accounts.create(
      buildAccount({ name: '石家庄迁移测试有限公司', teamId: north }),
    );
    await eventually(async () =>
      expect(await northRep.repos.accounts.get(account.id)).not.toBeNull(),
    );
    const [northRequests, southRequests] = [requestsOf(northRep), requestsOf(southRep)];
    const northMessages = messagesOf(northRep);
    await writer.repos.accounts.update(account.id, { teamId: south });
    await eventually(async () => expect(await northRep.repos.accounts.get(account.id)).toBeNull());
    await eventually(async () =>
      expect((await southRep.repos.accounts.get(account.id))?.teamId).toBe(south),
    );
    // Both through the direct path: a tombstone for the old team, the record for the new one.
    expect([...northRequests, ...southRequests].filter((type) => type === 'pull')).toEqual([]);
    const tombstone = northMessages
      .flatMap((m) => (m.type === 'changes' ? m.documents : []))
      .find((d) => d.id === account.id);
    expect(tombstone?._deleted).toBe(true);
  });

  it('never sends a team’s documents to someone outside it, and keeps them current for their own team', async () => {
    const team = await env.createTeam('保密一组');
    const other = await env.createTeam('保密二组');
    const writer = await connect(env.admin);
    const outsider = await rawClient(await env.addUser('rep', other, 'outside'));
    await outsider.pullAll();
    const secret = await writer.repos.accounts.create(
      buildAccount({ name: '机密客户有限公司', teamId: team }),
    );
    for (let i = 0; i < 5; i++)
      await writer.repos.accounts.update(secret.id, { notes: `机密 ${i}` });
    await writer.engine.awaitInSync();
    // A change in the outsider's own team: it comes directly (the commits it could not see kept it complete).
    const own = await writer.repos.accounts.create(
      buildAccount({ name: '公开客户有限公司', teamId: other }),
    );
    const message = await outsider.next('changes', 'changed');
    expect(message.type).toBe('changes');
    expect(message.type === 'changes' && message.documents.map((d) => d.id)).toEqual([own.id]);
    expect(outsider.received.some((raw) => raw.includes(secret.id))).toBe(false);
    expect(outsider.received.filter((raw) => raw.includes('"changed"'))).toEqual([]);
  });
});

/** A bare protocol client: the test decides when it pulls. */
class RawClient {
  readonly received: string[] = [];
  private checkpoint: { seq: number } | null = null;
  private nextId = 1;
  private waiters: { types: string[]; resolve: (m: ServerMessage) => void }[] = [];
  private unread: ServerMessage[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      this.received.push(text);
      const message = JSON.parse(text) as ServerMessage;
      const waiter = this.waiters.find((w) => w.types.includes(message.type));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(message);
      } else this.unread.push(message);
    });
  }

  static async connect(server: { url: string }, session: SessionResponse): Promise<RawClient> {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`,
    );
    const client = new RawClient(ws);
    await client.next('welcome');
    return client;
  }

  /** The next message of one of these types (earlier unread ones first); others are kept unread. */
  next<T extends ServerMessage['type']>(
    ...types: T[]
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const index = this.unread.findIndex((m) => (types as string[]).includes(m.type));
    if (index >= 0)
      return Promise.resolve(
        this.unread.splice(index, 1)[0] as Extract<ServerMessage, { type: T }>,
      );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${types.join('/')} message`)), 10_000);
      this.waiters.push({
        types,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<ServerMessage, { type: T }>);
        },
      });
    });
  }

  discardUnread(): void {
    this.unread = [];
  }

  /** One pull from the checkpoint (batch 1000); returns its documents and moves the checkpoint. */
  async pull(): Promise<WireDoc[]> {
    this.ws.send(
      JSON.stringify({
        type: 'pull',
        id: this.nextId++,
        collection: 'accounts',
        checkpoint: this.checkpoint,
        batchSize: 1000,
      }),
    );
    const reply = await this.next('pull-result');
    this.checkpoint = reply.checkpoint ?? this.checkpoint;
    return reply.documents;
  }

  /** Pulls until a short page: the server now knows this connection is complete. */
  async pullAll(): Promise<void> {
    while ((await this.pull()).length >= 1000);
  }

  close(): void {
    this.ws.close(1000);
  }
}

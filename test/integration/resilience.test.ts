import { afterAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { freePort, spawnServer, type ServerProcess } from '../support/server-process';
import {
  api,
  connectClient,
  createTestDatabase,
  createWorkspace,
  eventually,
  startServer,
  usePostgres,
  type TestClient,
} from './support/harness';

/** Starts the real `npm run server` entry point on `database` as a child process (so it can be SIGKILLed). */
const spawnOn = (port: number, database: { dataDir?: string; databaseUrl?: string }) =>
  spawnServer({ port, ...database });

describe('durability and several nodes', { timeout: 120_000 }, () => {
  const clients: TestClient[] = [];
  const children: ServerProcess[] = [];
  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const child of children) await child.kill();
  });

  /** A database, a server process on a port of its own (killable), and a workspace on it. */
  const spawnedWorkspace = async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    children.push(await spawnOn(port, database));
    return { database, port, url, admin: await createWorkspace({ url }) };
  };

  it('loses no acknowledged write when the server is SIGKILLed mid-sync and restarted', async () => {
    const { database, port, url, admin } = await spawnedWorkspace();
    let child = children[children.length - 1];
    const client = await connectClient({ url }, admin);
    clients.push(client);

    const ids: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 300; i++) {
        ids.push(
          (await client.repos.accounts.create(buildAccount({ name: `崩溃测试${i}有限公司` }))).id,
        );
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // Kill the server while pushes are in flight.
    await eventually(() => {
      expect(ids.length).toBeGreaterThan(60);
      expect(client.engine.pendingCount).toBeLessThan(ids.length - 20);
    }, 20_000);
    await child.kill();
    client.engine.pause();
    // Acknowledged = written locally and no longer pending (the server replied to the push that carried it).
    const pending = new Set(client.engine.pendingKeys());
    const acknowledged = ids.filter((id) => !pending.has(`accounts/${id}`));
    expect(acknowledged.length).toBeGreaterThan(0);
    await writing;

    child = await spawnOn(port, database);
    children.push(child);
    const login = await api<SessionResponse>({ url }, 'POST', '/api/auth/refresh', {
      refreshToken: admin.refreshToken,
    });
    expect(login.status).toBe(200);
    // Before the client pushes again, every acknowledged write is already on the restarted server.
    for (const id of acknowledged) {
      expect(
        (
          await api(
            { url },
            'GET',
            `/api/records/accounts/${id}`,
            undefined,
            login.body.accessToken,
          )
        ).status,
      ).toBe(200);
    }
    // Then the client reconnects and pushes the rest: in the end every write is on the server, once.
    client.engine.resume();
    await eventually(() => expect(client.engine.pendingCount).toBe(0), 60_000);
    const all: string[] = [];
    let since = 0;
    for (;;) {
      const page = await api<{ documents: { id: string }[]; checkpoint: { seq: number } | null }>(
        { url },
        'GET',
        `/api/records/accounts?since=${since}&limit=1000`,
        undefined,
        login.body.accessToken,
      );
      all.push(...page.body.documents.map((d) => d.id));
      if (page.body.documents.length < 1000) break;
      since = page.body.checkpoint!.seq;
    }
    expect(new Set(all)).toEqual(new Set(ids));
    expect(all.length).toBe(ids.length);
    await child.kill();
    await database.drop();
  });

  it('a fresh laptop whose first download is cut by a SIGKILLed server resumes after the restart, with nothing missing', async () => {
    const { database, port, url, admin } = await spawnedWorkspace();
    let child = children[children.length - 1];
    const seeder = await connectClient({ url }, admin);
    clients.push(seeder);
    const ids: string[] = [];
    for (let i = 0; i < 240; i++)
      ids.push(
        (await seeder.repos.accounts.create(buildAccount({ name: `首次下载${i}有限公司` }))).id,
      );
    await eventually(() => expect(seeder.engine.pendingCount).toBe(0), 60_000);
    await seeder.close();

    // The new laptop downloads in pages of 10: the server is killed as soon as 40 documents are in.
    const fresh = await connectClient({ url }, admin, { pullBatchSize: 10 });
    clients.push(fresh);
    const dying = child;
    await new Promise<void>((resolve) => {
      let fired = false;
      const sub = fresh.engine.status$.subscribe((status) => {
        if (fired || (status.initialDownload?.done ?? 0) < 40) return;
        fired = true;
        queueMicrotask(() => sub.unsubscribe());
        void dying.kill().then(resolve);
      });
    });
    const before = await fresh.repos.accounts.count({ deleted: false });
    expect(before).toBeLessThan(ids.length);
    child = await spawnOn(port, database);
    children.push(child);
    await eventually(
      async () => expect(await fresh.repos.accounts.count({ deleted: false })).toBe(ids.length),
      60_000,
    );
    const held = await fresh.repos.accounts.find({ selector: { deleted: false }, limit: 1000 });
    expect(new Set(held.map((a) => a.id))).toEqual(new Set(ids));
    // It went on from its checkpoint: no pull after the restart started from the beginning again.
    const pulls = fresh.sent.filter((m) => m.type === 'pull' && m.collection === 'accounts');
    expect(pulls.filter((m) => m.type === 'pull' && m.checkpoint === null)).toHaveLength(1);
    await child.kill();
    await database.drop();
  });

  it.skipIf(!usePostgres)(
    "two nodes on one PostgreSQL fan out to each other's clients, without loss or duplicates",
    async () => {
      const database = await createTestDatabase();
      const node1 = await startServer(database);
      const node2 = await startServer(database);
      try {
        const admin = await createWorkspace(node1);
        const onNode1 = await connectClient(node1, admin);
        const onNode2 = await connectClient(node2, admin);
        clients.push(onNode1, onNode2);
        const created: string[] = [];
        for (let i = 0; i < 50; i++)
          created.push(
            (await onNode1.repos.accounts.create(buildAccount({ name: `双节点${i}有限公司` }))).id,
          );
        const fromNode2 = await onNode2.repos.accounts.create(
          buildAccount({ name: '节点二写入有限公司' }),
        );
        await eventually(
          async () => expect(await onNode2.repos.accounts.count({ deleted: false })).toBe(51),
          20_000,
        );
        await eventually(
          async () => expect(await onNode1.repos.accounts.get(fromNode2.id)).not.toBeNull(),
          20_000,
        );
        const onTwo = await onNode2.repos.accounts.find({
          selector: { deleted: false },
          limit: 1000,
        });
        expect(new Set(onTwo.map((a) => a.id))).toEqual(new Set([...created, fromNode2.id]));
      } finally {
        await node1.stop();
        await node2.stop();
        await database.drop();
      }
    },
  );
});

import { beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData } from '../../shared/sample-data';
import type { ClientMessage, SessionResponse } from '../../shared/sync';
import { RecordStore } from '../../sync/server/records/record-store';
import { api, eventually, useTestServer, type TestClient } from './support/harness';

/**
 * A fresh replica downloads through the bootstrap (sync/client/bootstrap.ts): pages written straight into the
 * replica's storage without RxDB's assumed-master copies, then the replication takes over from the bootstrap's
 * checkpoints. These tests hold it to the guarantees of the old path (RxDB's replication from the start).
 */
describe('the bootstrap of a fresh replica', { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  let records: RecordStore;
  const total = 1150;
  let liveIds: string[] = [];

  beforeAll(async () => {
    records = new RecordStore(env.server.sql, env.server.bus);
    const data = generateSampleData({
      size: { accounts: total },
      workspaceId: env.admin.workspace.id,
      now: Date.UTC(2026, 0, 15),
      seed: 7,
    });
    const accounts = [...data.records('accounts')].map((a) => ({
      ...a,
      ownerId: env.admin.user.id,
      teamId: env.admin.user.teamIds[0] ?? null,
    }));
    await records.bulkUpsert(env.admin.workspace.id, 'accounts', accounts);
    liveIds = accounts.map((a) => a.id);
  }, 180_000);

  const accountIds = async (client: TestClient) =>
    (await client.db.accounts.find().exec()).map((doc) => doc.id).sort();

  const serverRecord = async (id: string) =>
    (
      await api<Record<string, unknown>>(
        env.server,
        'GET',
        `/api/records/accounts/${id}`,
        undefined,
        env.admin.accessToken,
      )
    ).body;

  const pushesOf = (client: TestClient) =>
    client.sent.filter(
      (m): m is Extract<ClientMessage, { type: 'push' }> =>
        m.type === 'push' && m.collection === 'accounts',
    );

  it('converges with a replica that replicated the old way, and pushes none of what it downloaded', async () => {
    const fresh = await env.connect(env.admin, { synced: true });
    const old = await env.connect(env.admin, { bootstrap: false, synced: true });
    expect(await accountIds(fresh)).toEqual([...liveIds].sort());
    expect(await accountIds(old)).toEqual(await accountIds(fresh));
    expect(pushesOf(fresh)).toEqual([]);
    // Live changes reach both, whichever way they were filled.
    const target = liveIds[10];
    await old.repos.accounts.update(target, { website: 'https://old.example.cn' });
    await eventually(async () =>
      expect((await fresh.repos.accounts.get(target))?.website).toBe('https://old.example.cn'),
    );
    await fresh.repos.accounts.update(target, { phone: '021-55550000' });
    await eventually(async () =>
      expect((await old.repos.accounts.get(target))?.phone).toBe('021-55550000'),
    );
    expect((await fresh.repos.accounts.get(target))?.website).toBe('https://old.example.cn');
  });

  it('merges its first edit of a downloaded record field by field with a concurrent edit', async () => {
    const fresh = await env.connect(env.admin, { synced: true });
    const other = await env.connect(env.admin, { synced: true });
    const target = liveIds[20];
    fresh.engine.pause();
    await fresh.repos.accounts.update(target, { website: 'https://fresh.example.cn' });
    await other.repos.accounts.update(target, { phone: '010-66660000' });
    await eventually(async () => expect((await serverRecord(target)).phone).toBe('010-66660000'));
    fresh.engine.resume();
    for (const client of [fresh, other])
      await eventually(async () =>
        expect(await client.repos.accounts.get(target)).toMatchObject({
          website: 'https://fresh.example.cn',
          phone: '010-66660000',
        }),
      );
    expect(await serverRecord(target)).toMatchObject({
      website: 'https://fresh.example.cn',
      phone: '010-66660000',
    });
    // RxDB had no assumed master of the downloaded record: the push merged against the state it was downloaded in.
    const push = pushesOf(fresh).find((m) => m.rows.some((r) => r.newDocumentState.id === target));
    const row = push?.rows.find((r) => r.newDocumentState.id === target);
    expect(row?.assumedMasterState?.id).toBe(target);
    expect(row?.assumedMasterState?.phone).not.toBe('010-66660000');
    const history = await api<{ kind: string; field: string }[]>(
      env.server,
      'GET',
      `/api/records/accounts/${target}/history`,
      undefined,
      env.admin.accessToken,
    );
    expect(history.body.filter((h) => h.kind === 'merge')).toEqual([]);
  });

  it('resumes after the socket closes and after the app reloads, without gaps, with what changed meanwhile', async () => {
    const changed = liveIds[3];
    const deleted = liveIds[5];
    const session: SessionResponse = env.admin;
    let laptop = await env.connect(session, { pullBatchSize: 100 });
    // The socket drops after a few pages, and comes back.
    await eventually(() =>
      expect(laptop.engine.status$.value.initialDownload?.done ?? 0).toBeGreaterThanOrEqual(300),
    );
    laptop.engine.pause();
    await api(
      env.server,
      'PATCH',
      `/api/records/accounts/${changed}`,
      { website: 'https://changed.example.cn' },
      env.admin.accessToken,
    );
    laptop.engine.resume();
    await eventually(() =>
      expect(laptop.engine.status$.value.initialDownload?.done ?? 0).toBeGreaterThanOrEqual(700),
    );
    // The app closes mid-download and opens again on the same replica.
    await laptop.close();
    const downloaded = (await laptop.reopen({ start: false })).db;
    const before = (await downloaded.accounts.find().exec()).length;
    expect(before).toBeGreaterThanOrEqual(700);
    expect(before).toBeLessThan(total);
    await downloaded.close();
    await api(
      env.server,
      'DELETE',
      `/api/records/accounts/${deleted}`,
      undefined,
      env.admin.accessToken,
    );
    laptop = await laptop.reopen();
    env.onCleanup(() => laptop.close());
    await laptop.engine.awaitInSync();
    // Every record once (ids are the replica's keys), the one changed meanwhile as changed, the one deleted
    // meanwhile in the recycle bin.
    expect(await accountIds(laptop)).toEqual([...liveIds].sort());
    expect((await laptop.repos.accounts.get(changed))?.website).toBe('https://changed.example.cn');
    expect((await laptop.db.accounts.findOne(deleted).exec())?.deleted).toBe(true);
    // The reopened laptop went on from where it was: it did not ask for the first pages again.
    const pulls = laptop.sent.filter((m) => m.type === 'pull');
    const first = pulls[0];
    expect(first.type === 'pull' ? first.checkpoint?.seq : undefined).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { ServerMessage, SessionResponse } from '../../shared/sync';
import { generateSampleData } from '../../shared/sample-data';
import { RecordStore } from '../../sync/server/records/record-store';
import { seedSampleData, seedWorkspace } from '../../sync/server/seed/seed-workspace';
import { buildAccount } from '../support/factories';
import {
  api,
  engineName,
  eventually,
  TEST_PASSWORD,
  useTestServer,
  type TestClient,
} from './support/harness';

/**
 * Fan-out at scale (BENCHMARKS.md B9) without losing anything: pokes go only to people who can see the change,
 * never back to the connection that made it; pull answers shared between teammates never miss a change; the
 * bulk seeding path writes records every client can pull.
 */
describe(`fan-out and shared pulls (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  const connect = (session: SessionResponse) => env.connect(session);
  const pokes = (client: TestClient) => {
    const seen: ServerMessage[] = [];
    // Told: poked (`changed`) or sent the documents (`changes`, sync/server/ws/README.md).
    client.engine.connection.messages$.subscribe(
      (m) => (m.type === 'changed' || m.type === 'changes') && seen.push(m),
    );
    return seen;
  };

  it('tells only the people who can see a change, and not the one who made it', async () => {
    const north = await env.createTeam('华北');
    const south = await env.createTeam('华南');
    const northRep = await connect(await env.addUser('rep', north, 'fan-north'));
    const southRep = await connect(await env.addUser('rep', south, 'fan-south'));
    const writer = await connect(env.admin);
    for (const c of [northRep, southRep, writer])
      await eventually(() => expect(c.engine.status$.value.connection).toBe('online'));
    await Promise.all([northRep, southRep, writer].map((c) => c.engine.awaitInSync()));
    const [northPokes, southPokes, writerPokes] = [pokes(northRep), pokes(southRep), pokes(writer)];
    const account = await writer.repos.accounts.create(
      buildAccount({ name: '天津扇出测试有限公司', teamId: north }),
    );
    await eventually(async () =>
      expect(await northRep.repos.accounts.get(account.id)).not.toBeNull(),
    );
    await writer.engine.awaitInSync();
    expect(northPokes.length).toBeGreaterThan(0);
    // A later change that the south rep and the writer may see, made elsewhere (REST): each connection is told
    // of commits in order, so once they hear of this one, a message about the first would have come before it.
    const marker = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '广州扇出标记有限公司', teamId: south }),
      env.admin.accessToken,
    );
    expect(marker.status).toBe(201);
    const about = (m: ServerMessage) =>
      m.type === 'changes' ? m.documents.map((d) => d.id) : ['(poke)'];
    for (const seen of [southPokes, writerPokes]) {
      await eventually(() => expect(seen.length).toBeGreaterThan(0));
      expect(seen.flatMap(about)).not.toContain(account.id);
      // Exactly one message: the marker's (a poke carries no ids, so the count says it).
      expect(seen).toHaveLength(1);
    }
    // Moving the record to the south team tells both teams (the north rep must drop it).
    await writer.repos.accounts.update(account.id, { teamId: south });
    await eventually(async () => expect(await northRep.repos.accounts.get(account.id)).toBeNull());
    await eventually(async () =>
      expect(await southRep.repos.accounts.get(account.id)).not.toBeNull(),
    );
  });

  it('never lets a shared pull answer miss a change, however fast changes come', async () => {
    const team = await env.createTeam('华东');
    const readers = [
      await connect(await env.addUser('rep', team, 'fan-r1')),
      await connect(await env.addUser('rep', team, 'fan-r2')),
      await connect(await env.addUser('rep', team, 'fan-r3')),
    ];
    const writer = await connect(env.admin);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const account = await writer.repos.accounts.create(
        buildAccount({ name: `上海快速写入${i}号有限公司`, teamId: team }),
      );
      ids.push(account.id);
      if (i % 3 === 0)
        await writer.repos.accounts.update(ids[Math.floor(i / 2)], { notes: `第 ${i} 次修改` });
    }
    await writer.engine.awaitInSync();
    for (const reader of readers) {
      await eventually(async () => {
        const found = await reader.repos.accounts.getMany(ids);
        expect(found.size).toBe(ids.length);
        for (const id of ids)
          expect(found.get(id)?.notes).toBe((await writer.repos.accounts.get(id))?.notes);
      }, 20_000);
    }
  });

  it('seeds a workspace in bulk that clients then pull like any other', async () => {
    const records = new RecordStore(env.server.sql, env.server.bus);
    const workspaceId = `ws-seed-${Date.now()}`;
    const base = {
      seed: 3,
      now: Date.UTC(2026, 0, 15),
      workspaceId,
      utcOffsetMinutes: 480,
      idPrefix: 'seed-',
    };
    const members = [...generateSampleData({ ...base, size: {} }).records('members')].map((m) => ({
      ...m,
      email: m.email ? `seed-${Date.now()}-${m.email}` : '',
    }));
    await seedWorkspace(env.server.sql, records, {
      workspaceId,
      workspaceName: '批量',
      members,
      password: TEST_PASSWORD,
    });
    const written = await seedSampleData(
      records,
      workspaceId,
      generateSampleData({ ...base, size: { accounts: 120, contacts: 50 }, members }),
      { batchSize: 50 },
    );
    expect(written).toBeGreaterThanOrEqual(170);
    const adminEmail = members.find((m) => m.kind === 'user' && m.role === 'admin')?.email ?? '';
    const response = await fetch(`${env.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: TEST_PASSWORD, deviceName: 'test' }),
    });
    expect(response.status).toBe(200);
    const client = await connect((await response.json()) as SessionResponse);
    await eventually(async () => expect(await client.db.accounts.count().exec()).toBe(120), 20_000);
  });
});

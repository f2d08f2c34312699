import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HistoryEntry, SessionResponse } from '../../shared/sync';
import { buildAccount, buildDeal } from '../support/factories';
import { api, engineName, eventually, TEST_PASSWORD, useTestServer } from './support/harness';

describe(`team sync over real sockets (${engineName})`, { timeout: 30_000 }, () => {
  const env = useTestServer();
  const connect = (session: SessionResponse) => env.connect(session);

  it('two clients converge', async () => {
    const a = await connect(env.admin);
    const b = await connect(env.admin);
    const account = await a.repos.accounts.create(buildAccount({ name: '上海同步测试有限公司' }));
    await eventually(async () =>
      expect((await b.repos.accounts.get(account.id))?.name).toBe('上海同步测试有限公司'),
    );
    await b.repos.accounts.update(account.id, { phone: '021-12345678' });
    await eventually(async () =>
      expect((await a.repos.accounts.get(account.id))?.phone).toBe('021-12345678'),
    );
    await eventually(() => expect(a.engine.status$.value.pending).toBe(0));
  });

  it('keeps both edits when two offline clients change different fields of one deal', async () => {
    const a = await connect(env.admin);
    const b = await connect(env.admin);
    const account = await a.repos.accounts.create(buildAccount({ name: '北京离线合并有限公司' }));
    const deal = await a.repos.deals.create(
      buildDeal({ accountId: account.id, name: '离线合并商机' }),
    );
    await eventually(async () => expect(await b.repos.deals.get(deal.id)).not.toBeNull());
    await a.engine.awaitInSync();
    await b.engine.awaitInSync();
    a.engine.pause();
    b.engine.pause();
    await a.repos.deals.update(deal.id, { amount: 250000 });
    await b.repos.deals.update(deal.id, { closeDate: '2027-03-31' });
    a.engine.resume();
    b.engine.resume();
    for (const client of [a, b]) {
      await eventually(async () =>
        expect(await client.repos.deals.get(deal.id)).toMatchObject({
          amount: 250000,
          closeDate: '2027-03-31',
        }),
      );
    }
  });

  it('decides a same-field conflict by the documented rule and keeps the loser in history', async () => {
    const a = await connect(env.admin);
    const b = await connect(env.admin);
    const account = await a.repos.accounts.create(buildAccount({ name: '深圳冲突规则有限公司' }));
    const deal = await a.repos.deals.create(
      buildDeal({ accountId: account.id, name: '同字段冲突' }),
    );
    await eventually(async () => expect(await b.repos.deals.get(deal.id)).not.toBeNull());
    await a.engine.awaitInSync();
    a.engine.pause();
    b.engine.pause();
    await a.repos.deals.update(deal.id, { competitor: '友商甲' });
    // B edits clearly later than A. Two offline edits a millisecond or two apart are concurrent: their hybrid-clock
    // stamps order them, and A's clock may run that far ahead of B's after observing the server's stamps (seen on
    // PostgreSQL: B's stamp 1 ms below A's). That is the rule too, but not the case this test is about.
    const aEditedAt = Date.now();
    while (Date.now() < aEditedAt + 20) await new Promise((resolve) => setTimeout(resolve, 5));
    await b.repos.deals.update(deal.id, { competitor: '友商乙' });
    // A reaches the server first, then B: the later write to the server wins ("last write wins").
    a.engine.resume();
    await eventually(async () => {
      const stored = await api<Record<string, unknown>>(
        env.server,
        'GET',
        `/api/records/deals/${deal.id}`,
        undefined,
        env.admin.accessToken,
      );
      expect(stored.body.competitor).toBe('友商甲');
    });
    b.engine.resume();
    for (const client of [a, b])
      await eventually(async () =>
        expect((await client.repos.deals.get(deal.id))?.competitor).toBe('友商乙'),
      );
    const history = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/deals/${deal.id}/history`,
      undefined,
      env.admin.accessToken,
    );
    const merge = history.body.find((h) => h.kind === 'merge' && h.field === 'competitor');
    expect(merge).toMatchObject({ oldValue: '友商甲', newValue: '友商乙' });
  });

  it('rejects invalid and unauthorized writes with a reason, and the client keeps the typed value', async () => {
    const east = await env.createTeam('华东');
    const west = await env.createTeam('华西');
    const repSession = await env.addUser('rep', east, 'rep-east');
    const rep = await connect(repSession);
    const account = await rep.repos.accounts.create(
      buildAccount({ name: '杭州越权测试有限公司', teamId: east }),
    );
    await eventually(async () =>
      expect(
        (
          await api(
            env.server,
            'GET',
            `/api/records/accounts/${account.id}`,
            undefined,
            env.admin.accessToken,
          )
        ).status,
      ).toBe(200),
    );
    // Moving the record to a team outside the rep's scope is refused by the server.
    await rep.repos.accounts.update(account.id, { teamId: west, notes: '想转给华西' });
    await eventually(() =>
      expect(rep.rejections.map((r) => r.reason)).toContain('sync.rejected.outOfScope'),
    );
    const rejection = rep.rejections.find((r) => r.id === account.id)!;
    expect(rejection.attempted).toMatchObject({ teamId: west, notes: '想转给华西' });
    // The replica goes back to the server's state.
    await eventually(async () =>
      expect((await rep.repos.accounts.get(account.id))?.teamId).toBe(east),
    );
    // A REST write with a bad credit code gets 422 with the field named.
    const bad = await api<{ error: { issues: { path: string; message: string }[] } }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '坏信用代码有限公司', creditCode: '91310115000000000X' }),
      env.admin.accessToken,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0]).toMatchObject({ path: 'creditCode' });
  });

  it("never sends a user another team's records, and removes records that leave their scope", async () => {
    const north = await env.createTeam('华北');
    const south = await env.createTeam('华南');
    const northRep = await connect(await env.addUser('rep', north, 'rep-north'));
    const southRep = await connect(await env.addUser('rep', south, 'rep-south'));
    const adminClient = await connect(env.admin);
    const northAccount = await adminClient.repos.accounts.create(
      buildAccount({ name: '天津北方贸易有限公司', teamId: north }),
    );
    const southAccount = await adminClient.repos.accounts.create(
      buildAccount({ name: '广州南方贸易有限公司', teamId: south }),
    );
    await eventually(async () =>
      expect(await northRep.repos.accounts.get(northAccount.id)).not.toBeNull(),
    );
    await eventually(async () =>
      expect(await southRep.repos.accounts.get(southAccount.id)).not.toBeNull(),
    );
    await northRep.engine.awaitInSync();
    expect(await northRep.repos.accounts.get(southAccount.id)).toBeNull();
    expect(await southRep.repos.accounts.get(northAccount.id)).toBeNull();
    // The admin moves the north account to the south team: it disappears from the north rep's replica.
    await adminClient.repos.accounts.update(northAccount.id, { teamId: south });
    await eventually(async () =>
      expect(await northRep.repos.accounts.get(northAccount.id)).toBeNull(),
    );
    await eventually(async () =>
      expect(await southRep.repos.accounts.get(northAccount.id)).not.toBeNull(),
    );
  });

  it("a refused push for a record that left the pusher's scope never hands them the record as it is now", async () => {
    const north = await env.createTeam('华北二');
    const south = await env.createTeam('华南二');
    const northRep = await connect(await env.addUser('rep', north, 'rep-north-2'));
    const adminClient = await connect(env.admin);
    const account = await adminClient.repos.accounts.create(
      buildAccount({ name: '石家庄北方机械有限公司', teamId: north }),
    );
    await eventually(async () =>
      expect(await northRep.repos.accounts.get(account.id)).not.toBeNull(),
    );
    await northRep.engine.awaitInSync();
    // Every state of the record the north rep's replica ever holds.
    const seen: Record<string, unknown>[] = [];
    const subscription = northRep.db.accounts.$.subscribe((event) => seen.push(event.documentData));
    northRep.engine.pause();
    await northRep.repos.accounts.update(account.id, { notes: '北方的备注' });
    // Meanwhile the record moves to the south team, with something only the south team may read.
    await adminClient.repos.accounts.update(account.id, { teamId: south, notes: '南方机密报价' });
    await eventually(async () => {
      const stored = await api<Record<string, unknown>>(
        env.server,
        'GET',
        `/api/records/accounts/${account.id}`,
        undefined,
        env.admin.accessToken,
      );
      expect(stored.body.teamId).toBe(south);
    });
    northRep.engine.resume();
    await eventually(() => expect(northRep.rejections.map((r) => r.id)).toContain(account.id));
    await eventually(async () => expect(await northRep.repos.accounts.get(account.id)).toBeNull());
    await northRep.engine.awaitInSync();
    subscription.unsubscribe();
    expect(seen.some((doc) => doc.teamId === south || doc.notes === '南方机密报价')).toBe(false);
    // What they typed is kept in their inbox.
    expect(northRep.rejections.find((r) => r.id === account.id)?.attempted).toMatchObject({
      notes: '北方的备注',
    });
  });

  it('revokes a device: its tokens stop working and it is told to wipe its replica', async () => {
    const laptop = await env.addUser('rep', '', 'rep-lost-laptop');
    const client = await connect(laptop);
    await eventually(() => expect(client.engine.status$.value.connection).toBe('online'));
    const revoke = await api(
      env.server,
      'POST',
      `/api/devices/${laptop.deviceId}/revoke`,
      {},
      env.admin.accessToken,
    );
    expect(revoke.status).toBe(200);
    await eventually(() => expect(client.engine.status$.value.revoked).toBe(true));
    const refresh = await api<{ error: { code: string } }>(
      env.server,
      'POST',
      '/api/auth/refresh',
      {
        refreshToken: laptop.refreshToken,
      },
    );
    expect(refresh.status).toBe(401);
    expect(refresh.body.error.code).toBe('device_revoked');
    const me = await api(env.server, 'GET', '/api/me', undefined, laptop.accessToken);
    expect(me.status).toBe(401);
  });

  it('serves an OpenAPI document and refreshes tokens (the old refresh token stops working)', async () => {
    const doc = await api<{ openapi: string; paths: Record<string, unknown> }>(
      env.server,
      'GET',
      '/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/records/{collection}/{id}/history');
    const login = await api<SessionResponse>(env.server, 'POST', '/api/auth/login', {
      email: env.admin.user.email,
      password: TEST_PASSWORD,
      deviceName: 'cli',
    });
    const refreshed = await api<SessionResponse>(env.server, 'POST', '/api/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(
      (
        await api(env.server, 'POST', '/api/auth/refresh', {
          refreshToken: login.body.refreshToken,
        })
      ).status,
    ).toBe(401);
    // Reusing the spent token ended the whole sign-in (refresh-token-reuse.test.ts): its new tokens too.
    expect(
      (await api(env.server, 'GET', '/api/me', undefined, refreshed.body.accessToken)).status,
    ).toBe(401);
  });

  it('answers malformed, oversized and unauthorized messages with errors and stays up', async () => {
    const unauthorized = new WebSocket(
      `${env.server.url.replace('http', 'ws')}/sync?token=forged.token`,
    );
    const closeCode = await new Promise<number>((resolve) =>
      unauthorized.on('close', (code) => resolve(code)),
    );
    expect(closeCode).toBe(4401);

    const socket = new WebSocket(
      `${env.server.url.replace('http', 'ws')}/sync?token=${env.admin.accessToken}`,
    );
    const messages: { type: string; code?: string }[] = [];
    socket.on('message', (data) =>
      messages.push(JSON.parse((data as Buffer).toString('utf8')) as { type: string }),
    );
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send('this is not json');
    socket.send(JSON.stringify({ type: 'push', id: 1, collection: 'nope', rows: [] }));
    socket.send(
      JSON.stringify({
        type: 'pull',
        id: 2,
        collection: 'accounts',
        checkpoint: { seq: -5 },
        batchSize: 10,
      }),
    );
    await eventually(() =>
      expect(messages.filter((m) => m.type === 'error').map((m) => m.code)).toEqual([
        'malformed',
        'invalid_message',
        'invalid_message',
      ]),
    );
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const health = await api<{ status: string }>(env.server, 'GET', '/health');
    expect(health.body.status).toBe('ok');
  });
});

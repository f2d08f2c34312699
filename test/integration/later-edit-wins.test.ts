import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal, LineItem } from '../../shared/domain';
import { sameRecord, wallOf, type HistoryEntry, type SessionResponse } from '../../shared/sync';
import { lineItemsTotal } from '../../shared/rules';
import { buildAccount, buildDeal } from '../support/factories';
import {
  api,
  engineName,
  eventually,
  useTestServer,
  type TestClient,
  type TestServer,
} from './support/harness';

const DAY = 24 * 60 * 60 * 1000;

/** The entity fields of a record (no replication bookkeeping). */
function entity(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}

async function storedDeal(env: TestServer, id: string): Promise<Record<string, unknown>> {
  const res = await api<Record<string, unknown>>(
    env.server,
    'GET',
    `/api/records/deals/${id}`,
    undefined,
    env.admin.accessToken,
  );
  expect(res.status).toBe(200);
  return entity(res.body);
}

async function historyOf(env: TestServer, id: string): Promise<HistoryEntry[]> {
  const res = await api<HistoryEntry[]>(
    env.server,
    'GET',
    `/api/records/deals/${id}/history`,
    undefined,
    env.admin.accessToken,
  );
  expect(res.status).toBe(200);
  return res.body;
}

async function replicaDeal(
  client: TestClient,
  id: string,
): Promise<Record<string, unknown> | null> {
  const doc = await client.db.collections.deals.findOne(id).exec();
  return doc ? entity(doc.toJSON()) : null;
}

/** Every laptop has pushed and pulled all it knows of, holds what the server stored, and has nothing pending. */
async function expectConverged(
  env: TestServer,
  clients: TestClient[],
  id: string,
): Promise<Record<string, unknown>> {
  await Promise.all(clients.map((client) => client.engine.awaitInSync()));
  let stored: Record<string, unknown> = {};
  await eventually(async () => {
    stored = await storedDeal(env, id);
    for (const [i, client] of clients.entries()) {
      const replica = await replicaDeal(client, id);
      expect({ laptop: i, pending: client.engine.pendingCount }).toEqual({ laptop: i, pending: 0 });
      expect(replica && sameRecord(replica, stored), `laptop ${i} holds the stored deal`).toBe(
        true,
      );
    }
  }, 15_000);
  for (const client of clients) expect(client.rejections).toEqual([]);
  return stored;
}

/** The stamp a laptop sent for `path` of record `id` in its last push carrying it. */
function sentStamp(client: TestClient, id: string, path: string): string | undefined {
  let found: string | undefined;
  for (const message of client.sent)
    if (message.type === 'push')
      for (const row of message.rows)
        if (row.newDocumentState.id === id && row.stamps?.[path]) found = row.stamps[path];
  return found;
}

/** Resolves once the wall clock is past `wall` (a positive signal: stamps made from now on are later). */
async function clockPast(wall: number): Promise<void> {
  // A margin over the few milliseconds two laptops' offsets to the server may differ by.
  await eventually(() => expect(Date.now()).toBeGreaterThan(wall + 50), 30_000);
}

async function goOffline(client: TestClient): Promise<void> {
  client.engine.pause();
  await eventually(() => expect(client.engine.status$.value.connection).toBe('offline'));
}

const item = (product: string, quantity: number, unitPrice: number): LineItem => ({
  id: crypto.randomUUID(),
  product,
  quantity,
  unitPrice,
  discount: 0,
});

/**
 * Issue 15, "the later edit wins", on real laptops: the real sync engine and RxDB replicas over real sockets, a
 * real server on PGlite or PostgreSQL. Each edit is stamped on its laptop when it is made (hybrid logical clock,
 * corrected by the offset to the server's clock), and a same-field conflict goes to the later edit, whatever
 * order the pushes reach the server in.
 */
describe(`the later edit wins across laptops (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['accounts', 'deals'] });
  let team: string;
  let sessions: SessionResponse[];
  let accountId: string;

  beforeAll(async () => {
    team = await env.createTeam('华东销售部');
    sessions = [
      await env.addUser('rep', team, 'lin-xiao'),
      await env.addUser('rep', team, 'wang-lei'),
      await env.addUser('rep', team, 'zhou-min'),
    ];
  }, 60_000);

  /** Two (or more) synced laptops and a deal both hold. */
  async function laptopsWithDeal(
    count: number,
    deal: Partial<Deal> = {},
    now?: (() => number)[],
  ): Promise<{ laptops: TestClient[]; id: string }> {
    const laptops: TestClient[] = [];
    for (let i = 0; i < count; i++)
      laptops.push(await env.connect(sessions[i], { synced: true, now: now?.[i] }));
    if (!accountId)
      accountId = (
        await laptops[0].repos.accounts.create(
          buildAccount({ name: '杭州西湖软件有限公司', teamId: team }),
        )
      ).id;
    const created = await laptops[0].repos.deals.create(
      buildDeal({ accountId, teamId: team, name: '华东年度框架采购', ...deal }),
    );
    await eventually(async () => {
      for (const laptop of laptops) expect(await replicaDeal(laptop, created.id)).not.toBeNull();
    });
    await expectConverged(env, laptops, created.id);
    return { laptops, id: created.id };
  }

  it("Monday's offline edit synced on Wednesday loses to Tuesday's online edit of the same field, and is kept in history", async () => {
    const {
      laptops: [a, b],
      id,
    } = await laptopsWithDeal(2, { amount: 100_000 });

    // Monday: B is on a plane and changes the amount.
    await goOffline(b);
    await b.repos.deals.update(id, { amount: 110_000 });
    const monday = wallOf(b.engine.pendingChanges()[0].fields[0].stamp);
    expect(b.engine.pendingChanges()).toMatchObject([
      { collection: 'deals', id, fields: [{ path: 'amount', edits: 1 }] },
    ]);

    // Tuesday: A, online, changes the same amount; the server stores it at once.
    await clockPast(monday);
    await a.repos.deals.update(id, { amount: 120_000 });
    await a.engine.awaitInSync();
    await eventually(async () => expect((await storedDeal(env, id)).amount).toBe(120_000));

    // Wednesday: B lands and syncs. Its push reaches the server last, but its edit was made first.
    b.engine.resume();
    const stored = await expectConverged(env, [a, b], id);
    expect(stored.amount).toBe(120_000);

    const merge = (await historyOf(env, id)).find(
      (line) => line.kind === 'merge' && line.field === 'amount',
    );
    expect(merge).toMatchObject({
      userId: b.session.user.id,
      oldValue: 110_000,
      newValue: 120_000,
      merge: { reason: 'laterEdit', keptBy: a.session.user.id },
    });
    expect(merge!.merge!.lostAt).toBe(monday);
    expect(merge!.merge!.keptAt).toBeGreaterThan(monday);
    // B is told: its value went to the inbox with the reason.
    expect(b.overruled).toMatchObject([
      {
        collection: 'deals',
        id,
        field: 'amount',
        lost: 110_000,
        kept: 120_000,
        reason: 'laterEdit',
      },
    ]);
    expect(a.overruled).toEqual([]);
  });

  it('a laptop whose clock is a day fast stamps in server time once it has connected', async () => {
    const fast = () => Date.now() + DAY;
    const {
      laptops: [a, b],
      id,
    } = await laptopsWithDeal(2, { competitor: '无' }, [Date.now, fast]);
    expect(Math.round(b.engine.clock.offset / 1000)).toBe(-DAY / 1000);

    await goOffline(b);
    const before = Date.now();
    await b.repos.deals.update(id, { competitor: '友商乙（时钟快一天的电脑）' });
    const stamped = wallOf(b.engine.pendingChanges()[0].fields[0].stamp);
    // Within a few seconds of the real time, not a day ahead.
    expect(Math.abs(stamped - before)).toBeLessThan(5_000);

    await clockPast(stamped);
    await a.repos.deals.update(id, { competitor: '友商甲' });
    await a.engine.awaitInSync();
    b.engine.resume();
    const stored = await expectConverged(env, [a, b], id);
    expect(stored.competitor).toBe('友商甲');
    expect(wallOf(sentStamp(b, id, 'competitor') ?? '')).toBe(stamped);
    expect(b.overruled).toMatchObject([{ field: 'competitor', reason: 'laterEdit' }]);
  });

  it('a laptop restarted before it could sync keeps what is waiting and when each edit was made', async () => {
    const {
      laptops: [a, b],
      id,
    } = await laptopsWithDeal(2, { notes: '' });
    await goOffline(b);
    await b.repos.deals.update(id, { notes: '重启前写的备注' });
    const waiting = b.engine.pendingChanges();
    expect(waiting).toMatchObject([{ id, edits: 1, fields: [{ path: 'notes' }] }]);
    const clockBefore = b.engine.clock.last;

    await b.close();
    const again = await b.reopen();
    env.onCleanup(() => again.close());
    // The same list before the engine even connects, and a clock that never goes back.
    expect(again.engine.pendingChanges()).toEqual(waiting);
    expect(again.engine.clock.last >= clockBefore).toBe(true);
    const stored = await expectConverged(env, [a, again], id);
    expect(stored.notes).toBe('重启前写的备注');
    // Pushed with the stamp of the edit, not of the restart.
    expect(sentStamp(again, id, 'notes')).toBe(waiting[0].fields[0].stamp);
  });

  it('two offline laptops each add a line item: both survive on both laptops and the amount is recomputed', async () => {
    const first = item('服务器', 2, 30_000);
    const {
      laptops: [a, b],
      id,
    } = await laptopsWithDeal(2, { lineItems: [first], amount: 60_000 });
    await goOffline(a);
    await goOffline(b);
    const fromA = item('交换机', 4, 5_000);
    const fromB = item('实施服务', 1, 18_000);
    await a.repos.deals.update(id, { lineItems: [first, fromA] });
    await b.repos.deals.update(id, { lineItems: [first, fromB] });
    expect(a.engine.pendingChanges()[0].fields.map((f) => f.path)).toContain(
      `lineItems[${fromA.id}]`,
    );

    a.engine.resume();
    await a.engine.awaitInSync();
    b.engine.resume();
    const stored = await expectConverged(env, [a, b], id);
    const items = stored.lineItems as LineItem[];
    expect(items.map((i) => i.id).sort()).toEqual([first.id, fromA.id, fromB.id].sort());
    expect(stored.amount).toBe(lineItemsTotal([first, fromA, fromB]));
    expect(stored.amount).toBe(60_000 + 20_000 + 18_000);
    // Nothing was lost: no laptop was overruled.
    expect([...a.overruled, ...b.overruled]).toEqual([]);
  });
});

/**
 * The server's bound on clock skew (a small one here): a laptop whose clock jumps ahead while it is offline
 * cannot win by more than that bound, whatever its clock claims.
 */
describe(
  `a laptop clock that jumps ahead while offline (${engineName})`,
  { timeout: 120_000 },
  () => {
    const BOUND_MS = 1_500;
    const env = useTestServer({
      collections: ['accounts', 'deals'],
      config: { maxClockSkewMs: BOUND_MS },
    });

    it('wins by at most the server bound: an edit made after that bound wins against it', async () => {
      const team = await env.createTeam('华南销售部');
      let jump = 0;
      const a = await env.connect(await env.addUser('rep', team, 'chen-jing'), { synced: true });
      const b = await env.connect(await env.addUser('rep', team, 'huang-tao'), {
        synced: true,
        now: () => Date.now() + jump,
      });
      const account = await a.repos.accounts.create(
        buildAccount({ name: '广州珠江贸易有限公司', teamId: team }),
      );
      const { id } = await a.repos.deals.create(
        buildDeal({ accountId: account.id, teamId: team, name: '华南渠道合作', competitor: '无' }),
      );
      await eventually(async () => expect(await replicaDeal(b, id)).not.toBeNull());
      await expectConverged(env, [a, b], id);

      // Both go offline; B's clock jumps a day ahead and B edits.
      await goOffline(a);
      await goOffline(b);
      jump = DAY;
      await b.repos.deals.update(id, { competitor: '友商乙（时钟跳快）' });
      expect(wallOf(b.engine.pendingChanges()[0].fields[0].stamp)).toBeGreaterThan(
        Date.now() + DAY / 2,
      );
      const pushedAt = Date.now();
      b.engine.resume();
      await b.engine.awaitInSync();
      await eventually(async () =>
        expect((await storedDeal(env, id)).competitor).toBe('友商乙（时钟跳快）'),
      );
      // Stored as edited at most the bound after the server received it, not a day ahead.
      const change = (await historyOf(env, id)).find(
        (line) => line.kind === 'change' && line.field === 'competitor',
      );
      expect(change?.editedAt).toBeDefined();
      const clamped = change!.editedAt!;
      expect(clamped).toBeLessThanOrEqual(Date.now() + BOUND_MS);
      expect(clamped).toBeGreaterThanOrEqual(pushedAt);

      // A, still offline, edits the same field once the bound has passed, then syncs: A's edit is the later one.
      await clockPast(clamped);
      await a.repos.deals.update(id, { competitor: '友商甲' });
      a.engine.resume();
      const stored = await expectConverged(env, [a, b], id);
      expect(stored.competitor).toBe('友商甲');
      const merge = (await historyOf(env, id)).find(
        (line) => line.kind === 'merge' && line.field === 'competitor',
      );
      expect(merge).toMatchObject({
        oldValue: '友商乙（时钟跳快）',
        newValue: '友商甲',
        merge: { reason: 'laterEdit', lostAt: clamped },
      });
    });
  },
);

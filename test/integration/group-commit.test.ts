import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal, WireDoc } from '../../shared/sync';
import type { ChangeEvent } from '../../sync/server/fanout';
import { RecordStore, type PushResult, type PushRow } from '../../sync/server/records/record-store';
import { buildAccount, withMeta } from '../support/factories';
import { engineName, eventually, useTestServer, type TestClient } from './support/harness';

type RecordsEvent = Extract<ChangeEvent, { kind: 'records' }>;

/**
 * Group commit (RecordStore.push): pushes to a workspace's collection that arrive while one of its push
 * transactions runs are applied together in the next transaction, decided in arrival order as if they had run
 * one after another; each caller gets its own result and each push is announced as its own chained commit.
 */
describe(`push group commit (${engineName})`, { timeout: 90_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });
  let store: RecordStore;
  let teamA: string;
  let teamB: string;
  let adminPrincipal: Principal;
  let repPrincipal: Principal;
  const events: RecordsEvent[] = [];

  beforeAll(async () => {
    teamA = await env.createTeam('合并提交甲');
    teamB = await env.createTeam('合并提交乙');
    const rep = await env.addUser('rep', teamA, 'group-rep');
    store = new RecordStore(env.server.sql, env.server.bus);
    adminPrincipal = {
      userId: env.admin.user.id,
      workspaceId: env.admin.workspace.id,
      role: 'admin',
      teamIds: [],
      deviceId: env.admin.deviceId,
    };
    repPrincipal = {
      userId: rep.user.id,
      workspaceId: rep.workspace.id,
      role: 'rep',
      teamIds: [teamA],
      deviceId: rep.deviceId,
    };
    env.server.bus.subscribe((event) => {
      if (
        event.kind === 'records' &&
        event.workspaceId === env.admin.workspace.id &&
        event.collections.includes('accounts')
      )
        events.push(event);
    });
  }, 60_000);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const account = (id: string): WireDoc => ({
    ...withMeta(buildAccount({ name: '合并提交测试客户' }), {
      id,
      workspaceId: env.admin.workspace.id,
      by: env.admin.user.id,
      teamId: teamA,
      at: 1_735_689_600_000,
    }),
    _deleted: false,
  });

  const stored = async (id: string) => {
    const [row] = await env.server.sql.query<{
      data: Record<string, unknown>;
      deleted: boolean;
      seq: number;
    }>(
      `SELECT data, deleted, seq::float8 AS seq FROM records WHERE workspace_id = $1 AND collection = 'accounts' AND id = $2`,
      [env.admin.workspace.id, id],
    );
    return row;
  };

  const countTransactions = () => {
    const spy = vi.spyOn(env.server.sql, 'transaction');
    return () => spy.mock.calls.length;
  };

  /** Edits of one record, each from the state its writer last saw (the original): merges and conflicts. */
  const edits = (id: string, original: WireDoc): { principal: Principal; rows: PushRow[] }[] =>
    [
      {
        principal: adminPrincipal,
        rows: [{ assumedMasterState: original, newDocumentState: { ...original, notes: '第一' } }],
      },
      {
        principal: repPrincipal,
        rows: [
          { assumedMasterState: original, newDocumentState: { ...original, phone: '021-1234' } },
        ],
      },
      {
        principal: adminPrincipal,
        rows: [{ assumedMasterState: original, newDocumentState: { ...original, notes: '第三' } }],
      },
      {
        principal: repPrincipal,
        rows: [{ assumedMasterState: original, newDocumentState: { ...original, teamId: teamB } }],
      },
      {
        principal: adminPrincipal,
        rows: [
          {
            assumedMasterState: original,
            newDocumentState: { ...original, website: 'https://example.cn', tags: ['甲'] },
          },
        ],
      },
      {
        principal: adminPrincipal,
        rows: [{ assumedMasterState: original, newDocumentState: { ...original, _deleted: true } }],
      },
      {
        principal: adminPrincipal,
        rows: [{ assumedMasterState: null, newDocumentState: { ...original, name: '复活' } }],
      },
    ].map((edit) => ({
      ...edit,
      rows: edit.rows.map((row) => ({
        ...row,
        newDocumentState: { ...row.newDocumentState, id },
      })),
    }));

  /** A result without the record's id and times, to compare two records' histories. */
  const shape = (result: PushResult) => ({
    written: result.written,
    conflicts: result.conflicts.map(({ id: _id, updatedAt: _u, ...rest }) => rest),
    rejected: result.rejected.map((r) => ({ reason: r.reason, params: r.params })),
  });
  const scopeOf = (principal: Principal) =>
    principal.role === 'admin' ? ('all' as const) : new Set(principal.teamIds);

  it('decides concurrent pushes of one record as if they ran one after another, each caller getting its own result', async () => {
    const sequentialOriginal = account('group-seq');
    const groupedOriginal = account('group-con');
    for (const original of [sequentialOriginal, groupedOriginal]) {
      const created = await store.push(adminPrincipal, 'all', 'accounts', [
        { assumedMasterState: null, newDocumentState: original },
      ]);
      expect(created).toMatchObject({ written: 1, rejected: [] });
    }
    const sequential: PushResult[] = [];
    for (const edit of edits('group-seq', sequentialOriginal))
      sequential.push(
        await store.push(edit.principal, scopeOf(edit.principal), 'accounts', edit.rows),
      );

    const transactions = countTransactions();
    const grouped = await Promise.all(
      edits('group-con', groupedOriginal).map((edit) =>
        store.push(edit.principal, scopeOf(edit.principal), 'accounts', edit.rows),
      ),
    );
    // Pushes that arrive while one of the queue's transactions runs wait for it and commit together.
    expect(transactions()).toBeLessThan(grouped.length);

    expect(grouped.map(shape)).toEqual(sequential.map(shape));
    // The rep's move to another team is not allowed: only that caller hears so.
    expect(grouped[3].rejected).toHaveLength(1);
    expect(grouped.filter((r) => r.rejected.length > 0)).toHaveLength(1);
    const [a, b] = [await stored('group-seq'), await stored('group-con')];
    const strip = ({ id: _id, updatedAt: _u, ...rest }: Record<string, unknown>) => rest;
    expect(strip(b.data)).toEqual(strip(a.data));
    expect(b.deleted).toBe(a.deleted);
    expect(b).toMatchObject({ deleted: false, data: { name: '复活' } });

    // (Sorted: the order of the fields within one write follows the key order of the state it was compared with.)
    const history = async (id: string) =>
      (
        await env.server.sql.query<{ field: string; kind: string; user_id: string }>(
          `SELECT field, kind, user_id FROM record_history WHERE workspace_id = $1 AND collection = 'accounts' AND record_id = $2 ORDER BY id`,
          [env.admin.workspace.id, id],
        )
      )
        .map((h) => `${h.kind}:${h.field}:${h.user_id}`)
        .sort();
    expect(await history('group-con')).toEqual(await history('group-seq'));
  });

  it('announces each push of a group as its own commit, chained by prevSeq, with its origin', async () => {
    events.splice(0);
    const ids = Array.from({ length: 12 }, (_, i) => `group-chain-${i}`);
    const transactions = countTransactions();
    const results = await Promise.all(
      ids.map((id, i) =>
        store.push(
          adminPrincipal,
          'all',
          'accounts',
          [{ assumedMasterState: null, newDocumentState: account(id) }],
          { origin: `conn-${i}` },
        ),
      ),
    );
    expect(transactions()).toBeLessThan(ids.length);
    expect(
      results.every((r) => r.written === 1 && r.conflicts.length === 0 && r.rejected.length === 0),
    ).toBe(true);
    await eventually(() => expect(events).toHaveLength(ids.length));
    events.forEach((event, i) => {
      expect(event.origin).toBe(`conn-${i}`);
      expect(event.changes?.map((c) => c.id)).toEqual([ids[i]]);
      if (i > 0) expect(event.prevSeq).toBe(events[i - 1].seq);
      expect(event.seq).toBeGreaterThan(event.prevSeq ?? 0);
    });
    for (const [i, id] of ids.entries()) expect((await stored(id)).seq).toBe(events[i].seq);
  });

  it('lets the other pushes of a group commit when one of them fails', async () => {
    events.splice(0);
    const blocker = store.push(adminPrincipal, 'all', 'accounts', [
      { assumedMasterState: null, newDocumentState: account('group-ok-0') },
    ]);
    const good = ['group-ok-1', 'group-ok-2'].map((id) =>
      store.push(adminPrincipal, 'all', 'accounts', [
        { assumedMasterState: null, newDocumentState: account(id) },
      ]),
    );
    const bad = store.push(adminPrincipal, 'all', 'accounts', [
      { assumedMasterState: null, newDocumentState: null as unknown as WireDoc },
    ]);
    const more = store.push(adminPrincipal, 'all', 'accounts', [
      { assumedMasterState: null, newDocumentState: account('group-ok-3') },
    ]);
    await expect(bad).rejects.toThrow();
    const results = await Promise.all([blocker, ...good, more]);
    expect(results.map((r) => r.written)).toEqual([1, 1, 1, 1]);
    for (const id of ['group-ok-0', 'group-ok-1', 'group-ok-2', 'group-ok-3'])
      expect(await stored(id)).toBeDefined();
    await eventually(() => expect(events).toHaveLength(4));
    for (let i = 1; i < events.length; i++) expect(events[i].prevSeq).toBe(events[i - 1].seq);
  });

  it('bounds a group (pushes and rows)', async () => {
    const transactions = countTransactions();
    const big = Array.from({ length: 450 }, (_, i) =>
      store.push(adminPrincipal, 'all', 'accounts', [
        { assumedMasterState: null, newDocumentState: account(`group-bound-${i}`) },
      ]),
    );
    const results = await Promise.all(big);
    expect(results.every((r) => r.written === 1)).toBe(true);
    // 1 alone, then groups of at most 200.
    expect(transactions()).toBeGreaterThanOrEqual(4);
  });

  it('converges every replica when many clients push concurrently over real sockets', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 6 }, (_, i) => env.addUser('rep', teamA, `group-sock-${i}`)),
    );
    const clients: TestClient[] = [];
    for (const session of sessions) clients.push(await env.connect(session, { synced: true }));
    const transactions = countTransactions();
    // Everyone creates a record and edits the one a teammate created the round before, all at the same time.
    // (Different writers never race on one record here; same-record races: same-record-concurrency.test.ts.)
    let previous: string[] = [];
    for (let round = 0; round < 4; round++) {
      previous = await Promise.all(
        clients.map(async (client, i) => {
          const created = await client.repos.accounts.create(
            buildAccount({ name: `合并提交客户${round}-${i}`, teamId: teamA }),
          );
          const neighbour = previous[(i + 1) % clients.length];
          if (neighbour) {
            await eventually(async () =>
              expect(await client.repos.accounts.get(neighbour)).not.toBeNull(),
            );
            await client.repos.accounts.update(neighbour, {
              notes: `第${round}轮-${i}`,
              phone: `0${round}${i}`,
            });
          }
          return created.id;
        }),
      );
    }
    for (const client of clients) await client.engine.awaitInSync();
    const serverState = async () =>
      new Map(
        (
          await env.server.sql.query<{ id: string; data: Record<string, unknown> }>(
            `SELECT id, data FROM records WHERE workspace_id = $1 AND collection = 'accounts' AND team_id = $2 AND deleted = false`,
            [env.admin.workspace.id, teamA],
          )
        ).map((r) => [r.id, r.data]),
      );
    await eventually(async () => {
      const expected = await serverState();
      for (const client of clients) {
        const docs = await client.db.collections.accounts.find().exec();
        const replica = new Map(docs.map((d) => [d.id, d.toJSON() as Record<string, unknown>]));
        expect([...replica.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [id, data] of expected) expect(replica.get(id)).toMatchObject(data);
      }
    }, 20_000);
    expect((await serverState()).size).toBeGreaterThanOrEqual(4 * clients.length);
    expect(transactions()).toBeGreaterThan(0);
    for (const client of clients) expect(client.rejections).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, Scope, WireDoc } from '@shared/sync';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrations';
import type { Sql } from '../db/sql';
import { ChangeBus } from '../fanout';
import { RecordStore } from './record-store';
import { account, principal, pushRow } from './test-fixtures';

/**
 * Back-fills through RecordStore.pull on a real database (PGlite in memory): what a replica receives, page by
 * page, when the scope it was filled with is not the caller's any more. End to end over sockets and laptops:
 * test/integration/rescope.test.ts.
 */
describe('back-fill pulls (PGlite)', { timeout: 60_000 }, () => {
  let sql: Sql;
  let store: RecordStore;
  const admin = principal({ role: 'admin', userId: 'u-admin' });
  const rep = principal();
  let n = 0;

  beforeAll(async () => {
    sql = await openDatabase({});
    await migrate(sql);
    store = new RecordStore(sql, new ChangeBus(sql));
  }, 60_000);
  afterAll(async () => {
    await sql.close();
  });

  /** New accounts of `teamId` written by the admin; returns their ids. */
  const create = async (teamId: string, count: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => `acc-${teamId}-${++n}`);
    await store.push(
      admin,
      'all',
      'accounts',
      ids.map((id) => pushRow(account(id, { teamId }))),
    );
    return ids;
  };
  /** Pulls page by page until a short page, as RxDB does; the documents by id (the last one wins). */
  const pullAll = async (scope: Scope, from: Checkpoint | null, batchSize: number) => {
    const docs = new Map<string, WireDoc>();
    let checkpoint = from;
    let pages = 0;
    for (;;) {
      const page = await store.pull(rep, scope, 'accounts', checkpoint, batchSize);
      pages++;
      for (const doc of page.documents) docs.set(doc.id, doc);
      checkpoint = { ...checkpoint, ...page.checkpoint } as Checkpoint;
      if (page.documents.length < batchSize) return { docs, checkpoint, pages };
    }
  };
  const live = (docs: Map<string, WireDoc>) =>
    [...docs.values()].filter((d) => !d._deleted).map((d) => d.id);
  const bare = (docs: Map<string, WireDoc>) =>
    [...docs.values()].filter((d) => d._deleted && Object.keys(d).length === 2).map((d) => d.id);

  it('sends the gained team’s records and bare tombstones for the lost one, over pages, then pulls on', async () => {
    // b before a: the replica's checkpoint (its last record) comes after b's records, which are back-filled.
    const b = await create('bf1-b', 4);
    const a = await create('bf1-a', 3);
    const filled = await pullAll(new Set(['bf1-a']), null, 1000);
    expect(filled.checkpoint.scope).toEqual(['bf1-a']);
    const later = await create('bf1-b', 1);

    const result = await pullAll(new Set(['bf1-b']), filled.checkpoint, 2);
    expect(live(result.docs).sort()).toEqual([...b, ...later].sort());
    expect(bare(result.docs).sort()).toEqual([...a].sort());
    expect(result.pages).toBeGreaterThan(3);
    expect(result.checkpoint).toMatchObject({ scope: ['bf1-b'], fill: null });
    // Then a normal pull: nothing more.
    const next = await store.pull(rep, new Set(['bf1-b']), 'accounts', result.checkpoint, 10);
    expect(next.documents).toEqual([]);
  });

  it('removes a held record that moved after the checkpoint to a team the replica never had', async () => {
    const [moved] = await create('bf2-a', 1);
    const filled = await pullAll(new Set(['bf2-a']), null, 1000);
    await store.push(admin, 'all', 'accounts', [
      pushRow(
        account(moved, { teamId: 'bf2-c', updatedAt: 2_000 }),
        account(moved, { teamId: 'bf2-a' }),
      ),
    ]);
    const result = await pullAll(new Set(['bf2-b']), filled.checkpoint, 1000);
    expect(bare(result.docs)).toEqual([moved]);
  });

  it('restarts towards the newest scope when it changes mid-fill, removing what the first fill brought', async () => {
    // Written before the replica's checkpoint (its last record), so they are back-filled, not pulled on.
    const b = await create('bf3-b', 3);
    const c = await create('bf3-c', 2);
    await create('bf3-a', 1);
    const filled = await pullAll(new Set(['bf3-a']), null, 1000);
    const first = await store.pull(rep, new Set(['bf3-b']), 'accounts', filled.checkpoint, 1);
    expect(first.checkpoint?.fill).toMatchObject({ to: ['bf3-b'], phase: 'gain' });
    const gotB = first.documents.map((d) => d.id);
    expect(b).toEqual(expect.arrayContaining(gotB));

    const result = await pullAll(
      new Set(['bf3-c']),
      { ...filled.checkpoint, ...first.checkpoint },
      1000,
    );
    expect(live(result.docs)).toEqual(expect.arrayContaining(c));
    expect(bare(result.docs)).toEqual(expect.arrayContaining(gotB));
    expect(live(result.docs).some((id) => b.includes(id))).toBe(false);
    expect(result.checkpoint).toMatchObject({ scope: ['bf3-c'], fill: null });
  });

  it('anchors a fill that has nothing to send with a record the replica holds, so its checkpoint is kept', async () => {
    const [held] = await create('bf4-a', 1);
    const filled = await pullAll(new Set(['bf4-a']), null, 1000);
    const page = await store.pull(
      rep,
      new Set(['bf4-a', 'bf4-new']),
      'accounts',
      filled.checkpoint,
      10,
    );
    expect(page.documents.map((d) => d.id)).toEqual([held]);
    expect(page.checkpoint).toMatchObject({ scope: ['bf4-a', 'bf4-new'], fill: null });
  });

  it('costs nothing new when the scope is unchanged: a normal answer naming the scope', async () => {
    await create('bf5-a', 2);
    const filled = await pullAll(new Set(['bf5-a']), null, 1000);
    const page = await store.pull(rep, new Set(['bf5-a']), 'accounts', filled.checkpoint, 10);
    expect(page).toEqual({ documents: [], checkpoint: filled.checkpoint, remaining: 0 });
  });
});

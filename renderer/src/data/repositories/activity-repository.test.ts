import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '@shared/domain';
import { openTestReplica, type TestReplica } from '../test-replica';

let replica: TestReplica;
const target = { collection: 'accounts' as const, id: 'a1', teamId: 't1', accountId: 'a1' };

beforeEach(async () => {
  replica = await openTestReplica();
});
afterEach(async () => {
  await replica.db.close();
});

/** Stores copies of `model` with these ids, bodies and times at once (a large thread without 2,000 writes). */
async function storeComments(
  model: Activity,
  comments: readonly { id: string; body: string; occurredAt: number }[],
): Promise<void> {
  const result = await replica.db.activities.bulkInsert(
    comments.map((c) => ({ ...model, ...c, subject: c.body })),
  );
  expect(result.error).toEqual([]);
}

describe('searchComments', { timeout: 60_000 }, () => {
  it('finds a comment older than the latest 2,000', async () => {
    const oldest = await replica.repos.activities.addComment(
      target,
      '第一次拜访：客户关心冷链监控',
    );
    const newer = Array.from({ length: 2100 }, (_, i) => ({
      id: `c-${i}`,
      body: `例行沟通 ${i}`,
      occurredAt: oldest.occurredAt + 1000 + i,
    }));
    await storeComments(oldest, newer);
    const hits = await replica.repos.activities.searchComments('冷链', 5);
    expect(hits.map((c) => c.id)).toEqual([oldest.id]);
    // The newest first, up to the limit, without reading further than needed.
    const routine = await replica.repos.activities.searchComments('例行沟通', 3);
    expect(routine.map((c) => c.id)).toEqual(['c-2099', 'c-2098', 'c-2097']);
  });

  it('pages through comments written at the same instant without skipping or repeating one', async () => {
    const model = await replica.repos.activities.addComment(target, '模板');
    const at = model.occurredAt + 10_000;
    // Seven comments, five at one instant: pages of two end in the middle of that instant, twice.
    const comments = [
      { id: 'k-1', body: '报价 1', occurredAt: at + 2 },
      { id: 'k-2', body: '报价 2', occurredAt: at },
      { id: 'k-3', body: '报价 3', occurredAt: at },
      { id: 'k-4', body: '报价 4', occurredAt: at },
      { id: 'k-5', body: '报价 5', occurredAt: at },
      { id: 'k-6', body: '报价 6', occurredAt: at },
      { id: 'k-7', body: '报价 7', occurredAt: at - 5 },
    ];
    await storeComments(model, comments);
    const all = await replica.repos.activities.searchComments('报价', 100, 2);
    expect(all.map((c) => c.id)).toEqual(['k-1', 'k-2', 'k-3', 'k-4', 'k-5', 'k-6', 'k-7']);
    // A page of one: the instant is crossed one comment at a time.
    const single = await replica.repos.activities.searchComments('报价', 100, 1);
    expect(single.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(
      (await replica.repos.activities.searchComments('报价 6', 100, 2)).map((c) => c.id),
    ).toEqual(['k-6']);
  });

  it('leaves out deleted comments; an empty query finds nothing', async () => {
    const kept = await replica.repos.activities.addComment(target, '合同条款已确认');
    const gone = await replica.repos.activities.addComment(target, '合同条款待定');
    await replica.repos.activities.deleteComment(gone.id);
    expect(
      (await replica.repos.activities.searchComments('合同条款', 10, 1)).map((c) => c.id),
    ).toEqual([kept.id]);
    expect(await replica.repos.activities.searchComments('  ', 10)).toEqual([]);
  });
});

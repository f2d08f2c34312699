import { afterEach, describe, expect, it } from 'vitest';
import { memberToken, type InboxItem } from '@shared/rules';
import { buildDeal } from '../../../../../test/support/factories';
import { createRepositories, type Repositories } from '../../repositories';
import { openTestReplica, type TestReplica } from '../../test-replica';
import { MentionSource } from './mention-source';

let replica: TestReplica;
afterEach(async () => {
  await replica?.db.close();
});

/** The same replica written by another member (u2), on the replica's clock. */
function reposOf(userId: string): Repositories {
  let seq = 0;
  return createRepositories({
    db: replica.db,
    actor: { userId, workspaceId: 'w1', teamId: 't1' },
    now: replica.now,
    newId: () => `${userId}-c${++seq}`,
  });
}

/** Starts the source for u1 and resolves each list it reports, in order. */
function startFor(repos: Repositories, viewerId: string) {
  const lists: (readonly InboxItem[])[] = [];
  const waiters: (() => void)[] = [];
  const stop = new MentionSource(repos).start(
    viewerId,
    () => 1_700_000_500_000,
    (items) => {
      lists.push(items);
      waiters.splice(0).forEach((w) => w());
    },
  );
  const next = async (count: number) => {
    while (lists.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return lists[count - 1];
  };
  /** The first list reported (now or later) that passes `check`. */
  const until = async (check: (items: readonly InboxItem[]) => boolean) => {
    for (let n = 1; ; n++) {
      const items = await next(n);
      if (check(items)) return items;
    }
  };
  return { stop, next, until };
}

describe('MentionSource', () => {
  it('lists mentions of the viewer and replies to their comments, and follows changes', async () => {
    replica = await openTestReplica();
    const me = replica.repos;
    const colleague = reposOf('u2');
    const deal = await me.deals.create({ ...buildDeal({ accountId: '' }), name: '华为云扩容' });
    const target = { collection: 'deals' as const, id: deal.id, teamId: 't1', accountId: '' };
    const early = await colleague.activities.addComment(target, `${memberToken('u1', '我')} 请看`);
    await colleague.activities.addComment(target, '与我无关');

    const source = startFor(me, 'u1');
    const first = await source.next(1);
    expect(first).toEqual([
      expect.objectContaining({
        key: `mention:deals:${deal.id}:${early.id}`,
        kind: 'mention',
        rule: 'mention',
        recipientId: 'u1',
        recordCollection: 'deals',
        recordId: deal.id,
        recordTitle: '华为云扩容',
        params: expect.objectContaining({ authorId: 'u2', excerpt: '@我 请看' }) as unknown,
      }),
    ]);

    // The viewer's own comment raises nothing; a reply to it does.
    const mine = await me.activities.addComment(target, `${memberToken('u1', '我')} 自己`);
    const reply = await colleague.activities.addComment(target, '好的', mine.id);
    let list = first;
    for (let n = 2; !list.some((i) => i.params.commentId === reply.id); n++)
      list = await source.next(n);
    expect(list.map((i) => [i.rule, i.params.commentId])).toEqual([
      ['reply', reply.id],
      ['mention', early.id],
    ]);

    // An edit that removes the mention, and a deleted reply, take their items away.
    await colleague.activities.editComment(early.id, '改了');
    await colleague.activities.deleteComment(reply.id);
    expect(await source.until((items) => items.length === 0)).toEqual([]);
    source.stop();
  });

  it('reads comments through the type index, not every activity', async () => {
    replica = await openTestReplica();
    const colleague = reposOf('u2');
    await colleague.activities.addComment(
      { collection: 'accounts', id: 'a-gone', teamId: 't1', accountId: 'a-gone' },
      `${memberToken('u1', '我')} hi`,
    );
    const prepared = replica.db.activities
      .find({
        selector: { deleted: false, type: 'comment', occurredAt: { $gte: 0 } },
        sort: [{ occurredAt: 'desc' }],
      })
      .getPreparedQuery() as { queryPlan?: { index: string[] } };
    // RxDB picks the [deleted, type, occurredAt] index for the source's query.
    const plan = prepared.queryPlan;
    expect(plan).toBeDefined();
    if (plan) expect(plan.index.slice(1, 4)).toEqual(['deleted', 'type', 'occurredAt']);
    const source = startFor(replica.repos, 'u1');
    // A comment on a record the replica does not hold still opens it; its title is unknown.
    expect(await source.next(1)).toEqual([
      expect.objectContaining({
        recordCollection: 'accounts',
        recordId: 'a-gone',
        recordTitle: '',
      }),
    ]);
    source.stop();
  });
});

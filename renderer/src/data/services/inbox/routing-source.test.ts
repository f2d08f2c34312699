import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '@shared/rules';
import { buildTicket } from '../../../../../test/support/factories';
import { openTestReplica, type TestReplica } from '../../test-replica';
import { RoutingSource } from './routing-source';

let replica: TestReplica;
afterEach(async () => {
  await replica?.db.close();
});

const NOW = 1_700_000_500_000;
const DAY = 24 * 3600_000;

describe('RoutingSource', () => {
  it("lists the viewer's open tickets the routing gave them in the last 14 days, and follows changes", async () => {
    replica = await openTestReplica();
    const { repos } = replica;
    const recent = await repos.tickets.create(
      buildTicket({ number: 'T-1', subject: '无法登录', assigneeId: 'u1', routedAt: NOW - DAY }),
    );
    await repos.tickets.create(buildTicket({ assigneeId: 'u1', routedAt: NOW - 20 * DAY }));
    await repos.tickets.create(buildTicket({ assigneeId: 'u1', routedAt: 0 }));
    await repos.tickets.create(buildTicket({ assigneeId: 'u2', routedAt: NOW - DAY }));

    const lists: (readonly InboxItem[])[] = [];
    const waiters: (() => void)[] = [];
    const stop = new RoutingSource(repos).start(
      'u1',
      () => NOW,
      (items) => {
        lists.push(items);
        waiters.splice(0).forEach((w) => w());
      },
    );
    let read = 0;
    const until = async (check: (items: readonly InboxItem[]) => boolean) => {
      for (;;) {
        while (lists.length <= read) await new Promise<void>((resolve) => waiters.push(resolve));
        const items = lists[read++];
        if (check(items)) return items;
      }
    };

    expect(await until(() => true)).toEqual([
      expect.objectContaining({
        key: `ticketRouted:tickets:${recent.id}:${NOW - DAY}`,
        kind: 'assignment',
        recordId: recent.id,
        recordTitle: 'T-1 · 无法登录',
      }),
    ]);
    const arrived = await repos.tickets.create(
      buildTicket({ assigneeId: 'u1', routedAt: NOW - 1000 }),
    );
    const both = await until((items) => items.length === 2);
    expect(both.map((i) => i.recordId)).toEqual([arrived.id, recent.id]);
    // Resolved: no longer news.
    await repos.tickets.update(recent.id, { status: 'resolved' });
    const after = await until((items) => items.length === 1);
    expect(after.map((i) => i.recordId)).toEqual([arrived.id]);
    stop();
  });
});

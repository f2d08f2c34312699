import { afterEach, describe, expect, it } from 'vitest';
import type { InboxItem } from '@shared/rules';
import { buildLead } from '../../../../../test/support/factories';
import { openTestReplica, type TestReplica } from '../../test-replica';
import { AssignmentSource } from './assignment-source';

let replica: TestReplica;
afterEach(async () => {
  await replica?.db.close();
});

const NOW = 1_700_000_500_000;
const DAY = 24 * 3600_000;

describe('AssignmentSource', () => {
  it("lists the viewer's leads the rules assigned in the last 14 days, and follows changes", async () => {
    replica = await openTestReplica();
    const { repos } = replica;
    const recent = await repos.leads.create({
      ...buildLead({ name: '新线索', company: '' }),
      ownerId: 'u1',
      assignedAt: NOW - DAY,
    });
    await repos.leads.create({ ...buildLead(), ownerId: 'u1', assignedAt: NOW - 20 * DAY });
    await repos.leads.create({ ...buildLead(), ownerId: 'u1', assignedAt: 0 });
    await repos.leads.create({ ...buildLead(), ownerId: 'u2', assignedAt: NOW - DAY });

    const lists: (readonly InboxItem[])[] = [];
    const waiters: (() => void)[] = [];
    const stop = new AssignmentSource(repos).start(
      'u1',
      () => NOW,
      (items) => {
        lists.push(items);
        waiters.splice(0).forEach((w) => w());
      },
    );
    /** The next list reported (after the last one `until` returned) that passes `check`. */
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
        key: `leadAssigned:leads:${recent.id}:${NOW - DAY}`,
        kind: 'assignment',
        recipientId: 'u1',
        recordId: recent.id,
        recordTitle: '新线索',
      }),
    ]);

    // A lead assigned while the app is open (it arrives by sync) raises its item; one handed on leaves.
    const arrived = await repos.leads.create({
      ...buildLead(),
      ownerId: 'u1',
      assignedAt: NOW - 1000,
    });
    const both = await until((items) => items.length === 2);
    expect(both.map((i) => i.recordId)).toEqual([arrived.id, recent.id]);
    await repos.leads.update(recent.id, { ownerId: 'u2' });
    const after = await until((items) => items.length === 1);
    expect(after.map((i) => i.recordId)).toEqual([arrived.id]);
    stop();
  });
});

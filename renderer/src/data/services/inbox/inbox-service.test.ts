import { afterEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import type { InboxMark } from '@shared/domain';
import { inboxItemKey, type InboxItem, type InboxMarkState } from '@shared/rules';
import { openTestReplica, type TestReplica } from '../../test-replica';
import { ApprovalSource } from './approval-source';
import type { InboxSource } from './inbox-source';
import { InboxService, type InboxMarkStore } from './inbox-service';

const item = (n: number, kind: InboxItem['kind'] = 'reminder'): InboxItem => ({
  key: inboxItemKey('leadNoActivity', 'leads', `lead-${n}`, 1000 + n),
  kind,
  rule: 'leadNoActivity',
  recipientId: 'u1',
  recordCollection: 'leads',
  recordId: `lead-${n}`,
  recordTitle: `线索 ${n}`,
  dueAt: 1000 + n,
  params: {},
});

/** A source the test feeds by hand. */
class TestSource implements InboxSource {
  emit: (items: readonly InboxItem[]) => void = () => undefined;
  stopped = false;
  constructor(readonly name: string) {}
  start(_viewer: string, _now: () => number, onItems: (items: readonly InboxItem[]) => void) {
    this.emit = onItems;
    return () => {
      this.stopped = true;
    };
  }
}

/** Marks in memory, with the repository's upsert-by-key behaviour. */
class MemoryMarks implements InboxMarkStore {
  readonly changes = new Subject<void>();
  readonly byKey = new Map<string, { state: InboxMarkState; snoozedUntil: number }>();
  mine = () =>
    Promise.resolve(
      [...this.byKey].map(
        ([itemKey, mark]) => ({ itemKey, ...mark, deleted: false }) as unknown as InboxMark,
      ),
    );
  changes$ = () => this.changes.asObservable();
  mark = (itemKey: string, state: InboxMarkState, snoozedUntil = 0) => {
    this.byKey.set(itemKey, { state, snoozedUntil });
    this.changes.next();
    return Promise.resolve();
  };
  unmark = (itemKey: string) => {
    this.byKey.delete(itemKey);
    this.changes.next();
    return Promise.resolve();
  };
}

const keys = (service: InboxService) => service.getSnapshot().items.map((i) => i.recordId);

describe('InboxService', () => {
  let replica: TestReplica | null = null;
  afterEach(async () => {
    vi.useRealTimers();
    await replica?.db.close();
    replica = null;
  });

  it('merges its sources (one entry per key), newest due first, with counts by kind; ready once all computed', async () => {
    const a = new TestSource('a');
    const b = new TestSource('b');
    const service = new InboxService({ sources: [a, b], marks: new MemoryMarks(), viewerId: 'u1' });
    service.start();
    a.emit([item(1), item(2)]);
    await vi.waitFor(() => expect(service.getSnapshot().total).toBe(2));
    expect(service.getSnapshot().ready).toBe(false);
    b.emit([item(2), item(3, 'mention')]);
    expect(keys(service)).toEqual(['lead-3', 'lead-2', 'lead-1']);
    expect(service.getSnapshot()).toMatchObject({ ready: true, total: 3 });
    expect(service.getSnapshot().counts).toMatchObject({ reminder: 2, mention: 1, approval: 0 });
    service.stop();
    expect([a.stopped, b.stopped]).toEqual([true, true]);
  });

  it('hides done and dismissed items at once, and undo brings one back', async () => {
    const source = new TestSource('s');
    const marks = new MemoryMarks();
    const service = new InboxService({ sources: [source], marks, viewerId: 'u1' });
    service.start();
    source.emit([item(1), item(2), item(3)]);
    const done = service.done(item(1));
    // Optimistic: gone before the write finished.
    expect(keys(service)).toEqual(['lead-3', 'lead-2']);
    await done;
    await service.dismiss(item(2));
    expect(keys(service)).toEqual(['lead-3']);
    expect(marks.byKey.get(item(2).key)).toEqual({ state: 'dismissed', snoozedUntil: 0 });
    await service.undo(item(2));
    expect(keys(service)).toEqual(['lead-3', 'lead-2']);
    // Recomputed by the source later: still hidden (the mark is by key, not by object).
    source.emit([item(1), item(2), item(3)]);
    expect(keys(service)).toEqual(['lead-3', 'lead-2']);
  });

  it('brings a snoozed item back at its time, by a timer (nothing else changes)', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const source = new TestSource('s');
    const service = new InboxService({
      sources: [source],
      marks: new MemoryMarks(),
      viewerId: 'u1',
      now: () => Date.now(),
    });
    service.start();
    source.emit([item(1), item(2)]);
    await service.snooze(item(1), 1_000_000 + 3_600_000);
    expect(keys(service)).toEqual(['lead-2']);
    await vi.advanceTimersByTimeAsync(3_599_000);
    expect(keys(service)).toEqual(['lead-2']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(keys(service)).toEqual(['lead-2', 'lead-1']);
    service.stop();
  });

  it('marks on another laptop (arriving in the replica) hide the item here', async () => {
    replica = await openTestReplica();
    const source = new TestSource('s');
    const service = new InboxService({
      sources: [source],
      marks: replica.repos.inbox_marks,
      viewerId: 'u1',
    });
    service.start();
    source.emit([item(1), item(2)]);
    // The same repository call the other laptop made, replicated here: a record with the same id.
    await replica.repos.inbox_marks.mark(item(2).key, 'dismissed');
    await vi.waitFor(() => expect(keys(service)).toEqual(['lead-1']));
    const stored = await replica.repos.inbox_marks.mine();
    expect(stored).toMatchObject([{ ownerId: 'u1', teamId: '~u1', state: 'dismissed' }]);
    await service.undo(item(2));
    expect(keys(service)).toEqual(['lead-2', 'lead-1']);
    // Marked again after an undo: the same record comes back.
    await service.done(item(2));
    expect(await replica.repos.inbox_marks.mine()).toMatchObject([
      { state: 'done', deleted: false },
    ]);
    service.stop();
  });

  it('keeps working when one source fails to start', async () => {
    const good = new TestSource('good');
    const broken: InboxSource = {
      name: 'broken',
      start: () => {
        throw new Error('no module');
      },
    };
    const onError = vi.fn();
    const service = new InboxService({
      sources: [broken, good],
      marks: new MemoryMarks(),
      viewerId: 'u1',
      onError,
    });
    service.start();
    good.emit([item(1)]);
    await vi.waitFor(() => expect(service.getSnapshot()).toMatchObject({ ready: true, total: 1 }));
    expect(onError).toHaveBeenCalledWith('start inbox source broken', expect.any(Error));
  });
});

describe('ApprovalSource', () => {
  let replica: TestReplica | null = null;
  afterEach(async () => {
    await replica?.db.close();
  });

  it("lists the pending approvals of the manager's teams, and follows a decision", async () => {
    replica = await openTestReplica();
    const { repos } = replica;
    const team = (id: string, parentTeamId: string) =>
      repos.members.create({
        id,
        kind: 'team',
        name: id,
        email: '',
        role: '',
        parentTeamId,
        teamIds: [],
        active: true,
      });
    const user = (id: string, role: 'rep' | 'manager', teamId: string) =>
      repos.members.create({
        id,
        kind: 'user',
        name: id,
        email: '',
        role,
        parentTeamId: '',
        teamIds: [teamId],
        active: true,
        teamId,
      });
    await team('east', '');
    await team('shanghai', 'east');
    await team('south', '');
    await user('u1', 'manager', 'east');
    await user('rep-sh', 'rep', 'shanghai');
    await user('rep-south', 'rep', 'south');
    const approval = (requesterId: string, title: string) =>
      repos.approvals.create({
        kind: 'discount',
        title,
        subjectType: 'deal',
        subjectId: 'deal-1',
        amount: 1000,
        requesterId,
        approverRole: 'manager',
        status: 'pending',
        decidedBy: '',
        comment: '',
      });
    const mine = await approval('rep-sh', '上海折扣');
    await approval('rep-south', '华南折扣');

    const lists: (readonly InboxItem[])[] = [];
    const stop = new ApprovalSource(repos).start('u1', Date.now, (items) => lists.push(items));
    await vi.waitFor(() => expect(lists.at(-1)?.map((i) => i.recordTitle)).toEqual(['上海折扣']));
    expect(lists.at(-1)?.[0]).toMatchObject({ kind: 'approval', params: { requester: 'rep-sh' } });
    await repos.approvals.decide(mine.id, 'approved', '');
    await vi.waitFor(() => expect(lists.at(-1)).toEqual([]));
    stop();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyDayCalendar, HOUR_MS, type InboxItem } from '@shared/rules';
import { buildActivity, buildLead } from '../../../../../test/support/factories';
import { openTestReplica, type TestReplica } from '../../test-replica';
import { createFollowUpSource } from './follow-up-source';

let replica: TestReplica | null = null;
let stop: (() => void) | null = null;
afterEach(async () => {
  stop?.();
  stop = null;
  await replica?.db.close();
  replica = null;
});

async function withTeam(): Promise<TestReplica> {
  replica = await openTestReplica();
  const { repos } = replica;
  const user = (id: string, role: 'rep' | 'manager') =>
    repos.members.create({
      id,
      kind: 'user',
      name: id,
      email: '',
      role,
      parentTeamId: 't1',
      teamIds: ['t1'],
      active: true,
    });
  await repos.members.create({
    id: 't1',
    kind: 'team',
    name: '华东',
    email: '',
    role: '',
    parentTeamId: '',
    teamIds: [],
    active: true,
  });
  await user('u1', 'rep');
  await user('m1', 'manager');
  return replica;
}

/** Starts the source for `viewer` on a clock that runs from `start` at real speed; collects every list it emits. */
function startSource(viewer: string, start: number) {
  const lists: (readonly InboxItem[])[] = [];
  const realStart = Date.now();
  const source = createFollowUpSource({ repos: replica!.repos, calendarFor: everyDayCalendar });
  stop = source.start(
    viewer,
    () => start + (Date.now() - realStart),
    (items) => lists.push(items),
  );
  const latest = () => lists[lists.length - 1] ?? [];
  const until = (check: (items: readonly InboxItem[]) => boolean) =>
    vi.waitFor(() => expect(lists.length > 0 && check(latest())).toBe(true), { timeout: 3000 });
  return { lists, latest, until };
}

const NOW = Date.UTC(2026, 11, 9, 4);

describe('createFollowUpSource', () => {
  it('computes the reminder for the owner and the escalation for the manager from the replica', async () => {
    const { repos } = await withTeam();
    // Created by the repositories' clock in 2023: long idle at NOW.
    const lead = await repos.leads.create({ ...buildLead({ name: '久未跟进' }) });
    const rep = startSource('u1', NOW);
    await rep.until((items) => items.length === 1);
    expect(rep.latest()[0]).toMatchObject({
      kind: 'reminder',
      recordId: lead.id,
      recipientId: 'u1',
    });
    stop?.();
    const manager = startSource('m1', NOW);
    await manager.until((items) => items.length === 1);
    expect(manager.latest()[0]).toMatchObject({
      kind: 'escalation',
      recordId: lead.id,
      recipientId: 'm1',
    });
  });

  it('a change recomputes that record: new activity, reassignment and deletion end the items', async () => {
    const { repos } = await withTeam();
    const a = await repos.leads.create(buildLead({ name: 'A' }));
    const b = await repos.leads.create(buildLead({ name: 'B' }));
    const c = await repos.leads.create(buildLead({ name: 'C' }));
    const rep = startSource('u1', NOW);
    await rep.until((items) => items.length === 3);
    await repos.leads.update(a.id, { lastActivityAt: NOW - HOUR_MS });
    await rep.until((items) => !items.some((i) => i.recordId === a.id));
    await repos.leads.update(b.id, { ownerId: 'm1' });
    await rep.until((items) => !items.some((i) => i.recordId === b.id));
    await repos.leads.softDelete(c.id);
    await rep.until((items) => items.length === 0);
  });

  it('logging a call on the lead (the activity repository keeps lastActivityAt) ends its reminder', async () => {
    const { repos } = await withTeam();
    const lead = await repos.leads.create(buildLead({ name: '来电' }));
    const rep = startSource('u1', NOW);
    await rep.until((items) => items.some((i) => i.recordId === lead.id));
    await repos.activities.create(
      buildActivity({
        type: 'call',
        relatedType: 'lead',
        relatedId: lead.id,
        occurredAt: NOW - HOUR_MS,
      }),
    );
    await rep.until((items) => !items.some((i) => i.recordId === lead.id));
  });

  it('an overdue task reminds its owner; completing it ends the reminder', async () => {
    const { repos } = await withTeam();
    const task = await repos.activities.create(
      buildActivity({ type: 'task', subject: '回访', dueDate: '2026-12-01' }),
    );
    const rep = startSource('u1', NOW);
    await rep.until((items) =>
      items.some((i) => i.recordId === task.id && i.rule === 'taskOverdue'),
    );
    await repos.activities.update(task.id, { done: true, doneAt: NOW });
    await rep.until((items) => !items.some((i) => i.recordId === task.id));
  });

  it('the clock raises an item that falls due while nothing changes', async () => {
    const { repos } = await withTeam();
    // 48 h of idle time are over 1 s after the source starts.
    const lead = await repos.leads.create(buildLead({ name: '将到期' }));
    await repos.leads.update(lead.id, { lastActivityAt: NOW - 48 * HOUR_MS + 1000 });
    const rep = startSource('u1', NOW);
    await rep.until(() => true);
    expect(rep.latest()).toEqual([]);
    await rep.until((items) => items.some((i) => i.recordId === lead.id && i.kind === 'reminder'));
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { TICKET_STATUSES, type Ticket } from '@shared/domain';
import { openCrmDatabase, type CrmDatabase } from '../database';
import { createRepositories, type Repositories } from './index';
import * as indexScan from './index-scan';
import { OPEN_BY_ASSIGNEE_INDEX } from './ticket-repository';
import { buildTicket, withMeta } from '../../../../test/support/factories';

const ASSIGNEES = ['u1', 'u2', 'u3', ''];

/** Tickets of every status, assignee and deletion state, in a shuffled id order. */
function tickets(n: number): Ticket[] {
  return Array.from({ length: n }, (_, i) => ({
    ...withMeta(
      buildTicket({
        status: TICKET_STATUSES[i % TICKET_STATUSES.length],
        assigneeId: ASSIGNEES[i % ASSIGNEES.length],
      }),
      {
        id: `t-${String((i * 37) % n).padStart(3, '0')}`,
        workspaceId: 'w1',
        by: 'u1',
        teamId: 't1',
      },
    ),
    deleted: i % 7 === 3,
  }));
}

const open: CrmDatabase[] = [];
async function seeded(storage: 'dexie' | 'memory'): Promise<Repositories> {
  const db = await openCrmDatabase({
    name: `tickets-${Math.random().toString(36).slice(2)}`,
    collections: ['tickets'],
    ...(storage === 'memory' ? { storage: getRxStorageMemory() } : {}),
  });
  open.push(db);
  const repos = createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  await repos.tickets.bulkInsertValidated(tickets(140).map((t) => repos.tickets.validate(t)));
  return repos;
}

/** What the SLA inbox source read before the index: one query over open statuses (RxDB orders it by id). */
function byStatusQuery(repos: Repositories, assigneeIds: string[]): Promise<Ticket[]> {
  return repos.tickets.find({
    selector: {
      deleted: false,
      assigneeId: { $in: assigneeIds },
      status: { $in: ['new', 'open', 'pending'] },
    },
    limit: 5000,
  });
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) await db.remove();
});

describe("the SLA inbox source's open tickets by assignee", () => {
  it.each(['dexie', 'memory'] as const)(
    'are the tickets the status query returned, in the same order (%s storage)',
    async (storage) => {
      const repos = await seeded(storage);
      for (const assignees of [['u1'], ['u2', 'u3', 'u2'], ['nobody'], []]) {
        const expected = assignees.length
          ? await byStatusQuery(repos, [...new Set(assignees)])
          : [];
        const got = await repos.tickets.openAssignedTo(assignees);
        expect(got.map((t) => t.id)).toEqual(expected.map((t) => t.id));
        expect(got).toEqual(expected);
      }
      expect((await repos.tickets.openAssignedTo(['u1'])).length).toBeGreaterThan(10);
    },
  );

  it('reads one [deleted, assigneeId, status] range per assignee and open status, nothing else', async () => {
    const repos = await seeded('dexie');
    const batch = vi.spyOn(indexScan, 'scanIndexBatch');
    const single = vi.spyOn(indexScan, 'scanIndex');
    const query = vi.spyOn(repos.tickets, 'find');
    await repos.tickets.openAssignedTo(['u1', 'u2']);
    expect(batch).toHaveBeenCalledTimes(1);
    const scans = batch.mock.calls[0][1];
    expect(scans.map((s) => [s.index, s.equal])).toEqual(
      ['u1', 'u2'].flatMap((who) =>
        ['new', 'open', 'pending'].map((status) => [OPEN_BY_ASSIGNEE_INDEX, [false, who, status]]),
      ),
    );
    // Answered by the index itself (the replica has it: no fallback query, no further pages).
    const answered = (await batch.mock.results[0].value) as (Ticket[] | null)[] | null;
    expect(answered?.every((rows) => rows !== null)).toBe(true);
    expect(single).not.toHaveBeenCalled();
    expect(query).not.toHaveBeenCalled();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSampleData } from '@shared/sample-data';
import { customerContactAt, lastActivityTargets } from '@shared/rules/last-activity';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import { loadSampleData, type SampleLoadProgress } from './sample-data-loader';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
  // The person using the app (u1) is already a member of the workspace, as after the first-run screen.
  const members = generateSampleData({
    workspaceId: 'w1',
    now: 1_700_000_000_000,
    seed: 1,
    size: {},
  }).records('members');
  const template = [...members].find((member) => member.kind === 'user');
  await repos.members.bulkInsertValidated([{ ...template!, id: 'u1', name: 'Me' }]);
});
afterEach(async () => {
  await db.close();
});

describe('loadSampleData', () => {
  it('reports the same number written in the progress as added at the end (issue 16)', async () => {
    const progress: SampleLoadProgress[] = [];
    const added = await loadSampleData(
      repos,
      {
        size: { accounts: 20, contacts: 30 },
        workspaceId: 'w1',
        now: 1_700_000_000_000,
        userId: 'u1',
      },
      (p) => progress.push(p),
    );
    const last = progress.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(added).toBe(last.total);
    expect(await repos.accounts.count({})).toBe(20);
    // The person's own member record is untouched, not counted as written.
    expect((await repos.members.get('u1'))?.name).toBe('Me');
  });
});

describe('loadSampleData with the replica', () => {
  it('gives accounts, leads and deals the time of their latest customer contact among the loaded activities', async () => {
    const options = { workspaceId: 'w1', now: 1_700_000_000_000, userId: 'u1' };
    const size = { accounts: 15, contacts: 20, deals: 15, leads: 15, activities: 150 };
    await loadSampleData(repos, { ...options, size, db });
    const activities = await repos.activities.find({ selector: { deleted: false }, limit: 10_000 });
    // The shared rule (unit-tested on its own) applied to every loaded activity.
    const expected = new Map<string, number>();
    for (const a of activities)
      for (const { id } of lastActivityTargets(a))
        expected.set(id, Math.max(expected.get(id) ?? 0, customerContactAt(a)));
    const stored = [
      ...(await repos.accounts.find({ selector: { deleted: false }, limit: 10_000 })),
      ...(await repos.leads.find({ selector: { deleted: false }, limit: 10_000 })),
      ...(await repos.deals.find({ selector: { deleted: false }, limit: 10_000 })),
    ];
    expect(stored.some((r) => r.lastActivityAt > 0)).toBe(true);
    for (const record of stored)
      expect(record.lastActivityAt, record.id).toBe(expected.get(record.id) ?? 0);
  });
});

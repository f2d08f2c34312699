import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import { buildActivity, buildLead } from '../../../../test/support/factories';
import { backfillLastActivity } from './last-activity-backfill';

const T1 = Date.UTC(2026, 2, 1, 9);
const T2 = Date.UTC(2026, 2, 5, 15);

let db: CrmDatabase;
let repos: Repositories;
beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

/** Activities as a replica held them before issue 18: stored without touching any lead. */
let n = 0;
async function storeRaw(activities: Partial<Activity>[]) {
  const records = activities.map((fields) =>
    repos.activities.validate({
      ...buildActivity(fields),
      id: `raw-${++n}`,
      workspaceId: 'w1',
      teamId: 't1',
      ownerId: 'u1',
      createdAt: 1,
      updatedAt: 1,
      createdBy: 'u1',
      updatedBy: 'u1',
      deleted: fields.deleted ?? false,
    }),
  );
  await repos.activities.bulkInsertValidated(records);
}

describe('backfillLastActivity', () => {
  it('sets lastActivityAt from the stored activities once, and remembers it ran', async () => {
    const lead = await repos.leads.create(buildLead());
    const quiet = await repos.leads.create(buildLead());
    await storeRaw([
      { relatedType: 'lead', relatedId: lead.id, occurredAt: T1 },
      { relatedType: 'lead', relatedId: lead.id, occurredAt: T2 },
      { relatedType: 'lead', relatedId: quiet.id, occurredAt: T2, deleted: true },
      {
        relatedType: 'lead',
        relatedId: quiet.id,
        occurredAt: T2,
        type: 'task',
        dueDate: '2026-03-09',
      },
    ]);
    const memo = new Map<string, string>();
    const store = {
      get: (k: string) => memo.get(k) ?? null,
      set: (k: string, v: string) => void memo.set(k, v),
    };
    expect(await backfillLastActivity(db, store, 'k')).toBe(1);
    expect((await repos.leads.get(lead.id))?.lastActivityAt).toBe(T2);
    expect((await repos.leads.get(quiet.id))?.lastActivityAt).toBe(0);
    expect(memo.get('k')).toBe('done');
    // A second run does nothing, even if something would change.
    await storeRaw([{ relatedType: 'lead', relatedId: quiet.id, occurredAt: T1 }]);
    expect(await backfillLastActivity(db, store, 'k')).toBe(0);
  });

  it('never lowers a value that is already later', async () => {
    const lead = await repos.leads.create(buildLead());
    await repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T2 }),
    );
    await storeRaw([{ relatedType: 'lead', relatedId: lead.id, occurredAt: T1 }]);
    const memo = new Map<string, string>();
    const store = {
      get: (k: string) => memo.get(k) ?? null,
      set: (k: string, v: string) => void memo.set(k, v),
    };
    expect(await backfillLastActivity(db, store, 'k')).toBe(0);
    expect((await repos.leads.get(lead.id))?.lastActivityAt).toBe(T2);
  });
});

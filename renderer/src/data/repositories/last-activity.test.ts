import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../database';
import {
  buildAccount,
  buildActivity,
  buildDeal,
  buildLead,
} from '../../../../test/support/factories';
import type { Repositories } from './index';
import { openTestReplica } from '../test-replica';

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

const lastActivityOf = async (collection: 'leads' | 'deals' | 'accounts', id: string) =>
  (await repos[collection].get(id))?.lastActivityAt;

describe('the activity repository keeps lastActivityAt', () => {
  it('raises the lead on a logged call without touching its updatedAt, and ignores an open task', async () => {
    const lead = await repos.leads.create(buildLead());
    expect(lead.lastActivityAt).toBe(0);
    await repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T1 }),
    );
    const after = await repos.leads.get(lead.id);
    expect(after?.lastActivityAt).toBe(T1);
    expect(after?.updatedAt).toBe(lead.updatedAt);
    await repos.activities.create(
      buildActivity({
        type: 'task',
        relatedType: 'lead',
        relatedId: lead.id,
        occurredAt: T2,
        dueDate: '2026-03-09',
      }),
    );
    expect(await lastActivityOf('leads', lead.id)).toBe(T1);
  });

  it('counts a task when it is completed, at the time it was marked done', async () => {
    const lead = await repos.leads.create(buildLead());
    const task = await repos.activities.create(
      buildActivity({
        type: 'task',
        relatedType: 'lead',
        relatedId: lead.id,
        occurredAt: T1,
        dueDate: '2026-03-02',
      }),
    );
    const done = await repos.activities.setDone(task.id, true);
    // The replica's test clock is in 2023: done before it was due, and that moment is what counts.
    expect(done.doneAt).toBeDefined();
    expect(done.doneAt).not.toBe(T1);
    expect(await lastActivityOf('leads', lead.id)).toBe(done.doneAt);
    // Reopened: the contact is taken back.
    await repos.activities.setDone(task.id, false);
    expect(await lastActivityOf('leads', lead.id)).toBe(0);
  });

  it('recomputes from the remaining activities when the latest one is deleted, and restores it', async () => {
    const lead = await repos.leads.create(buildLead());
    const early = buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T1 });
    await repos.activities.create(early);
    const late = await repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: lead.id, occurredAt: T2 }),
    );
    expect(await lastActivityOf('leads', lead.id)).toBe(T2);
    await repos.activities.softDelete(late.id);
    expect(await lastActivityOf('leads', lead.id)).toBe(T1);
    await repos.activities.restore(late.id);
    expect(await lastActivityOf('leads', lead.id)).toBe(T2);
  });

  it('moves with an activity from one lead to another', async () => {
    const a = await repos.leads.create(buildLead());
    const b = await repos.leads.create(buildLead());
    const call = await repos.activities.create(
      buildActivity({ relatedType: 'lead', relatedId: a.id, occurredAt: T1 }),
    );
    await repos.activities.update(call.id, { relatedId: b.id });
    expect(await lastActivityOf('leads', a.id)).toBe(0);
    expect(await lastActivityOf('leads', b.id)).toBe(T1);
  });

  it('raises a deal and the account whose timeline shows the activity', async () => {
    const account = await repos.accounts.create(buildAccount());
    const deal = await repos.deals.create(buildDeal({ accountId: account.id }));
    await repos.activities.create(
      buildActivity({
        type: 'visit',
        relatedType: 'deal',
        relatedId: deal.id,
        accountId: account.id,
        occurredAt: T2,
      }),
    );
    expect(await lastActivityOf('deals', deal.id)).toBe(T2);
    expect(await lastActivityOf('accounts', account.id)).toBe(T2);
    // A call on a contact of the account counts for the account.
    await repos.activities.create(
      buildActivity({
        relatedType: 'contact',
        relatedId: 'con-x',
        accountId: account.id,
        occurredAt: T2 + 1,
      }),
    );
    expect(await lastActivityOf('accounts', account.id)).toBe(T2 + 1);
    expect(await lastActivityOf('deals', deal.id)).toBe(T2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../../data/database';
import type { Repositories } from '../../data/repositories';
import { openTestReplica } from '../../data/test-replica';
import {
  buildAccount,
  buildActivity,
  buildContract,
  buildDeal,
  buildTicket,
} from '../../../../test/support/factories';
import { loadAccountTimeline } from './queries';

let db: CrmDatabase;
let repos: Repositories;
let now: () => number;

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

/** A logged call on `accountId`'s timeline. */
function activity(accountId: string, occurredAt: number, subject: string) {
  return buildActivity({
    relatedType: 'account',
    relatedId: accountId,
    accountId,
    occurredAt,
    subject,
    done: true,
  });
}

describe('loadAccountTimeline', () => {
  it('merges activities, deals, tickets and contracts of one account, newest first', async () => {
    const account = await repos.accounts.create(buildAccount());
    const other = await repos.accounts.create(buildAccount());
    const deal = await repos.deals.create(buildDeal({ accountId: account.id }));
    const ticket = await repos.tickets.create(buildTicket({ accountId: account.id }));
    const contract = await repos.contracts.create(
      buildContract({
        accountId: account.id,
        dealId: deal.id,
        status: 'active',
        signedDate: '2020-01-02',
      }),
    );
    const late = await repos.activities.create(activity(account.id, now() + 60_000, '最新电话'));
    await repos.activities.create(activity(other.id, now() + 120_000, '别的客户'));

    const items = await loadAccountTimeline(repos, account.id);

    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      `activity:${late.id}`,
      `ticket:${ticket.id}`,
      `deal:${deal.id}`,
      `contract:${contract.id}`,
    ]);
    // A signed contract sits at its signing date, not when it was typed in.
    expect(items.at(-1)?.at).toBe(new Date(2020, 0, 2).getTime());
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_SCORING } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import { buildAccount, buildContract, buildTicket } from '../../../../test/support/factories';
import {
  churnRiskAccounts,
  createRenewalDeal,
  healthOfAccount,
  healthOfAccounts,
  loadRenewals,
} from './account-health';

let db: CrmDatabase;
let repos: Repositories;
const DAY = 86_400_000;
// The test replica's clock is in November 2023 (1_700_000_000_000 = 2023-11-14T22:13Z).
const NOW = 1_700_000_000_000 + 60_000;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

describe('account health from the replica', () => {
  it("reads each account's tickets and contracts by index and scores them apart", async () => {
    const a = await repos.accounts.create(buildAccount({ lastActivityAt: NOW - DAY }));
    const b = await repos.accounts.create(buildAccount({ lastActivityAt: NOW - DAY }));
    await repos.tickets.create(
      buildTicket({ accountId: a.id, status: 'open', slaBreachedAt: NOW - DAY }),
    );
    await repos.tickets.create(
      buildTicket({ accountId: a.id, status: 'open', slaBreachedAt: NOW - DAY }),
    );
    await repos.contracts.create(
      buildContract({
        accountId: a.id,
        status: 'active',
        paymentPlan: [{ id: 'p1', dueDate: '2023-10-01', amount: 1_000, note: '' }],
      }),
    );
    const health = await healthOfAccounts(repos, [a, b], DEFAULT_HEALTH_SCORING, NOW);
    const parts = Object.fromEntries(health.get(a.id)!.parts.map((p) => [p.kind, p.points]));
    // Two open tickets (−4), two breaches (−20), one overdue instalment (−8).
    expect(parts).toMatchObject({ openTickets: -4, breachedTickets: -20, overduePayments: -8 });
    expect(health.get(a.id)!.score).toBe(68);
    expect(health.get(b.id)!.score).toBe(100);
    expect((await healthOfAccount(repos, a, NOW)).score).toBe(68);
  });
});

describe('the churn-risk filter', () => {
  it('walks the matching accounts and keeps those at risk, lowest score first', async () => {
    const quiet = await repos.accounts.create(buildAccount({ lastActivityAt: 0, ownerId: 'u1' }));
    const fine = await repos.accounts.create(buildAccount({ lastActivityAt: NOW - DAY }));
    const worst = await repos.accounts.create(buildAccount({ lastActivityAt: 0 }));
    for (const accountId of [quiet.id, worst.id, worst.id])
      await repos.tickets.create(
        buildTicket({ accountId, status: 'open', slaBreachedAt: NOW - 2 * DAY }),
      );
    // quiet: −25 − 2 − 10 = 63, 12 down from 75 (the ticket is new): not at risk. worst: −25 − 4 − 20 = 51,
    // 24 down: at risk (a fast drop).
    const result = await churnRiskAccounts(
      repos,
      {},
      { field: 'updatedAt', direction: 'desc' },
      NOW,
    );
    expect(result.accounts.map((a) => a.id)).toEqual([worst.id]);
    expect(result.health.get(worst.id)).toMatchObject({ score: 51, churnReasons: ['drop'] });
    expect(result.health.has(fine.id)).toBe(false);
  });
});

describe('renewals', () => {
  it('lists active contracts ending in the window and creates the renewal deal once', async () => {
    const account = await repos.accounts.create(buildAccount());
    const today = new Date(NOW - new Date(NOW).getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 10);
    const inDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
    const soon = await repos.contracts.create(
      buildContract({
        accountId: account.id,
        status: 'active',
        endDate: inDays(20),
        title: '年度维保',
        amount: 88_000,
      }),
    );
    await repos.contracts.create(
      buildContract({ accountId: account.id, status: 'active', endDate: inDays(45) }),
    );
    await repos.contracts.create(
      buildContract({ accountId: account.id, status: 'draft', endDate: inDays(10) }),
    );

    const in30 = await loadRenewals(repos, 30, NOW);
    expect(in30.map((r) => r.contract.id)).toEqual([soon.id]);
    expect(in30[0]).toMatchObject({ account: { id: account.id }, renewalDeal: null });
    expect(in30[0].health?.score).toBeTypeOf('number');
    expect(await loadRenewals(repos, 60, NOW)).toHaveLength(2);

    const deal = await createRenewalDeal(repos, soon, '续约: 年度维保');
    expect(deal).toMatchObject({
      name: '续约: 年度维保',
      accountId: account.id,
      amount: 88_000,
      closeDate: inDays(20),
      stage: 'qualify',
      status: 'open',
    });
    const again = await createRenewalDeal(repos, soon, '续约: 年度维保');
    expect(again.id).toBe(deal.id);
    expect(await repos.deals.count({ accountId: account.id })).toBe(1);
    expect((await loadRenewals(repos, 30, NOW))[0].renewalDeal?.id).toBe(deal.id);
  });
});

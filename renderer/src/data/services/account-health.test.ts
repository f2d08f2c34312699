import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_HEALTH_SCORING } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import {
  buildAccount,
  buildActivity,
  buildContract,
  buildTicket,
} from '../../../../test/support/factories';
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

describe('the churn-risk filter against each account scored by its own reads', () => {
  const SORT = { field: 'updatedAt', direction: 'desc' } as const;
  // Scored a day on: after every write below (the replica's clock moves a second per write).
  const AT = NOW + DAY;

  /** What the filter must return: every account scored through its own index reads (healthOfAccounts). */
  async function scoredOneByOne() {
    const all = await repos.accounts.find({ selector: { deleted: false }, limit: 1000 });
    const health = await healthOfAccounts(repos, all, DEFAULT_HEALTH_SCORING, AT);
    const atRisk = all
      .filter((a) => health.get(a.id)!.churnRisk)
      .sort((a, b) => health.get(a.id)!.score - health.get(b.id)!.score);
    return { ids: atRisk.map((a) => a.id), health: atRisk.map((a) => health.get(a.id)) };
  }

  async function filtered() {
    const result = await churnRiskAccounts(repos, {}, SORT, AT);
    return {
      ids: result.accounts.map((a) => a.id),
      health: result.accounts.map((a) => result.health.get(a.id)),
    };
  }

  it('returns the same accounts and scores, and follows later changes without reading again', async () => {
    const accounts = [];
    for (let i = 0; i < 12; i++)
      accounts.push(
        await repos.accounts.create(
          buildAccount({ lastActivityAt: i % 3 === 0 ? 0 : NOW - (i * 9 + 1) * DAY }),
        ),
      );
    const tickets = [];
    for (let i = 0; i < 12; i++)
      tickets.push(
        await repos.tickets.create(
          buildTicket({
            accountId: accounts[i % 5].id,
            status: i % 4 === 0 ? 'resolved' : 'open',
            slaBreachedAt: i % 2 ? NOW - (i + 1) * DAY : 0,
            csat: i % 4 === 0 ? 1 : undefined,
          }),
        ),
      );
    for (let i = 0; i < 8; i++)
      await repos.activities.create(
        buildActivity({
          accountId: accounts[(i * 3) % 12].id,
          type: i % 2 ? 'nps' : 'call',
          npsScore: i % 2 ? i : undefined,
          // Some within the window, some long before it.
          occurredAt: NOW - (i % 3 === 2 ? 400 : i * 7 + 1) * DAY,
        }),
      );
    await repos.contracts.create(
      buildContract({
        accountId: accounts[7].id,
        status: 'active',
        paymentPlan: [{ id: 'p1', dueDate: '2023-09-01', amount: 5_000, note: '' }],
      }),
    );
    const before = await scoredOneByOne();
    expect(before.ids.length).toBeGreaterThan(1);
    expect(await filtered()).toEqual(before);

    // Later changes reach the filter through the change events: a healthy account gets two breached tickets, a
    // ticket moves to another account, one is deleted, a contract's instalment falls overdue, a call is logged.
    const healthy = accounts.find((a) => !before.ids.includes(a.id))!;
    for (let i = 0; i < 2; i++)
      await repos.tickets.create(
        buildTicket({ accountId: healthy.id, status: 'open', slaBreachedAt: NOW - DAY }),
      );
    await repos.tickets.update(tickets[1].id, { accountId: accounts[11].id });
    await repos.tickets.softDelete(tickets[3].id);
    await repos.contracts.create(
      buildContract({
        accountId: accounts[10].id,
        status: 'active',
        paymentPlan: [{ id: 'p1', dueDate: '2023-08-01', amount: 9_000, note: '' }],
      }),
    );
    await repos.activities.create(
      buildActivity({ accountId: accounts[0].id, type: 'call', occurredAt: NOW - DAY }),
    );
    const reads = vi.spyOn(repos.tickets, 'readIndexRange');
    const after = await scoredOneByOne();
    expect(after).not.toEqual(before);
    expect(await filtered()).toEqual(after);
    // The second run read no tickets: the facts were kept current from the change events.
    expect(reads).not.toHaveBeenCalled();
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

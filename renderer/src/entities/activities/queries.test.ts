import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openCrmDatabase, type CrmDatabase } from '../../data/database';
import { createRepositories, type Repositories } from '../../data/repositories';
import { loadAccountTimeline } from './queries';

let db: CrmDatabase;
let repos: Repositories;
let clock = 1_700_000_000_000;
let seq = 0;

beforeEach(async () => {
  db = await openCrmDatabase({
    name: `timeline-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
  });
  repos = createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now: () => (clock += 1000),
    newId: () => `id-${++seq}`,
  });
});
afterEach(async () => {
  await db.close();
});

function activity(accountId: string, occurredAt: number, subject: string) {
  return {
    type: 'call' as const,
    subject,
    body: '',
    outcome: '',
    nextStep: '',
    relatedType: 'account' as const,
    relatedId: accountId,
    accountId,
    occurredAt,
    dueDate: '',
    done: true,
  };
}

describe('loadAccountTimeline', () => {
  it('merges activities, deals, tickets and contracts of one account, newest first', async () => {
    const account = await repos.accounts.create({
      name: '北京星河数据科技有限公司',
      nameKey: '',
      creditCode: '',
      industry: '',
      sizeBand: '',
      region: '',
      source: '',
      tier: '',
      status: 'prospect',
      tags: [],
      phone: '',
      website: '',
      address: '',
      notes: '',
    });
    const other = await repos.accounts.create({
      name: '上海云帆信息技术有限公司',
      nameKey: '',
      creditCode: '',
      industry: '',
      sizeBand: '',
      region: '',
      source: '',
      tier: '',
      status: 'prospect',
      tags: [],
      phone: '',
      website: '',
      address: '',
      notes: '',
    });
    const deal = await repos.deals.create({
      name: '数据平台采购',
      accountId: account.id,
      contactId: '',
      pipelineId: 'pipeline-default',
      stage: 'qualify',
      status: 'open',
      amount: 0,
      currency: 'CNY',
      probability: 10,
      closeDate: '',
      lineItems: [],
      source: '',
      campaign: '',
      budget: '',
      decisionMakerId: '',
      competitor: '',
      lostReason: '',
      rank: 1024,
      notes: '',
    });
    const ticket = await repos.tickets.create({
      number: 'T-1',
      subject: '无法登录',
      description: '',
      accountId: account.id,
      contactId: '',
      type: 'incident',
      priority: 'high',
      status: 'new',
      assigneeId: '',
      resolution: '',
    });
    const contract = await repos.contracts.create({
      number: 'C-1',
      title: '年度服务合同',
      accountId: account.id,
      dealId: deal.id,
      amount: 1000,
      currency: 'CNY',
      status: 'active',
      signedDate: '2020-01-02',
      startDate: '',
      endDate: '',
      paymentPlan: [],
      payments: [],
      notes: '',
    });
    const late = await repos.activities.create(activity(account.id, clock + 60_000, '最新电话'));
    await repos.activities.create(activity(other.id, clock + 120_000, '别的客户'));

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

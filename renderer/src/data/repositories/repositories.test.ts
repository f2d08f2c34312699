import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '@shared/domain';
import { creditCodeCheckChar } from '@shared/validation';
import type { CrmDatabase } from '../database';
import { BusinessRuleError, RecordValidationError } from '../errors';
import { convertLead } from '../services/lead-conversion';
import { findReplicaDuplicates } from '../services/duplicate-check';
import {
  buildAccount,
  buildActivity,
  buildContact,
  buildDeal,
  buildLead,
  buildTicket,
  type DealFields,
} from '../../../../test/support/factories';
import type { Repositories } from './index';
import { openTestReplica } from '../test-replica';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const VALID_CODE = code('91110108MA01ABCDE');

/** A deal in the first stage with none of the later gates' fields filled yet. */
function dealInput(overrides: Partial<DealFields> = {}) {
  return buildDeal({ accountId: 'acc', amount: 0, closeDate: '', ...overrides });
}

let db: CrmDatabase;
let repos: Repositories;
let now: () => number;

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

describe('accounts', () => {
  it('stamps meta, cleans the name and derives the duplicate key', async () => {
    const created = await repos.accounts.create(
      buildAccount({
        name: ' 北京星河数据科技（有限公司） ',
        creditCode: VALID_CODE.toLowerCase(),
      }),
    );
    expect(created).toMatchObject({
      workspaceId: 'w1',
      ownerId: 'u1',
      teamId: 't1',
      createdBy: 'u1',
      deleted: false,
      creditCode: VALID_CODE,
    });
    expect(created.nameKey).toBe('北京星河数据科技');
    expect(await repos.accounts.get(created.id)).toEqual(created);
  });

  it('rejects an invalid credit code with a field issue and saves nothing', async () => {
    const bad = VALID_CODE.slice(0, 17) + (VALID_CODE.endsWith('0') ? '1' : '0');
    const error = await repos.accounts
      .create(buildAccount({ creditCode: bad }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toEqual([
      { path: 'creditCode', message: 'validation.creditCode.checksum' },
    ]);
    expect(await repos.accounts.count({ deleted: false })).toBe(0);
  });

  it('finds duplicates by credit code and by normalized name, with reasons', async () => {
    const existing = await repos.accounts.create(
      buildAccount({ name: '北京星河数据科技有限公司', creditCode: VALID_CODE }),
    );
    const byName = await repos.accounts.findDuplicates({
      name: '北京星河数据科技有限公司 ',
      creditCode: '',
    });
    expect(byName.map((m) => [m.record.id, m.reasons])).toEqual([[existing.id, ['name']]]);
    const byCode = await repos.accounts.findDuplicates({
      name: '完全不同的公司有限公司',
      creditCode: VALID_CODE,
    });
    expect(byCode[0]?.reasons).toEqual(['creditCode']);
    expect(
      await repos.accounts.findDuplicates(
        { name: '北京星河数据科技有限公司', creditCode: '' },
        existing.id,
      ),
    ).toEqual([]);
  });

  it('refuses a second account with the same credit code at the field; edits and merge losers are fine', async () => {
    const first = await repos.accounts.create(
      buildAccount({ name: '北京星河数据科技有限公司', creditCode: VALID_CODE }),
    );
    const error = await repos.accounts
      .create(
        buildAccount({ name: '星河数据（北京）有限公司', creditCode: VALID_CODE.toLowerCase() }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toEqual([
      { path: 'creditCode', message: 'accounts.duplicate.creditCodeTaken' },
    ]);
    expect(await repos.accounts.count({ deleted: false })).toBe(1);
    // The account itself keeps its code through an edit; the same name alone is only a warning.
    await repos.accounts.update(first.id, { notes: '改备注' });
    const sameName = await repos.accounts.create(
      buildAccount({ name: '北京星河数据科技有限公司' }),
    );
    // Once the first is merged away (a tombstone pointing to the survivor) its code is free for the survivor.
    await repos.accounts.update(first.id, { mergedIntoId: sameName.id });
    await repos.accounts.softDelete(first.id);
    await repos.accounts.update(sameName.id, { creditCode: VALID_CODE });
    expect((await repos.accounts.get(sameName.id))?.creditCode).toBe(VALID_CODE);
  });

  it("finds a lead form's company among accounts and open leads, and its mobile among contacts", async () => {
    const account = await repos.accounts.create(buildAccount({ name: '杭州西湖软件有限公司' }));
    const open = await repos.leads.create(
      buildLead({ company: '杭州西湖软件（有限公司）', mobile: '', ownerId: 'u2' }),
    );
    await repos.leads.create(
      buildLead({ company: '杭州西湖软件有限公司', status: 'disqualified' }),
    );
    const contact = await repos.contacts.create(
      buildContact({ accountId: account.id, mobile: '13912345678', email: '' }),
    );
    const hits = await findReplicaDuplicates(repos, {
      name: '杭州西湖软件有限公司',
      mobile: '139 1234 5678',
    });
    expect(hits.map((h) => [h.kind, h.id, h.reasons, h.ownerId])).toEqual([
      ['accounts', account.id, ['name'], 'u1'],
      ['leads', open.id, ['name'], 'u2'],
      ['contacts', contact.id, ['mobile'], 'u1'],
    ]);
    expect(hits[1]).toMatchObject({ title: '杭州西湖软件（有限公司）', accountId: '' });
    expect(hits[2]).toMatchObject({ accountId: account.id });
    // A new account typed with that name finds the open lead (and the account itself when editing it is left out).
    const forAccount = await findReplicaDuplicates(repos, { name: '杭州西湖软件' }, account.id);
    expect(forAccount.map((h) => h.id)).toEqual([open.id]);
  });

  it('pages through an index with filters and soft delete hides a record', async () => {
    for (let i = 0; i < 12; i++)
      await repos.accounts.create(
        buildAccount({ name: `测试公司${i}有限公司`, industry: i % 2 ? 'I65' : 'C39' }),
      );
    const page1 = await repos.accounts.listPage(
      { industry: 'I' },
      { field: 'updatedAt', direction: 'desc' },
      4,
      0,
    );
    const page2 = await repos.accounts.listPage(
      { industry: 'I' },
      { field: 'updatedAt', direction: 'desc' },
      4,
      4,
    );
    expect(page1).toHaveLength(4);
    expect(page2).toHaveLength(2);
    expect(new Set([...page1, ...page2].map((a) => a.industry))).toEqual(new Set(['I65']));
    await repos.accounts.softDelete(page1[0].id);
    expect(await repos.accounts.countMatching({ industry: 'I' })).toBe(5);
    await repos.accounts.restore(page1[0].id);
    const restored = await repos.accounts.get(page1[0].id);
    expect(restored?.deleted).toBe(false);
    expect(restored && 'deletedAt' in restored).toBe(false);
  });
});

describe('contacts', () => {
  it('normalizes mobile numbers and reports a duplicate mobile', async () => {
    const first = await repos.contacts.create(
      buildContact({ mobile: '+86 138-0013-8000', email: 'Wang@Example.com' }),
    );
    expect(first.mobile).toBe('13800138000');
    expect(first.email).toBe('wang@example.com');
    const dup = await repos.contacts.findDuplicates({ mobile: '138 0013 8000', email: '' });
    expect(dup.map((d) => d.reasons)).toEqual([['mobile']]);
  });

  it('rejects a mobile number that is not 11 digits', async () => {
    const error = await repos.contacts
      .create(buildContact({ mobile: '1380013800' }))
      .catch((e: unknown) => e);
    expect((error as RecordValidationError).issues[0]).toEqual({
      path: 'mobile',
      message: 'validation.mobile.format',
    });
  });
});

describe('deals', () => {
  it('enforces stage gates and moves status/probability with the stage', async () => {
    const deal = await repos.deals.create(dealInput());
    const refused = await repos.deals
      .moveToStage(deal.id, DEFAULT_PIPELINE, 'quote')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusinessRuleError);
    expect((refused as BusinessRuleError).params.fields).toBe(
      'amount,closeDate,budget,decisionMakerId,competitor',
    );
    await repos.deals.update(deal.id, {
      amount: 500000,
      closeDate: '2026-12-31',
      budget: '60万',
      decisionMakerId: 'c1',
      competitor: '友商A',
    });
    const moved = await repos.deals.moveToStage(deal.id, DEFAULT_PIPELINE, 'quote');
    expect(moved).toMatchObject({ stage: 'quote', probability: 60, status: 'open' });
    expect(moved.rank).toBeGreaterThan(0);
    const won = await repos.deals.moveToStage(deal.id, DEFAULT_PIPELINE, 'won');
    expect(won).toMatchObject({ status: 'won', probability: 100 });
  });

  it('creates the entered stage’s template tasks for the owner once per entry day (issue 20)', async () => {
    const pipeline = {
      ...DEFAULT_PIPELINE,
      stages: DEFAULT_PIPELINE.stages.map((stage) =>
        stage.id === 'needs'
          ? {
              ...stage,
              requiredFields: [],
              taskTemplates: [{ id: 't1', title: '竞品分析', dueInDays: 2 }],
            }
          : stage,
      ),
    };
    const deal = await repos.deals.create(dealInput());
    await repos.deals.moveToStage(deal.id, pipeline, 'needs');
    await repos.deals.moveToStage(deal.id, pipeline, 'qualify');
    await repos.deals.moveToStage(deal.id, pipeline, 'needs');
    const tasks = await repos.activities.find({
      selector: { relatedId: deal.id, type: 'task' },
      limit: 10,
    });
    // Re-entering on the same day finds the same task id: one task, not two.
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ subject: '竞品分析', ownerId: deal.ownerId, done: false });
    expect(tasks[0]?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('moves a removed stage’s deals of one pipeline to the stage the admin picked', async () => {
    const deal = await repos.deals.create(dealInput({ stage: 'needs' }));
    const other = await repos.deals.create(dealInput({ stage: 'needs', pipelineId: 'renewal' }));
    const qualify = DEFAULT_PIPELINE.stages[0];
    expect(await repos.deals.countByStage(deal.pipelineId, ['needs'])).toEqual({ needs: 1 });
    expect(await repos.deals.moveStageDeals(deal.pipelineId, 'needs', qualify)).toBe(1);
    expect(await repos.deals.get(deal.id)).toMatchObject({ stage: 'qualify', status: 'open' });
    expect(await repos.deals.get(other.id)).toMatchObject({ stage: 'needs' });
  });

  it('takes the amount from line items when there are any', async () => {
    const deal = await repos.deals.create(
      dealInput({
        lineItems: [{ id: 'l1', product: '许可证', quantity: 10, unitPrice: 1000, discount: 10 }],
      }),
    );
    expect(deal.amount).toBe(9000);
  });

  it('creates a deal from the form in its stage: gate checked, status from the stage, end of column', async () => {
    const { status: _status, rank: _rank, ...input } = dealInput({ stage: 'proposal' });
    const refused = await repos.deals
      .createInStage(input, DEFAULT_PIPELINE)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusinessRuleError);
    expect((refused as BusinessRuleError).params.fields).toBe('amount,closeDate');
    expect(await repos.deals.countInStage('proposal')).toBe(0);

    const first = await repos.deals.createInStage(
      {
        ...input,
        stage: 'won',
        amount: 0,
        probability: 70,
        lineItems: [{ id: 'l1', product: '许可证', quantity: 1, unitPrice: 100, discount: 0 }],
      },
      DEFAULT_PIPELINE,
    );
    // Line items give the amount the gate wants; the typed probability stays.
    expect(first).toMatchObject({ stage: 'won', status: 'won', amount: 100, probability: 70 });
    const second = await repos.deals.createInStage(
      { ...input, stage: 'won', amount: 5 },
      DEFAULT_PIPELINE,
    );
    expect(second.rank).toBeGreaterThan(first.rank);

    const unknown = await repos.deals
      .createInStage({ ...input, stage: 'gone' }, DEFAULT_PIPELINE)
      .catch((e: unknown) => e);
    expect((unknown as BusinessRuleError).messageKey).toBe('deals.errors.unknownStage');
  });

  it('edits a deal: a changed stage passes its gate and takes its status; the same stage is not re-checked', async () => {
    const deal = await repos.deals.create(dealInput());
    const refused = await repos.deals
      .edit(deal.id, { stage: 'lost' }, DEFAULT_PIPELINE)
      .catch((e: unknown) => e);
    expect((refused as BusinessRuleError).params.fields).toBe('lostReason');
    const lost = await repos.deals.edit(
      deal.id,
      { stage: 'lost', lostReason: '预算被砍' },
      DEFAULT_PIPELINE,
    );
    expect(lost).toMatchObject({ stage: 'lost', status: 'lost', lostReason: '预算被砍' });
    expect(lost.rank).toBeGreaterThan(0);
    const renamed = await repos.deals.edit(
      deal.id,
      { stage: 'lost', lostReason: '', name: '改名' },
      DEFAULT_PIPELINE,
    );
    expect(renamed).toMatchObject({ stage: 'lost', name: '改名', rank: lost.rank });
  });
});

describe('tickets and activities', () => {
  it('follows the ticket workflow and stamps SLA times', async () => {
    const ticket = await repos.tickets.create(buildTicket({ accountId: 'a' }));
    const open = await repos.tickets.changeStatus(ticket.id, 'open');
    expect(open.firstResponseAt).toBeGreaterThan(0);
    const resolved = await repos.tickets.changeStatus(ticket.id, 'resolved', '重置密码');
    expect(resolved.resolvedAt).toBeGreaterThan(0);
    await expect(repos.tickets.changeStatus(ticket.id, 'pending')).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
  });

  it('splits open tasks into overdue, today and upcoming', async () => {
    const task = (subject: string, dueDate: string, done = false) =>
      repos.activities.create(
        buildActivity({
          type: 'task',
          subject,
          relatedType: 'account',
          relatedId: 'a',
          accountId: 'a',
          occurredAt: now(),
          dueDate,
          done,
        }),
      );
    await task('逾期', '2026-11-20');
    await task('今天', '2026-11-22');
    await task('下周', '2026-11-25');
    await task('已完成', '2026-11-22', true);
    await task('太远', '2026-12-30');
    const day = await repos.activities.myDay('2026-11-22', '2026-11-29');
    expect(day.overdue.map((a) => a.subject)).toEqual(['逾期']);
    expect(day.today.map((a) => a.subject)).toEqual(['今天']);
    expect(day.upcoming.map((a) => a.subject)).toEqual(['下周']);
  });
});

describe('lead conversion', () => {
  it('creates account, contact and deal and links them from the lead', async () => {
    const lead = await repos.leads.create(
      buildLead({
        company: '杭州云帆科技有限公司',
        mobile: '13912345678',
        source: 'event',
        status: 'qualified',
      }),
    );
    const result = await convertLead(repos, lead, {
      accountName: lead.company,
      createDeal: true,
      dealName: '云帆 CRM 项目',
      dealAmount: 200000,
    });
    expect(result.account.name).toBe('杭州云帆科技有限公司');
    expect(result.contact).toMatchObject({ accountId: result.account.id, mobile: '13912345678' });
    expect(result.deal).toMatchObject({
      accountId: result.account.id,
      contactId: result.contact.id,
      stage: 'qualify',
      source: 'event',
    });
    expect(await repos.leads.get(lead.id)).toMatchObject({
      status: 'converted',
      convertedAccountId: result.account.id,
      convertedDealId: result.deal?.id,
    });
  });

  it("puts the deal in the chosen pipeline's first open stage (issue 20)", async () => {
    await repos.settings.savePipeline('pipeline-renewal', {
      name: '续约',
      stages: [
        { id: 'renew-won', name: '已续约', probability: 100, outcome: 'won', requiredFields: [] },
        {
          id: 'renew-talk',
          name: '续约沟通',
          probability: 60,
          outcome: 'open',
          requiredFields: [],
        },
        { id: 'renew-lost', name: '流失', probability: 0, outcome: 'lost', requiredFields: [] },
      ],
    });
    const lead = await repos.leads.create(
      buildLead({ company: '苏州续约客户有限公司', status: 'qualified' }),
    );
    const result = await convertLead(repos, lead, {
      accountName: lead.company,
      createDeal: true,
      dealName: '续约',
      dealAmount: 1000,
      pipelineId: 'pipeline-renewal',
    });
    expect(result.deal).toMatchObject({
      pipelineId: 'pipeline-renewal',
      stage: 'renew-talk',
      probability: 60,
      status: 'open',
    });
  });
});

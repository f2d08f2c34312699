import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../domain/defaults';
import { accountSchema, contactSchema, dealSchema, type Lead } from '../domain/entities';
import {
  accountFromLead,
  contactFromLead,
  conversionStage,
  convertedLeadChanges,
  dealFromLead,
} from './lead-conversion';
import { buildLead, withMeta } from '../../test/support/factories';

const lead: Lead = withMeta(
  buildLead({
    name: '王芳',
    company: '杭州云栖科技有限公司',
    companyKey: '杭州云栖科技',
    title: 'CTO',
    mobile: '13800138000',
    email: 'wang.fang@example.com',
    source: 'website',
    campaign: '2025 春季展会',
    campaignId: 'cmp-spring',
    status: 'qualified',
    score: 80,
    region: 'zhejiang',
    industry: 'I65',
    notes: '想要私有化部署',
  }),
  { id: 'lead-1', workspaceId: 'ws', by: 'u1', at: 0 },
);

const meta = {
  id: 'x',
  workspaceId: 'ws',
  teamId: '',
  ownerId: '',
  createdAt: 0,
  updatedAt: 0,
  createdBy: '',
  updatedBy: '',
  deleted: false,
};

describe('lead conversion', () => {
  it('makes a prospect account tagged sql from the lead’s company facts, under the confirmed name', () => {
    const account = accountFromLead(lead, '杭州云栖科技有限公司（总部）');
    expect(account).toMatchObject({
      name: '杭州云栖科技有限公司（总部）',
      industry: 'I65',
      region: 'zhejiang',
      source: 'website',
      status: 'prospect',
      tags: ['sql'],
      notes: '想要私有化部署',
    });
    expect(accountSchema.safeParse({ ...meta, ...account, nameKey: 'k' }).success).toBe(true);
  });

  it('makes a contact of the lead’s person at the account', () => {
    const contact = contactFromLead(lead, 'acc-9');
    expect(contact).toMatchObject({
      name: '王芳',
      title: 'CTO',
      mobile: '13800138000',
      email: 'wang.fang@example.com',
      accountId: 'acc-9',
    });
    expect(contactSchema.safeParse({ ...meta, ...contact }).success).toBe(true);
  });

  it('makes a deal in the first stage, with its status and probability, carrying source and campaign', () => {
    const first = DEFAULT_PIPELINE.stages[0];
    const deal = dealFromLead(lead, {
      name: '私有化部署',
      amount: 300_000,
      accountId: 'acc-9',
      contactId: 'con-9',
      pipelineId: 'pipeline-default',
      stage: first,
    });
    expect(deal).toMatchObject({
      stage: first.id,
      status: 'open',
      probability: first.probability,
      amount: 300_000,
      source: 'website',
      campaign: '2025 春季展会',
      campaignId: 'cmp-spring',
      accountId: 'acc-9',
      contactId: 'con-9',
    });
    expect(dealSchema.safeParse({ ...meta, ...deal, rank: 1 }).success).toBe(true);
  });

  it('marks the lead converted with links to what it became', () => {
    expect(convertedLeadChanges({ accountId: 'a', contactId: 'c', dealId: '' })).toEqual({
      status: 'converted',
      convertedAccountId: 'a',
      convertedContactId: 'c',
      convertedDealId: '',
    });
  });
});

describe('conversionStage (issue 20)', () => {
  it("starts the deal in the chosen pipeline's first open stage", () => {
    expect(conversionStage(DEFAULT_PIPELINE).id).toBe(DEFAULT_PIPELINE.stages[0].id);
    const reordered = {
      stages: [
        { id: 'lost', name: 'lost', probability: 0, outcome: 'lost' as const, requiredFields: [] },
        {
          id: 'renew',
          name: '续约',
          probability: 70,
          outcome: 'open' as const,
          requiredFields: [],
        },
      ],
    };
    expect(conversionStage(reordered).id).toBe('renew');
  });
});

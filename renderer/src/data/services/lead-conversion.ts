import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  type Account,
  type Contact,
  type Deal,
  type Lead,
} from '@shared/domain';
import { stageEntryChanges } from '@shared/rules/deal-stage';
import type { Repositories } from '../repositories';

export interface ConvertLeadOptions {
  /** Use an existing account (e.g. the duplicate the form found) instead of creating one. */
  existingAccountId?: string;
  accountName: string;
  createDeal: boolean;
  dealName: string;
  dealAmount: number;
}

export interface ConversionResult {
  account: Account;
  contact: Contact;
  deal: Deal | null;
}

/**
 * 线索转化: a qualified lead becomes an account + contact (+ deal). All new records are validated before
 * any is written, so a bad lead never leaves half a conversion behind; the lead is marked converted last
 * and keeps links to what it became.
 */
export async function convertLead(
  repos: Repositories,
  lead: Lead,
  options: ConvertLeadOptions,
): Promise<ConversionResult> {
  const existing = options.existingAccountId
    ? await repos.accounts.get(options.existingAccountId)
    : null;
  const firstStage = DEFAULT_PIPELINE.stages[0];
  const accountInput = {
    name: options.accountName,
    nameKey: '',
    creditCode: '',
    industry: lead.industry,
    sizeBand: '' as const,
    region: lead.region,
    source: lead.source,
    tier: '' as const,
    status: 'prospect' as const,
    tags: ['sql'],
    phone: '',
    website: '',
    address: '',
    notes: lead.notes,
  };
  const contactBase = {
    name: lead.name,
    title: lead.title,
    department: '',
    mobile: lead.mobile,
    email: lead.email,
    phone: '',
    wechat: '',
    decisionRole: '' as const,
    decisionPower: '' as const,
    birthday: '',
    notes: '',
  };
  // Validate up front (throws RecordValidationError naming the field) before the first write.
  if (!existing) repos.accounts.validate({ ...placeholderMeta(), ...accountInput, nameKey: 'x' });
  repos.contacts.validate({ ...placeholderMeta(), ...contactBase, accountId: 'x' });

  const account = existing ?? (await repos.accounts.create(accountInput));
  const contact = await repos.contacts.create({ ...contactBase, accountId: account.id });
  let deal: Deal | null = null;
  if (options.createDeal) {
    deal = await repos.deals.create({
      name: options.dealName,
      accountId: account.id,
      contactId: contact.id,
      pipelineId: DEFAULT_PIPELINE_ID,
      ...stageEntryChanges(firstStage),
      amount: options.dealAmount,
      currency: 'CNY',
      closeDate: '',
      lineItems: [],
      source: lead.source,
      campaign: lead.campaign,
      budget: '',
      decisionMakerId: '',
      competitor: '',
      lostReason: '',
      rank: await repos.deals.nextRank(firstStage.id),
      notes: '',
    });
  }
  await repos.leads.update(lead.id, {
    status: 'converted',
    convertedAccountId: account.id,
    convertedContactId: contact.id,
    convertedDealId: deal?.id ?? '',
  });
  return { account, contact, deal };
}

function placeholderMeta() {
  return {
    id: 'x',
    workspaceId: 'x',
    teamId: '',
    ownerId: '',
    createdAt: 0,
    updatedAt: 0,
    createdBy: '',
    updatedBy: '',
    deleted: false,
  };
}

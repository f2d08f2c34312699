import type { RecordMeta } from '../domain/base';
import type { Account, Contact, Deal, Lead, PipelineStage } from '../domain/entities';
import type { WithOptionalDefaults } from '../domain/field-defaults';
import { stageEntryChanges } from './deal-stage';

/**
 * Lead conversion (线索转化): a qualified lead becomes an account, a contact and, when the person
 * asks for it, a deal. These say which of the lead's fields each new record takes; the app's conversion service
 * validates and writes them, and marks the lead with convertedLeadChanges.
 */

/** A record's own fields, without the meta fields its store fills in (id, owner, timestamps …). */
type RecordFields<T> = WithOptionalDefaults<Omit<T, keyof RecordMeta>>;

/** The account a lead becomes, under the name the person confirmed; tagged 'sql' (sales-qualified lead). */
export function accountFromLead(lead: Lead, accountName: string): RecordFields<Account> {
  return {
    name: accountName,
    nameKey: '',
    creditCode: '',
    industry: lead.industry,
    sizeBand: lead.sizeBand ?? '',
    region: lead.region,
    source: lead.source,
    tier: '',
    status: 'prospect',
    tags: ['sql'],
    phone: '',
    website: '',
    address: '',
    notes: lead.notes,
  };
}

/** The contact a lead becomes: the person on the lead, at `accountId`. */
export function contactFromLead(lead: Lead, accountId: string): RecordFields<Contact> {
  return {
    name: lead.name,
    title: lead.title,
    department: '',
    mobile: lead.mobile,
    email: lead.email,
    phone: '',
    wechat: '',
    decisionRole: '',
    decisionPower: '',
    birthday: '',
    notes: '',
    accountId,
  };
}

/**
 * The stage a converted lead's deal starts in (issue 20): the chosen pipeline's first open stage (a pipeline
 * whose stages were reordered may not start with one), else its first stage.
 */
export function conversionStage(pipeline: { stages: readonly PipelineStage[] }): PipelineStage {
  return pipeline.stages.find((stage) => stage.outcome === 'open') ?? pipeline.stages[0];
}

/**
 * The deal a lead becomes, in the pipeline's first stage (its status and probability, stageEntryChanges),
 * carrying the lead's source and campaign. The rank (its place on the board) is the caller's.
 */
export function dealFromLead(
  lead: Lead,
  deal: {
    name: string;
    amount: number;
    accountId: string;
    contactId: string;
    pipelineId: string;
    stage: PipelineStage;
  },
): Omit<RecordFields<Deal>, 'rank'> {
  return {
    name: deal.name,
    accountId: deal.accountId,
    contactId: deal.contactId,
    pipelineId: deal.pipelineId,
    ...stageEntryChanges(deal.stage),
    amount: deal.amount,
    currency: 'CNY',
    closeDate: '',
    lineItems: [],
    source: lead.source,
    campaign: lead.campaign,
    campaignId: lead.campaignId,
    budget: '',
    decisionMakerId: '',
    competitor: '',
    lostReason: '',
    notes: '',
  };
}

/** What converting sets on the lead: converted, with links to what it became ('' for no deal). */
export function convertedLeadChanges(links: {
  accountId: string;
  contactId: string;
  dealId: string;
}): Pick<Lead, 'status' | 'convertedAccountId' | 'convertedContactId' | 'convertedDealId'> {
  return {
    status: 'converted',
    convertedAccountId: links.accountId,
    convertedContactId: links.contactId,
    convertedDealId: links.dealId,
  };
}

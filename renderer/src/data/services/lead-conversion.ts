import {
  DEFAULT_PIPELINE_ID,
  type Account,
  type Contact,
  type Deal,
  type Lead,
} from '@shared/domain';
import {
  accountFromLead,
  contactFromLead,
  conversionStage,
  convertedLeadChanges,
  dealFromLead,
} from '@shared/rules/lead-conversion';
import type { Repositories } from '../repositories';

export interface ConvertLeadOptions {
  /** Use an existing account (e.g. the duplicate the form found) instead of creating one. */
  existingAccountId?: string;
  accountName: string;
  createDeal: boolean;
  dealName: string;
  dealAmount: number;
  /** The deal's pipeline (issue 20); the default pipeline when omitted. */
  pipelineId?: string;
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
  // The chosen pipeline as the workspace stores it (settings), its first open stage (shared rule).
  const pipelineId = options.pipelineId ?? DEFAULT_PIPELINE_ID;
  const pipelines = options.createDeal ? await repos.settings.pipelines() : [];
  const pipeline =
    pipelines.find((p) => p.id === pipelineId) ??
    pipelines.find((p) => p.id === DEFAULT_PIPELINE_ID) ??
    pipelines[0];
  const firstStage = pipeline ? conversionStage(pipeline.value) : null;
  // Which lead fields each record takes is the shared rule (shared/rules/lead-conversion.ts).
  const accountInput = accountFromLead(lead, options.accountName);
  // Validate up front (throws RecordValidationError naming the field) before the first write.
  if (!existing) repos.accounts.validate({ ...placeholderMeta(), ...accountInput, nameKey: 'x' });
  repos.contacts.validate({ ...placeholderMeta(), ...contactFromLead(lead, 'x') });

  const account = existing ?? (await repos.accounts.create(accountInput));
  const contact = await repos.contacts.create(contactFromLead(lead, account.id));
  let deal: Deal | null = null;
  if (options.createDeal && pipeline && firstStage) {
    deal = await repos.deals.create({
      ...dealFromLead(lead, {
        name: options.dealName,
        amount: options.dealAmount,
        accountId: account.id,
        contactId: contact.id,
        pipelineId: pipeline.id,
        stage: firstStage,
      }),
      rank: await repos.deals.nextRank(firstStage.id),
    });
  }
  await repos.leads.update(
    lead.id,
    convertedLeadChanges({ accountId: account.id, contactId: contact.id, dealId: deal?.id ?? '' }),
  );
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

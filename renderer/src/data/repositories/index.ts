import { AccountRepository } from './account-repository';
import { ActivityRepository } from './activity-repository';
import { ApprovalRepository } from './approval-repository';
import { ContactRepository } from './contact-repository';
import { ContractRepository } from './contract-repository';
import { DealRepository } from './deal-repository';
import { InboxMarkRepository } from './inbox-mark-repository';
import { LeadRepository } from './lead-repository';
import { MemberRepository } from './member-repository';
import { QuoteRepository } from './quote-repository';
import { SettingRepository } from './setting-repository';
import { TicketRepository } from './ticket-repository';
import type { RepositoryContext } from './entity-repository';

export function createRepositories(ctx: RepositoryContext) {
  const approvals = new ApprovalRepository(ctx);
  const settings = new SettingRepository(ctx);
  return {
    accounts: new AccountRepository(ctx),
    contacts: new ContactRepository(ctx),
    leads: new LeadRepository(ctx),
    deals: new DealRepository(ctx),
    // Contract activation reads the contract's approvals and the approval rules (issue 20).
    contracts: new ContractRepository(ctx, {
      approvalsOf: (id) => approvals.forSubject('contract', id),
      approvalRules: () => settings.approvalRules(),
    }),
    tickets: new TicketRepository(ctx),
    activities: new ActivityRepository(ctx),
    approvals,
    members: new MemberRepository(ctx),
    settings,
    inbox_marks: new InboxMarkRepository(ctx),
    quotes: new QuoteRepository(ctx),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export type { Actor, RepositoryContext, CreateInput, UpdateInput } from './entity-repository';
export type {
  AccountCursor,
  AccountFilter,
  AccountPage,
  AccountSort,
  DuplicateMatch,
} from './account-repository';
export type { MyDay } from './activity-repository';
export type { Product, SavedFilter } from './setting-repository';
export type { QuoteWithApproval } from './quote-repository';

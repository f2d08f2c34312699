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
  return {
    accounts: new AccountRepository(ctx),
    contacts: new ContactRepository(ctx),
    leads: new LeadRepository(ctx),
    deals: new DealRepository(ctx),
    contracts: new ContractRepository(ctx),
    tickets: new TicketRepository(ctx),
    activities: new ActivityRepository(ctx),
    approvals: new ApprovalRepository(ctx),
    members: new MemberRepository(ctx),
    settings: new SettingRepository(ctx),
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

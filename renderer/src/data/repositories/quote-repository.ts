import {
  quoteSchema,
  type Approval,
  type ApprovalRulesValue,
  type Deal,
  type MemberRole,
  type Quote,
} from '@shared/domain';
import {
  canMarkQuoteSent,
  isQuoteFrozen,
  latestQuote,
  nextQuoteVersion,
  quoteApprovalAmount,
  quoteApprovalState,
  quoteChangeRefusal,
  quoteTotals,
  type QuoteApprovalState,
  type QuoteChangeRefusal,
} from '@shared/rules/quote-math';
import { BusinessRuleError, issuesFromZod, RecordValidationError } from '../errors';
import { ApprovalRepository } from './approval-repository';
import { DealRepository } from './deal-repository';
import type { RepositoryContext } from './entity-repository';
import { SettingRepository } from './setting-repository';

/** A refusal of the shared quote rule as the error the UI shows (the server refuses the same, shared/rules). */
function quoteRefusalError(refusal: QuoteChangeRefusal): BusinessRuleError {
  return refusal.reason === 'quoteFrozen'
    ? new BusinessRuleError('quotes.errors.frozen', { version: String(refusal.version) })
    : new BusinessRuleError('quotes.errors.needsApproval', {
        version: String(refusal.version),
        discount: String(refusal.discountPercent),
        threshold: String(refusal.thresholdPercent),
      });
}

/** A quote version with its discount approval read from the approvals collection (never from the quote). */
export interface QuoteWithApproval {
  quote: Quote;
  approval: Approval | null;
  state: QuoteApprovalState;
  canMarkSent: boolean;
}

/**
 * Quotes (报价, issue 20) on their deal (`deals.quotes`): versions, drafts, sending and the discount approval.
 * Every change goes through the shared rules (shared/rules/quote-math.ts) the server also applies, and is written
 * through DealRepository and ApprovalRepository, which own their collections.
 */
export class QuoteRepository {
  private readonly deals: DealRepository;
  private readonly approvals: ApprovalRepository;
  private readonly settings: SettingRepository;

  constructor(private readonly ctx: RepositoryContext) {
    this.deals = new DealRepository(ctx);
    this.approvals = new ApprovalRepository(ctx);
    this.settings = new SettingRepository(ctx);
  }

  private async deal(dealId: string): Promise<Deal> {
    const deal = await this.deals.get(dealId);
    if (!deal || deal.deleted) throw new Error(`deals/${dealId} not found`);
    return deal;
  }

  /** Writes the deal's quotes after checking the shared rule for them (frozen versions, approval to send). */
  private async writeQuotes(deal: Deal, quotes: Quote[], role: MemberRole): Promise<Deal> {
    const rules = await this.settings.approvalRules();
    const approvals = await this.approvals.find({
      selector: { deleted: false, subjectId: deal.id, kind: 'discount' },
      limit: 200,
    });
    const refusal = quoteChangeRefusal(deal.quotes, quotes, deal.id, role, rules, () => approvals);
    if (refusal) throw quoteRefusalError(refusal);
    return this.deals.update(deal.id, { quotes });
  }

  /** The deal's versions, newest first, each with its approval's state for the signed-in person's role. */
  async list(dealId: string, role: MemberRole): Promise<QuoteWithApproval[]> {
    const deal = await this.deal(dealId);
    const rules = await this.settings.approvalRules();
    const out: QuoteWithApproval[] = [];
    for (const quote of [...deal.quotes].sort((a, b) => b.version - a.version)) {
      const approval = quote.approvalId ? await this.approvals.get(quote.approvalId) : null;
      const state = quoteApprovalState(quote, deal.id, approval, role, rules);
      out.push({ quote, approval, state, canMarkSent: canMarkQuoteSent(state) });
    }
    return out;
  }

  /** A new version: a copy of the last one as a draft (or an empty version 1). */
  async newVersion(dealId: string, role: MemberRole): Promise<Quote> {
    const deal = await this.deal(dealId);
    const now = this.ctx.now();
    const quote = nextQuoteVersion(latestQuote(deal.quotes), {
      id: this.ctx.newId(),
      now,
      userId: this.ctx.actor.userId,
      today: new Date(now).toISOString().slice(0, 10),
    });
    await this.writeQuotes(deal, [...deal.quotes, quote], role);
    return quote;
  }

  /**
   * Saves a draft's lines and terms. Invalid input throws RecordValidationError with paths inside the quote
   * ('lines.0.quantity'); a sent version is refused. A changed total drops a pending or granted approval (it
   * was asked for other numbers), so the version is asked for again.
   */
  async saveDraft(dealId: string, draft: Quote, role: MemberRole): Promise<Quote> {
    const parsed = quoteSchema.safeParse(draft);
    if (!parsed.success) throw new RecordValidationError(issuesFromZod(parsed.error));
    const deal = await this.deal(dealId);
    const stored = deal.quotes.find((q) => q.id === draft.id);
    if (!stored) throw new Error(`quote ${draft.id} not found`);
    if (isQuoteFrozen(stored))
      throw new BusinessRuleError('quotes.errors.frozen', { version: String(stored.version) });
    const totalChanged =
      quoteTotals(stored).grandTotalFen !== quoteTotals(parsed.data).grandTotalFen;
    const next: Quote = {
      ...parsed.data,
      status: totalChanged ? 'draft' : stored.status,
      approvalId: totalChanged ? '' : stored.approvalId,
      sentAt: 0,
    };
    await this.writeQuotes(
      deal,
      deal.quotes.map((q) => (q.id === next.id ? next : q)),
      role,
    );
    return next;
  }

  /** Deletes a draft version (a sent one stays: it is what the customer received). */
  async deleteDraft(dealId: string, quoteId: string, role: MemberRole): Promise<void> {
    const deal = await this.deal(dealId);
    await this.writeQuotes(
      deal,
      deal.quotes.filter((q) => q.id !== quoteId),
      role,
    );
  }

  /**
   * Asks for the discount approval of a version: an approvals record (kind discount, the deal as subject, the
   * quote as `subjectKey`, its grand total in yuan) that the approvals engine routes; the version waits on it.
   */
  async requestApproval(dealId: string, quoteId: string, role: MemberRole): Promise<Approval> {
    const deal = await this.deal(dealId);
    const quote = deal.quotes.find((q) => q.id === quoteId);
    if (!quote) throw new Error(`quote ${quoteId} not found`);
    if (isQuoteFrozen(quote))
      throw new BusinessRuleError('quotes.errors.frozen', { version: String(quote.version) });
    // Routed by the workspace's rules as it is made (offline too); the server routes it alike.
    const approval = await this.approvals.request({
      kind: 'discount',
      title: `${deal.name} · V${quote.version}`.slice(0, 200),
      subjectType: 'deal',
      subjectId: deal.id,
      subjectKey: quote.id,
      amount: quoteApprovalAmount(quote),
    });
    await this.writeQuotes(
      deal,
      deal.quotes.map((q) =>
        q.id === quoteId ? { ...q, status: 'pendingApproval', approvalId: approval.id } : q,
      ),
      role,
    );
    return approval;
  }

  /** Marks a version sent (frozen from now on): only when no approval is needed or it was approved. */
  async markSent(dealId: string, quoteId: string, role: MemberRole): Promise<Quote> {
    const deal = await this.deal(dealId);
    const quote = deal.quotes.find((q) => q.id === quoteId);
    if (!quote) throw new Error(`quote ${quoteId} not found`);
    const sent: Quote = { ...quote, status: 'sent', sentAt: this.ctx.now() };
    await this.writeQuotes(
      deal,
      deal.quotes.map((q) => (q.id === quoteId ? sent : q)),
      role,
    );
    return sent;
  }

  /** The customer's answer to a sent version. */
  async setOutcome(
    dealId: string,
    quoteId: string,
    outcome: 'accepted' | 'rejected',
    role: MemberRole,
  ): Promise<void> {
    const deal = await this.deal(dealId);
    const quote = deal.quotes.find((q) => q.id === quoteId);
    if (!quote || quote.status !== 'sent') throw new BusinessRuleError('quotes.errors.notSent');
    await this.writeQuotes(
      deal,
      deal.quotes.map((q) => (q.id === quoteId ? { ...q, status: outcome } : q)),
      role,
    );
  }

  /** The approval rules (discount thresholds per role) quotes are checked against. */
  approvalRules(): Promise<ApprovalRulesValue> {
    return this.settings.approvalRules();
  }
}

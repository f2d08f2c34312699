import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_RULES, type Approval } from '@shared/domain';
import { RejectReason } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import {
  buildApproval,
  buildQuote,
  buildQuoteLine,
  withMeta,
} from '../../../test/support/factories';
import { loadQuoteContext, quoteRefusal, type QuoteContext } from './quote-approvals';
import { account, deal, principal, pushRow, WORKSPACE } from './test-fixtures';

// ¥1,000 at 15 % off: above a rep's 10 %, within a manager's 20 %; grand total ¥850.
const draft = buildQuote({ id: 'q1', discountPercent: 15, lines: [buildQuoteLine({ id: 'l1' })] });
const sent = { ...draft, status: 'sent' as const, sentAt: 5 };

function approval(over: Partial<Approval> = {}): Approval {
  return {
    ...withMeta(
      buildApproval({ subjectId: 'd', subjectKey: 'q1', amount: 850, status: 'approved' }),
      { id: 'ap1', workspaceId: WORKSPACE, by: 'u-mgr' },
    ),
    ...over,
  };
}

const context = (approvals: Approval[] = []): QuoteContext => ({
  rules: DEFAULT_APPROVAL_RULES,
  approvals: new Map([['d', approvals]]),
});

describe('quoteRefusal', () => {
  it('refuses a version newly marked sent above the sender’s threshold without an approval', () => {
    expect(
      quoteRefusal(
        context(),
        principal(),
        'deals',
        deal('d', { quotes: [draft] }),
        deal('d', { quotes: [sent] }),
      ),
    ).toEqual({
      reason: RejectReason.quoteNeedsApproval,
      params: { version: '1', discount: '15', threshold: '10' },
    });
  });

  it('accepts it with an approved approval for this quote and total, or from a manager', () => {
    const before = deal('d', { quotes: [draft] });
    const after = deal('d', { quotes: [sent] });
    expect(quoteRefusal(context([approval()]), principal(), 'deals', before, after)).toBeNull();
    expect(
      quoteRefusal(context(), principal({ role: 'manager' }), 'deals', before, after),
    ).toBeNull();
    // Pending, or approved for another quote: still refused.
    expect(
      quoteRefusal(context([approval({ status: 'pending' })]), principal(), 'deals', before, after)
        ?.reason,
    ).toBe(RejectReason.quoteNeedsApproval);
    expect(
      quoteRefusal(context([approval({ subjectKey: 'q9' })]), principal(), 'deals', before, after)
        ?.reason,
    ).toBe(RejectReason.quoteNeedsApproval);
  });

  it('refuses a change to a sent version’s lines', () => {
    const changed = { ...sent, lines: [buildQuoteLine({ id: 'l1', quantity: 2 })] };
    expect(
      quoteRefusal(
        context([approval()]),
        principal(),
        'deals',
        deal('d', { quotes: [sent] }),
        deal('d', { quotes: [changed] }),
      ),
    ).toEqual({ reason: RejectReason.quoteFrozen, params: { version: '1' } });
  });

  it('checks nothing without a context or for other collections', () => {
    expect(
      quoteRefusal(null, principal(), 'deals', null, deal('d', { quotes: [sent] })),
    ).toBeNull();
    expect(quoteRefusal(context(), principal(), 'accounts', null, account('a'))).toBeNull();
  });
});

describe('loadQuoteContext', () => {
  const txWith = (rules: unknown[], approvals: unknown[]) => {
    const queries: { text: string; params: unknown[] }[] = [];
    const tx: SqlTx = {
      query: <T>(text: string, params?: unknown[]) => {
        queries.push({ text, params: params ?? [] });
        return Promise.resolve((text.includes("'settings'") ? rules : approvals) as T[]);
      },
      exec: () => Promise.resolve(),
    };
    return { tx, queries };
  };

  it('reads nothing for deals without a sent quote, or other collections', async () => {
    const { tx, queries } = txWith([], []);
    expect(
      await loadQuoteContext(tx, WORKSPACE, 'deals', [pushRow(deal('d', { quotes: [draft] }))]),
    ).toBeNull();
    expect(await loadQuoteContext(tx, WORKSPACE, 'accounts', [pushRow(account('a'))])).toBeNull();
    expect(queries).toEqual([]);
  });

  it('reads the stored rules (else the defaults) and the deals’ discount approvals', async () => {
    const rules = {
      ...DEFAULT_APPROVAL_RULES,
      discountThresholds: { rep: 30, manager: 40, admin: 100, viewer: 0 },
    };
    const { tx, queries } = txWith(
      [{ data: { value: rules } }],
      [{ data: approval() }, { data: { bad: 1 } }],
    );
    const loaded = await loadQuoteContext(tx, WORKSPACE, 'deals', [
      pushRow(deal('d', { quotes: [sent] })),
    ]);
    expect(loaded?.rules).toEqual(rules);
    expect(loaded?.approvals.get('d')?.map((a) => a.id)).toEqual(['ap1']);
    expect(queries[1].params).toEqual([WORKSPACE, ['d']]);
    const fallback = await loadQuoteContext(txWith([], []).tx, WORKSPACE, 'deals', [
      pushRow(deal('d', { quotes: [sent] })),
    ]);
    expect(fallback?.rules).toEqual(DEFAULT_APPROVAL_RULES);
  });
});

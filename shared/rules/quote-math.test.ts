import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_RULES, type Approval, type Quote, type QuoteLine } from '../domain';
import {
  canMarkQuoteSent,
  diffQuoteVersions,
  effectiveDiscountPercent,
  latestQuote,
  nextQuoteVersion,
  quoteApprovalState,
  quoteChangeRefusal,
  quoteLineCostFen,
  quoteLineMarginFen,
  quoteLineTotalFen,
  quoteMargin,
  quoteNeedsDiscountApproval,
  quoteTotals,
} from './quote-math';

function line(over: Partial<QuoteLine> = {}): QuoteLine {
  return {
    id: 'l1',
    productId: '',
    product: 'CRM seat',
    unit: '套',
    quantity: 1,
    unitPriceFen: 10_000,
    listPriceFen: 0,
    discountPercent: 0,
    ...over,
  };
}

function quote(over: Partial<Quote> = {}): Quote {
  return {
    id: 'q1',
    version: 1,
    status: 'draft',
    lines: [line()],
    discountPercent: 0,
    taxRatePercent: 0,
    validUntil: '2026-12-31',
    note: '',
    createdAt: 1,
    createdBy: 'u1',
    sentAt: 0,
    approvalId: '',
    ...over,
  };
}

type ApprovalView = Pick<
  Approval,
  'kind' | 'subjectId' | 'subjectKey' | 'status' | 'amount' | 'deleted'
>;
function approval(over: Partial<ApprovalView> = {}): ApprovalView {
  return {
    kind: 'discount',
    subjectId: 'd1',
    subjectKey: 'q1',
    status: 'approved',
    amount: 0,
    deleted: false,
    ...over,
  };
}

describe('quoteLineTotalFen', () => {
  it('multiplies exactly and rounds half up once per line', () => {
    // 3 × ¥0.10 = 30 fen exactly (0.1 × 3 in floats is 0.30000000000000004).
    expect(quoteLineTotalFen(line({ unitPriceFen: 10, quantity: 3 }))).toBe(30);
    // 333 fen × 1.5 = 499.5 → 500 (half up).
    expect(quoteLineTotalFen(line({ unitPriceFen: 333, quantity: 1.5 }))).toBe(500);
    // 999 fen × 1 × (1 − 12.5 %) = 874.125 → 874.
    expect(quoteLineTotalFen(line({ unitPriceFen: 999, discountPercent: 12.5 }))).toBe(874);
    // 1 fen × 0.5 = 0.5 → 1 (half up, not to even).
    expect(quoteLineTotalFen(line({ unitPriceFen: 1, quantity: 0.5 }))).toBe(1);
    // 250 fen × 0.999 = 249.75 → 250.
    expect(quoteLineTotalFen(line({ unitPriceFen: 250, quantity: 0.999 }))).toBe(250);
  });

  it('stays exact for large amounts', () => {
    // ¥12,345,678.91 × 999 = 1,233,333,323,109 fen exactly.
    expect(quoteLineTotalFen(line({ unitPriceFen: 1_234_567_891, quantity: 999 }))).toBe(
      1_233_333_323_109,
    );
  });
});

describe('quoteTotals', () => {
  it('line discounts, overall discount and tax, each rounded once', () => {
    const q = quote({
      lines: [
        // 2 × ¥199.99 = 39 998, −5 % = 37 998.1 → 37 998
        line({ id: 'a', unitPriceFen: 19_999, quantity: 2, discountPercent: 5 }),
        // 7 × ¥3.33 = 2 331, −10 % = 2 097.9 → 2 098
        line({ id: 'b', unitPriceFen: 333, quantity: 7, discountPercent: 10 }),
      ],
      discountPercent: 3, // 40 096 × 3 % = 1 202.88 → 1 203
      taxRatePercent: 13, // 38 893 × 13 % = 5 056.09 → 5 056
    });
    expect(quoteTotals(q)).toEqual({
      listFen: 39_998 + 2_331,
      subtotalFen: 40_096,
      discountFen: 1_203,
      netFen: 38_893,
      taxFen: 5_056,
      grandTotalFen: 43_949,
    });
  });

  it('rounds the tax half up: 50 fen × 13 % = 6.5 → 7', () => {
    const q = quote({ lines: [line({ unitPriceFen: 50 })], taxRatePercent: 13 });
    expect(quoteTotals(q).taxFen).toBe(7);
    expect(quoteTotals(q).grandTotalFen).toBe(57);
  });

  it('an empty quote is all zeros', () => {
    expect(quoteTotals(quote({ lines: [], taxRatePercent: 13 })).grandTotalFen).toBe(0);
  });

  it('the list total uses the list price when the unit price was lowered', () => {
    const q = quote({ lines: [line({ unitPriceFen: 8_000, listPriceFen: 10_000, quantity: 2 })] });
    expect(quoteTotals(q).listFen).toBe(20_000);
    expect(quoteTotals(q).subtotalFen).toBe(16_000);
  });
});

describe('quoteMargin', () => {
  // Hand-worked: A = 3 × ¥100 less 10 % = 27 000 fen, cost 3 × 6 000 = 18 000;
  // B = 1.5 × 3 333 = 4 999.5 → 5 000 fen, cost 1.5 × 1 234 = 1 851.
  // Subtotal 32 000, overall 5 % = 1 600, net 30 400 (tax left out); cost 19 851; margin 10 549;
  // 10 549 / 30 400 = 34.7006…% → 34.70 %.
  const a = line({
    id: 'a',
    quantity: 3,
    unitPriceFen: 10_000,
    discountPercent: 10,
    unitCostFen: 6_000,
  });
  const b = line({ id: 'b', quantity: 1.5, unitPriceFen: 3_333, unitCostFen: 1_234 });

  it('takes every discount off the revenue and every line cost off the net, exactly in fen', () => {
    expect(quoteLineCostFen(a)).toBe(18_000);
    expect(quoteLineMarginFen(a)).toBe(9_000);
    expect(quoteLineMarginFen(b)).toBe(3_149); // 5 000 − 1 851
    expect(quoteMargin(quote({ lines: [a, b], discountPercent: 5, taxRatePercent: 13 }))).toEqual({
      costFen: 19_851,
      marginFen: 10_549,
      marginPercent: 34.7,
      linesWithoutCost: 0,
    });
  });

  it('rounds a line cost half up once', () => {
    expect(quoteLineCostFen(line({ quantity: 1.5, unitCostFen: 333 }))).toBe(500); // 499.5
    expect(quoteLineCostFen(line({ unitCostFen: 0 }))).toBe(0); // a known zero cost is not unknown
  });

  it('says the margin is unknown when a line has no cost, and how many lines lack one', () => {
    const free = line({ id: 'free', unitPriceFen: 5_000 });
    expect(quoteLineCostFen(free)).toBeNull();
    expect(quoteLineMarginFen(free)).toBeNull();
    expect(quoteMargin(quote({ lines: [a, free] }))).toEqual({
      costFen: null,
      marginFen: null,
      marginPercent: null,
      linesWithoutCost: 1,
    });
  });

  it('shows a loss as a negative margin, and no percentage on a zero net', () => {
    // ¥100 sold at a ¥150 cost: −5 000 fen, −50 %.
    expect(quoteMargin(quote({ lines: [line({ unitCostFen: 15_000 })] }))).toMatchObject({
      marginFen: -5_000,
      marginPercent: -50,
    });
    expect(quoteMargin(quote({ lines: [] }))).toEqual({
      costFen: 0,
      marginFen: 0,
      marginPercent: null,
      linesWithoutCost: 0,
    });
    expect(
      quoteMargin(quote({ lines: [line({ discountPercent: 100, unitCostFen: 100 })] })),
    ).toMatchObject({ marginFen: -100, marginPercent: null });
  });
});

describe('effectiveDiscountPercent', () => {
  it('combines line and overall discounts: 1 − 0.9 × 0.95 = 14.5 %', () => {
    const q = quote({ lines: [line({ discountPercent: 10 })], discountPercent: 5 });
    expect(effectiveDiscountPercent(q)).toBe(14.5);
  });

  it('counts a lowered unit price against the list price, and leaves tax out', () => {
    const q = quote({
      lines: [line({ unitPriceFen: 9_000, listPriceFen: 10_000 })],
      taxRatePercent: 13,
    });
    expect(effectiveDiscountPercent(q)).toBe(10);
  });

  it('rounds to two decimals half up: 1/3 off → 33.33 %, 2/3 → 66.67 %', () => {
    expect(
      effectiveDiscountPercent(quote({ lines: [line({ unitPriceFen: 200, listPriceFen: 300 })] })),
    ).toBe(33.33);
    expect(
      effectiveDiscountPercent(quote({ lines: [line({ unitPriceFen: 100, listPriceFen: 300 })] })),
    ).toBe(66.67);
  });

  it('is 0 for an empty quote and negative above list', () => {
    expect(effectiveDiscountPercent(quote({ lines: [] }))).toBe(0);
    expect(
      effectiveDiscountPercent(
        quote({ lines: [line({ unitPriceFen: 11_000, listPriceFen: 10_000 })] }),
      ),
    ).toBe(-10);
  });
});

describe('quoteNeedsDiscountApproval', () => {
  const rules = DEFAULT_APPROVAL_RULES; // rep 10 %, manager 20 %
  it('above the role threshold only (exactly at it is allowed)', () => {
    expect(quoteNeedsDiscountApproval(quote({ discountPercent: 10 }), 'rep', rules)).toBe(false);
    expect(quoteNeedsDiscountApproval(quote({ discountPercent: 10.01 }), 'rep', rules)).toBe(true);
    expect(quoteNeedsDiscountApproval(quote({ discountPercent: 15 }), 'manager', rules)).toBe(
      false,
    );
    expect(quoteNeedsDiscountApproval(quote({ discountPercent: 25 }), 'manager', rules)).toBe(true);
    expect(quoteNeedsDiscountApproval(quote({ discountPercent: 90 }), 'admin', rules)).toBe(false);
  });
});

describe('quoteApprovalState', () => {
  const rules = DEFAULT_APPROVAL_RULES;
  const q = quote({ discountPercent: 15 }); // ¥100 − 15 % = ¥85
  it('reads the state from the approval record', () => {
    expect(quoteApprovalState(quote(), 'd1', null, 'rep', rules)).toBe('notNeeded');
    expect(quoteApprovalState(q, 'd1', null, 'rep', rules)).toBe('needed');
    expect(
      quoteApprovalState(q, 'd1', approval({ status: 'pending', amount: 85 }), 'rep', rules),
    ).toBe('pending');
    expect(
      quoteApprovalState(q, 'd1', approval({ status: 'rejected', amount: 85 }), 'rep', rules),
    ).toBe('rejected');
    expect(quoteApprovalState(q, 'd1', approval({ amount: 85 }), 'rep', rules)).toBe('approved');
    // Approved for other numbers (the draft was changed since): needed again.
    expect(quoteApprovalState(q, 'd1', approval({ amount: 90 }), 'rep', rules)).toBe('needed');
    expect(canMarkQuoteSent('notNeeded')).toBe(true);
    expect(canMarkQuoteSent('approved')).toBe(true);
    expect(canMarkQuoteSent('pending')).toBe(false);
    expect(canMarkQuoteSent('needed')).toBe(false);
  });
});

describe('quoteChangeRefusal', () => {
  const rules = DEFAULT_APPROVAL_RULES;
  const none = () => [];
  it('refuses a newly sent version over the threshold without an approval', () => {
    const draft = quote({ discountPercent: 15 });
    const sent = { ...draft, status: 'sent' as const, sentAt: 5 };
    expect(quoteChangeRefusal([draft], [sent], 'd1', 'rep', rules, none)).toEqual({
      reason: 'quoteNeedsApproval',
      quoteId: 'q1',
      version: 1,
      discountPercent: 15,
      thresholdPercent: 10,
    });
    // A manager's threshold is 20 %: allowed.
    expect(quoteChangeRefusal([draft], [sent], 'd1', 'manager', rules, none)).toBeNull();
    // Covered by an approved approval for this version's total.
    expect(
      quoteChangeRefusal([draft], [sent], 'd1', 'rep', rules, () => [approval({ amount: 85 })]),
    ).toBeNull();
    // An approval of another quote or deal does not count.
    expect(
      quoteChangeRefusal([draft], [sent], 'd1', 'rep', rules, () => [
        approval({ amount: 85, subjectId: 'd2' }),
      ]),
    ).not.toBeNull();
    // A new deal pushed with a sent version is checked the same way.
    expect(quoteChangeRefusal([], [sent], 'd1', 'rep', rules, none)?.reason).toBe(
      'quoteNeedsApproval',
    );
  });

  it('freezes a sent version: no edits, no removal, status may move on', () => {
    const sent = quote({ status: 'sent', sentAt: 5 });
    const edited = { ...sent, lines: [line({ quantity: 2 })] };
    expect(quoteChangeRefusal([sent], [edited], 'd1', 'rep', rules, none)).toEqual({
      reason: 'quoteFrozen',
      quoteId: 'q1',
      version: 1,
    });
    expect(quoteChangeRefusal([sent], [], 'd1', 'rep', rules, none)?.reason).toBe('quoteFrozen');
    expect(
      quoteChangeRefusal([sent], [{ ...sent, status: 'draft' }], 'd1', 'rep', rules, none)?.reason,
    ).toBe('quoteFrozen');
    expect(
      quoteChangeRefusal([sent], [{ ...sent, status: 'accepted' }], 'd1', 'rep', rules, none),
    ).toBeNull();
    // An unchanged sent version over the threshold is not checked again (it was checked when sent).
    const sentBig = quote({ status: 'sent', discountPercent: 50 });
    expect(quoteChangeRefusal([sentBig], [sentBig], 'd1', 'rep', rules, none)).toBeNull();
  });
});

describe('diffQuoteVersions', () => {
  it('per line: added, removed, changed fields; totals before and after', () => {
    const a = quote({
      lines: [
        line({ id: 'a', quantity: 2 }),
        line({ id: 'b', product: 'Training', unitPriceFen: 50_000 }),
        line({ id: 'c', product: 'Support' }),
      ],
      taxRatePercent: 13,
    });
    const b = quote({
      id: 'q2',
      version: 2,
      lines: [
        line({ id: 'a', quantity: 3, discountPercent: 5 }),
        line({ id: 'c', product: 'Support' }),
        line({ id: 'd', product: 'Onboarding', unitPriceFen: 20_000 }),
      ],
      taxRatePercent: 13,
      discountPercent: 2,
    });
    const diff = diffQuoteVersions(a, b);
    expect(diff.lines.map((l) => [l.id, l.change, l.fields])).toEqual([
      ['a', 'changed', ['quantity', 'discountPercent']],
      ['b', 'removed', []],
      ['c', 'same', []],
      ['d', 'added', []],
    ]);
    expect(diff.lines[0].totalBeforeFen).toBe(20_000);
    expect(diff.lines[0].totalAfterFen).toBe(28_500);
    expect(diff.fields).toEqual(['discountPercent']);
    // a: 20 000 + 50 000 + 10 000 = 80 000, tax 10 400 → 90 400
    expect(diff.totalsBefore.grandTotalFen).toBe(90_400);
    // b: 28 500 + 10 000 + 20 000 = 58 500, −2 % = 1 170 → 57 330, tax 7 452.9 → 7 453 → 64 783
    expect(diff.totalsAfter.grandTotalFen).toBe(64_783);
  });
});

describe('nextQuoteVersion', () => {
  const made = { id: 'q2', now: 100, userId: 'u2', today: '2026-12-07' };
  it('starts from the last version as a draft, keeping line ids', () => {
    const last = quote({ status: 'sent', sentAt: 50, approvalId: 'ap1', discountPercent: 4 });
    const next = nextQuoteVersion(last, made);
    expect(next).toMatchObject({
      id: 'q2',
      version: 2,
      status: 'draft',
      sentAt: 0,
      approvalId: '',
      discountPercent: 4,
      createdAt: 100,
      createdBy: 'u2',
    });
    expect(next.lines).toEqual(last.lines);
    expect(next.lines[0]).not.toBe(last.lines[0]);
  });

  it('version 1 is empty, valid for 30 days, 13 % VAT by default', () => {
    const first = nextQuoteVersion(null, made);
    expect(first).toMatchObject({
      version: 1,
      lines: [],
      validUntil: '2027-01-06',
      taxRatePercent: 13,
    });
  });

  it('latestQuote picks the highest version', () => {
    expect(
      latestQuote([quote({ version: 2, id: 'b' }), quote({ version: 3, id: 'c' }), quote()])?.id,
    ).toBe('c');
    expect(latestQuote([])).toBeNull();
  });
});

import type { Approval, ApprovalRulesValue, MemberRole, Quote, QuoteLine } from '../domain';

/**
 * Quote arithmetic (报价, issue 20), exact: money is integer fen, quantities count in thousandths and percents in
 * hundredths of a percent, and every product is computed with BigInt, so no floating-point sum ever happens.
 *
 * Rounding rule (documented, used everywhere): each amount is rounded half up to the fen exactly once —
 *   line net   = round(unit price × quantity × (1 − line discount))   per line, once
 *   subtotal   = Σ line nets                                         exact
 *   discount   = round(subtotal × overall discount)                  once
 *   net        = subtotal − discount                                 exact
 *   tax        = round(net × tax rate)                               once
 *   grand total = net + tax                                          exact
 */

const QTY_SCALE = 1000n; // quantities to 3 decimals
const PCT_SCALE = 10_000n; // percent to 2 decimals: 100 % = 10 000

/** Rounds numerator / denominator half up (both non-negative), exactly. */
function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function qtyOf(quantity: number): bigint {
  return BigInt(Math.round(quantity * 1000));
}

function pctOf(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** The list (gross) amount of a line before any discount, rounded once (fen). */
function lineGrossFen(unitPriceFen: number, quantity: number): bigint {
  return divHalfUp(BigInt(unitPriceFen) * qtyOf(quantity), QTY_SCALE);
}

/** A line's net amount in fen: unit price × quantity less the line discount, rounded half up once. */
export function quoteLineTotalFen(
  line: Pick<QuoteLine, 'unitPriceFen' | 'quantity' | 'discountPercent'>,
): number {
  const exact =
    BigInt(line.unitPriceFen) * qtyOf(line.quantity) * (PCT_SCALE - pctOf(line.discountPercent));
  return Number(divHalfUp(exact, QTY_SCALE * PCT_SCALE));
}

/** A line's cost in fen: unit cost × quantity, rounded half up once; null when the line has no cost. */
export function quoteLineCostFen(line: Pick<QuoteLine, 'unitCostFen' | 'quantity'>): number | null {
  return line.unitCostFen === undefined
    ? null
    : Number(lineGrossFen(line.unitCostFen, line.quantity));
}

/** A line's margin before the overall discount (line net − line cost), null when the line has no cost. */
export function quoteLineMarginFen(
  line: Pick<QuoteLine, 'unitPriceFen' | 'quantity' | 'discountPercent' | 'unitCostFen'>,
): number | null {
  const cost = quoteLineCostFen(line);
  return cost === null ? null : quoteLineTotalFen(line) - cost;
}

/** What a quote earns: the net (after every discount, before tax) less the lines' costs. */
export interface QuoteMargin {
  /** Σ line costs in fen; null when a line has no cost. */
  costFen: number | null;
  /** net − cost in fen; null when a line has no cost (a partial margin would look better than it is). */
  marginFen: number | null;
  /** margin / net in percent, two decimals half up on the magnitude; null when unknown or the net is 0. */
  marginPercent: number | null;
  /** How many lines have no cost (why the margin is unknown). */
  linesWithoutCost: number;
}

export function quoteMargin(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
): QuoteMargin {
  let cost = 0n;
  let linesWithoutCost = 0;
  for (const line of quote.lines) {
    const lineCost = quoteLineCostFen(line);
    if (lineCost === null) linesWithoutCost += 1;
    else cost += BigInt(lineCost);
  }
  if (linesWithoutCost > 0)
    return { costFen: null, marginFen: null, marginPercent: null, linesWithoutCost };
  const net = BigInt(quoteTotals(quote).netFen);
  const margin = net - cost;
  let marginPercent: number | null = null;
  if (net > 0n) {
    const scaled = margin * PCT_SCALE;
    const hundredths = scaled >= 0n ? divHalfUp(scaled, net) : -divHalfUp(-scaled, net);
    marginPercent = Number(hundredths) / 100;
  }
  return { costFen: Number(cost), marginFen: Number(margin), marginPercent, linesWithoutCost: 0 };
}

/** The totals of a quote version, all in fen. */
export interface QuoteTotals {
  /** Σ quantity × list price (the line's list price, else its unit price), before any discount. */
  listFen: number;
  /** Σ line nets (after the line discounts). */
  subtotalFen: number;
  /** The overall discount's amount. */
  discountFen: number;
  /** subtotal − overall discount: what the tax is computed on. */
  netFen: number;
  taxFen: number;
  grandTotalFen: number;
}

/** A quote's totals by the rounding rule above. */
export function quoteTotals(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
): QuoteTotals {
  let list = 0n;
  let subtotal = 0n;
  for (const line of quote.lines) {
    list += lineGrossFen(line.listPriceFen || line.unitPriceFen, line.quantity);
    subtotal += BigInt(quoteLineTotalFen(line));
  }
  const discount = divHalfUp(subtotal * pctOf(quote.discountPercent), PCT_SCALE);
  const net = subtotal - discount;
  const tax = divHalfUp(net * pctOf(quote.taxRatePercent), PCT_SCALE);
  return {
    listFen: Number(list),
    subtotalFen: Number(subtotal),
    discountFen: Number(discount),
    netFen: Number(net),
    taxFen: Number(tax),
    grandTotalFen: Number(net + tax),
  };
}

/**
 * How far below the list price the quote is overall, in percent with two decimals (half up): 1 − net / list,
 * tax left out. Line discounts, lowered unit prices and the overall discount all count; 0 for an empty quote,
 * negative when the quote is above list.
 */
export function effectiveDiscountPercent(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
): number {
  const { listFen, netFen } = quoteTotals(quote);
  if (listFen === 0) return 0;
  const off = BigInt(listFen - netFen) * PCT_SCALE;
  const list = BigInt(listFen);
  // Half up on the magnitude, so −x rounds like x.
  const hundredths = off >= 0n ? divHalfUp(off, list) : -divHalfUp(-off, list);
  return Number(hundredths) / 100;
}

/** The discount (percent) a role may give without approval (approvalRules.discountThresholds). */
export function discountThreshold(role: MemberRole, rules: ApprovalRulesValue): number {
  return rules.discountThresholds[role];
}

/** A quote whose overall effective discount is above the requester's role threshold needs a discount approval. */
export function quoteNeedsDiscountApproval(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
  requesterRole: MemberRole,
  approvalRules: ApprovalRulesValue,
): boolean {
  return effectiveDiscountPercent(quote) > discountThreshold(requesterRole, approvalRules);
}

/** The fields of a version frozen once sent (status may still move on: accepted, rejected). */
const CONTENT_FIELDS = [
  'lines',
  'discountPercent',
  'taxRatePercent',
  'validUntil',
  'note',
  'version',
] as const;
/** Statuses of a frozen version. */
export const FROZEN_QUOTE_STATUSES: ReadonlySet<Quote['status']> = new Set([
  'sent',
  'accepted',
  'rejected',
]);
export function isQuoteFrozen(quote: Pick<Quote, 'status'>): boolean {
  return FROZEN_QUOTE_STATUSES.has(quote.status);
}

/** The yuan amount an approval of this version carries (its grand total). */
export function quoteApprovalAmount(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
): number {
  return quoteTotals(quote).grandTotalFen / 100;
}

/**
 * Whether an approval approves this version: a discount approval of this deal and quote (`subjectKey`), approved,
 * for this version's grand total (an approval given for other numbers does not carry over to an edited draft).
 */
export function approvalCovers(
  approval: Pick<Approval, 'kind' | 'subjectId' | 'subjectKey' | 'status' | 'amount' | 'deleted'>,
  dealId: string,
  quote: Pick<Quote, 'id' | 'lines' | 'discountPercent' | 'taxRatePercent'>,
): boolean {
  return (
    !approval.deleted &&
    approval.kind === 'discount' &&
    approval.subjectId === dealId &&
    approval.subjectKey === quote.id &&
    approval.status === 'approved' &&
    Math.round(approval.amount * 100) === quoteTotals(quote).grandTotalFen
  );
}

/** Where a version stands with its discount approval, read from the approval record (never from the quote). */
export type QuoteApprovalState = 'notNeeded' | 'needed' | 'pending' | 'approved' | 'rejected';

export function quoteApprovalState(
  quote: Quote,
  dealId: string,
  approval: Pick<
    Approval,
    'kind' | 'subjectId' | 'subjectKey' | 'status' | 'amount' | 'deleted'
  > | null,
  requesterRole: MemberRole,
  approvalRules: ApprovalRulesValue,
): QuoteApprovalState {
  if (!quoteNeedsDiscountApproval(quote, requesterRole, approvalRules)) return 'notNeeded';
  if (!approval || approval.deleted || approval.subjectKey !== quote.id) return 'needed';
  if (approval.status === 'pending') return 'pending';
  if (approval.status === 'rejected') return 'rejected';
  return approvalCovers(approval, dealId, quote) ? 'approved' : 'needed';
}

/** A version may be marked sent when no approval is needed or an approval covers it. */
export function canMarkQuoteSent(state: QuoteApprovalState): boolean {
  return state === 'notNeeded' || state === 'approved';
}

/** Why a change to a deal's quotes is refused (the server and the repository both ask this). */
export type QuoteChangeRefusal =
  | { reason: 'quoteFrozen'; quoteId: string; version: number }
  | {
      reason: 'quoteNeedsApproval';
      quoteId: string;
      version: number;
      discountPercent: number;
      thresholdPercent: number;
    };

/**
 * Checks a deal's quotes before → after: a frozen (sent) version's content may not change nor the version go
 * away (only its status may move on: accepted, rejected); a version newly marked sent whose discount needs
 * approval by the sender's role must be covered by an approved approval (`approvalsOf(quoteId)`). Null: allowed.
 */
export function quoteChangeRefusal(
  before: readonly Quote[],
  after: readonly Quote[],
  dealId: string,
  senderRole: MemberRole,
  approvalRules: ApprovalRulesValue,
  approvalsOf: (
    quoteId: string,
  ) => readonly Pick<
    Approval,
    'kind' | 'subjectId' | 'subjectKey' | 'status' | 'amount' | 'deleted'
  >[],
): QuoteChangeRefusal | null {
  const afterById = new Map(after.map((q) => [q.id, q]));
  for (const old of before) {
    if (!isQuoteFrozen(old)) continue;
    const now = afterById.get(old.id);
    const changed =
      !now ||
      !isQuoteFrozen(now) ||
      CONTENT_FIELDS.some((f) => JSON.stringify(old[f]) !== JSON.stringify(now[f]));
    if (changed) return { reason: 'quoteFrozen', quoteId: old.id, version: old.version };
  }
  const beforeById = new Map(before.map((q) => [q.id, q]));
  for (const quote of after) {
    const was = beforeById.get(quote.id);
    if (!isQuoteFrozen(quote) || (was && isQuoteFrozen(was))) continue;
    if (!quoteNeedsDiscountApproval(quote, senderRole, approvalRules)) continue;
    if (approvalsOf(quote.id).some((a) => approvalCovers(a, dealId, quote))) continue;
    return {
      reason: 'quoteNeedsApproval',
      quoteId: quote.id,
      version: quote.version,
      discountPercent: effectiveDiscountPercent(quote),
      thresholdPercent: discountThreshold(senderRole, approvalRules),
    };
  }
  return null;
}

/** What changed on one line between two versions (lines are matched by id: a new version keeps its lines' ids). */
export interface QuoteLineDiff {
  id: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  before: QuoteLine | null;
  after: QuoteLine | null;
  /** The fields that differ (changed lines only). */
  fields: (keyof QuoteLine)[];
  totalBeforeFen: number;
  totalAfterFen: number;
}

export interface QuoteDiff {
  lines: QuoteLineDiff[];
  /** Quote-level fields that differ. */
  fields: ('discountPercent' | 'taxRatePercent' | 'validUntil' | 'note')[];
  totalsBefore: QuoteTotals;
  totalsAfter: QuoteTotals;
}

const LINE_FIELDS: (keyof QuoteLine)[] = [
  'productId',
  'product',
  'unit',
  'quantity',
  'unitPriceFen',
  'listPriceFen',
  'discountPercent',
];

/**
 * Compares version `a` (before) with `b` (after): each line of `a` in its order then the lines `b` added, with
 * the fields that changed, and both versions' totals.
 */
export function diffQuoteVersions(a: Quote, b: Quote): QuoteDiff {
  const bById = new Map(b.lines.map((l) => [l.id, l]));
  const aIds = new Set(a.lines.map((l) => l.id));
  const lines: QuoteLineDiff[] = [];
  for (const before of a.lines) {
    const after = bById.get(before.id) ?? null;
    const fields = after ? LINE_FIELDS.filter((f) => before[f] !== after[f]) : [];
    lines.push({
      id: before.id,
      change: !after ? 'removed' : fields.length > 0 ? 'changed' : 'same',
      before,
      after,
      fields,
      totalBeforeFen: quoteLineTotalFen(before),
      totalAfterFen: after ? quoteLineTotalFen(after) : 0,
    });
  }
  for (const after of b.lines) {
    if (aIds.has(after.id)) continue;
    lines.push({
      id: after.id,
      change: 'added',
      before: null,
      after,
      fields: [],
      totalBeforeFen: 0,
      totalAfterFen: quoteLineTotalFen(after),
    });
  }
  const quoteFields = (['discountPercent', 'taxRatePercent', 'validUntil', 'note'] as const).filter(
    (f) => a[f] !== b[f],
  );
  return {
    lines,
    fields: [...quoteFields],
    totalsBefore: quoteTotals(a),
    totalsAfter: quoteTotals(b),
  };
}

/**
 * The next version of a deal's quote: a copy of the last version (lines keep their ids, so versions compare line
 * by line) as a draft, not sent, with no approval. `last` null: version 1, empty, valid for 30 days.
 */
export function nextQuoteVersion(
  last: Quote | null,
  made: { id: string; now: number; userId: string; today: string; defaultTaxRatePercent?: number },
): Quote {
  const base = last ?? {
    lines: [],
    discountPercent: 0,
    taxRatePercent: made.defaultTaxRatePercent ?? 13,
    validUntil: addDays(made.today, 30),
    note: '',
  };
  return {
    id: made.id,
    version: (last?.version ?? 0) + 1,
    status: 'draft',
    lines: base.lines.map((l) => ({ ...l })),
    discountPercent: base.discountPercent,
    taxRatePercent: base.taxRatePercent,
    validUntil: base.validUntil,
    note: base.note,
    createdAt: made.now,
    createdBy: made.userId,
    sentAt: 0,
    approvalId: '',
  };
}

/** The latest version of a deal's quotes (highest version number), null when none. */
export function latestQuote(quotes: readonly Quote[]): Quote | null {
  return quotes.reduce<Quote | null>((m, q) => (!m || q.version > m.version ? q : m), null);
}

/** yyyy-mm-dd plus days (calendar days, UTC arithmetic on the date only). */
function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t)) return '';
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

import type { Deal, LineItem } from '../domain/entities';

/**
 * Money is computed in integer fen (cents) and returned in yuan, so sums of many lines do not pick up
 * floating-point noise (0.1 + 0.2) and totals match what finance sees on the quote.
 */
function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * One line's total: quantity × unit price, less the line discount (percent), rounded to the fen like a
 * printed quote line.
 */
export function lineItemTotal(item: Pick<LineItem, 'quantity' | 'unitPrice' | 'discount'>): number {
  return toCents(item.quantity * item.unitPrice * (1 - item.discount / 100)) / 100;
}

/**
 * The total of a quote's line items (报价): the sum of the rounded line totals. A deal with
 * line items is worth this amount.
 */
export function lineItemsTotal(
  lineItems: readonly Pick<LineItem, 'quantity' | 'unitPrice' | 'discount'>[],
): number {
  let cents = 0;
  for (const item of lineItems) cents += toCents(lineItemTotal(item));
  return cents / 100;
}

/** The total amount of some deals (a board column, an account's open deals), added in fen. */
export function dealsTotal(deals: Iterable<Pick<Deal, 'amount'>>): number {
  let cents = 0;
  for (const deal of deals) cents += toCents(deal.amount);
  return cents / 100;
}

import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  optionalText,
  refSchema,
  requiredText,
  timestampSchema,
} from './base';
import { QUOTE_STATUSES } from './lists';
import { ValidationMessage } from '../validation/messages';

/**
 * Quotes (报价, issue 20) live on their deal: `deals.quotes` holds every version, each frozen once sent. Money is
 * integer fen (分), so totals are exact sums of integers (shared/rules/quote-math.ts), never floating point.
 */
const fenSchema = z.number().int().min(0, ValidationMessage.amountNegative).max(1e15);
/** A percentage with at most two decimals, 0–100 (discounts, tax rates). */
const percentSchema = z
  .number()
  .min(0, ValidationMessage.percentRange)
  .max(100, ValidationMessage.percentRange);

export const quoteLineSchema = z.object({
  id: idSchema,
  /** The product (settings kind `product`) the line was picked from, '' for a free line. */
  productId: refSchema,
  product: requiredText(200),
  unit: optionalText(20),
  quantity: z.number().min(0, ValidationMessage.amountNegative).max(1e9),
  unitPriceFen: fenSchema,
  /** The price list's unit price when the line was picked (fen); 0 = the unit price is the list price. */
  listPriceFen: fenSchema.default(0),
  discountPercent: percentSchema,
  /** The product's unit cost when the line was picked (fen); absent: not known, so the line has no margin. */
  unitCostFen: fenSchema.optional(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteSchema = z.object({
  id: idSchema,
  /** 1, 2, 3…: a new version starts from the last one. */
  version: z.number().int().min(1).max(999),
  status: z.enum(QUOTE_STATUSES),
  lines: z.array(quoteLineSchema).max(200),
  /** Discount on the whole quote after the line discounts, in percent. */
  discountPercent: percentSchema,
  taxRatePercent: percentSchema,
  validUntil: dateSchema,
  note: optionalText(2000),
  createdAt: timestampSchema,
  createdBy: refSchema,
  sentAt: timestampSchema,
  /** The discount approval (approvals collection) this version waits on or got, ''. */
  approvalId: refSchema,
});
export type Quote = z.infer<typeof quoteSchema>;

/**
 * A product of the price list (settings kind `product`, one record per product, key = its id). Workspace-wide;
 * an inactive product stays on the quotes that name it but is no longer offered in the picker.
 */
export const productValueSchema = z.object({
  name: requiredText(200),
  /** Code / SKU, '' when none. */
  code: optionalText(50),
  unit: optionalText(20),
  unitPriceFen: fenSchema,
  /** What one unit costs the company (fen), for the margin approvers see; absent when not known. */
  unitCostFen: fenSchema.optional(),
  active: z.boolean(),
  category: optionalText(50),
});
export type ProductValue = z.infer<typeof productValueSchema>;

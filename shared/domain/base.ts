import { z } from 'zod';
import { ValidationMessage } from '../validation/messages';
import { isStorableText } from '../validation/storable-text';

/**
 * Every string of an entity: text the database can store (no NUL, no lone surrogate). A pushed row holding
 * such text is rejected with the field named, so it cannot fail the statement that stores the rest of its
 * push. `abort`: the field's other checks would only add noise about a value that is refused anyway.
 */
export function text() {
  return z
    .string()
    .refine(isStorableText, { message: ValidationMessage.unstorableText, abort: true });
}

/** Ids are opaque strings (UUIDs from the client; short ids in sample data). */
export const idSchema = text().min(1).max(64);
/** Optional references are stored as '' so the field can stay required (and indexable) in RxDB. */
export const refSchema = text().max(64);
/** Epoch milliseconds. */
export const timestampSchema = z.number().int().min(0).max(8_640_000_000_000);
/** A calendar date 'YYYY-MM-DD' (sorts lexicographically), or '' when unset. */
export const dateSchema = text().regex(/^(\d{4}-\d{2}-\d{2})?$/, ValidationMessage.dateFormat);
export const requiredDateSchema = text().regex(/^\d{4}-\d{2}-\d{2}$/, ValidationMessage.dateFormat);
export const moneySchema = z.number().min(0, ValidationMessage.amountNegative).max(1e13);

export function requiredText(max: number) {
  return text().trim().min(1, ValidationMessage.required).max(max, ValidationMessage.tooLong);
}
export function optionalText(max: number) {
  return text().trim().max(max, ValidationMessage.tooLong);
}

/**
 * Fields every record carries: its owner and team (visibility is by team) and who changed it when. `deleted`
 * is the soft delete shown in the recycle bin; RxDB's own `_deleted` is reserved for replication tombstones.
 */
export const recordMetaShape = {
  id: idSchema,
  workspaceId: idSchema,
  teamId: refSchema,
  ownerId: refSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  createdBy: refSchema,
  updatedBy: refSchema,
  deleted: z.boolean(),
  deletedAt: timestampSchema.optional(),
};

export const RECORD_META_KEYS = Object.keys(recordMetaShape) as (keyof typeof recordMetaShape)[];
export type RecordMeta = z.infer<z.ZodObject<typeof recordMetaShape>>;

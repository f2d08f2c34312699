import { z } from 'zod';
import { DUPLICATE_KINDS } from '../rules/duplicates';

/**
 * `POST /api/duplicates/check` (issue 19): 撞单 against the server's full data, since a rep's replica holds only
 * their scope. The body is what the form has typed; every field is optional and compared normalized.
 */
export const duplicateCheckBody = z
  .object({
    /** A company name: an account's name or a lead's company. */
    name: z.string().max(200).optional(),
    creditCode: z.string().max(40).optional(),
    mobile: z.string().max(40).optional(),
    email: z.string().max(254).optional(),
    /** The record being edited, which is no duplicate of itself. */
    excludeId: z.string().max(64).optional(),
  })
  .strict();
export type DuplicateCheckBody = z.infer<typeof duplicateCheckBody>;

/**
 * A match outside the caller's scope: what kind of record, why, and who follows it — never its id or other
 * fields (the caller may not read the record; they learn only whom to talk to).
 */
export const duplicateElsewhereSchema = z
  .object({
    kind: z.enum(DUPLICATE_KINDS),
    reason: z.enum(['creditCode', 'name', 'mobile', 'email']),
    ownerName: z.string(),
    teamName: z.string(),
  })
  .strict();
export type DuplicateElsewhere = z.infer<typeof duplicateElsewhereSchema>;

export const duplicateCheckResponse = z
  .object({ matches: z.array(duplicateElsewhereSchema) })
  .strict();
export type DuplicateCheckResponse = z.infer<typeof duplicateCheckResponse>;

import { z } from 'zod';
import { HANDOVER_KINDS } from '../rules/handover';

/**
 * REST bodies and answers of the handover (离职交接, issue 19): `POST /api/handover/preview` and
 * `POST /api/handover`. The server validates the bodies; the team-admin screen sends them and reads the answers.
 */
const userId = z.string().trim().min(1).max(64);

export const handoverPreviewBody = z.object({ fromUserId: userId, toUserId: userId });
export type HandoverPreviewBody = z.infer<typeof handoverPreviewBody>;

export const handoverBody = handoverPreviewBody.extend({
  /** Deactivate the leaving person in the same step (their devices are wiped when they next connect). */
  deactivate: z.boolean().default(false),
});
export type HandoverBody = z.input<typeof handoverBody>;

export const handoverKindSchema = z.enum(HANDOVER_KINDS);

/** Records per kind. */
export const handoverCountsSchema = z.object({
  accounts: z.number().int().min(0),
  contacts: z.number().int().min(0),
  leads: z.number().int().min(0),
  deals: z.number().int().min(0),
  tickets: z.number().int().min(0),
  tasks: z.number().int().min(0),
});
export type HandoverCounts = z.infer<typeof handoverCountsSchema>;

/** The most records a preview lists by name (the counts are always complete). */
export const HANDOVER_PREVIEW_MAX_ITEMS = 2000;

export const handoverItemSchema = z.object({
  id: z.string(),
  kind: handoverKindSchema,
  /** The record's name (a ticket's or task's subject). */
  name: z.string(),
});
export type HandoverItem = z.infer<typeof handoverItemSchema>;

export const handoverPreviewResponse = z.object({
  fromUserId: z.string(),
  toUserId: z.string(),
  counts: handoverCountsSchema,
  /** What would move, kind by kind (at most HANDOVER_PREVIEW_MAX_ITEMS). */
  items: z.array(handoverItemSchema),
  /** More records would move than `items` lists. */
  truncated: z.boolean(),
  /** Records of the leaving person the caller may not move (outside their scope): they stay. */
  skipped: z.number().int().min(0),
});
export type HandoverPreview = z.infer<typeof handoverPreviewResponse>;

export const handoverResultResponse = z.object({
  fromUserId: z.string(),
  toUserId: z.string(),
  /** What moved, per kind. */
  moved: handoverCountsSchema,
  skipped: z.number().int().min(0),
  deactivated: z.boolean(),
  /** When the server made it (epoch ms). */
  at: z.number(),
});
export type HandoverResult = z.infer<typeof handoverResultResponse>;

/** What a history line of a handed-over record says about it (`HistoryEntry.handover`). */
export const handoverHistorySchema = z.object({
  fromUserId: z.string(),
  toUserId: z.string(),
});

export const emptyHandoverCounts = (): HandoverCounts => ({
  accounts: 0,
  contacts: 0,
  leads: 0,
  deals: 0,
  tickets: 0,
  tasks: 0,
});

import { z } from 'zod';

/**
 * Answers of the admin REST routes (sync/server/rest/admin-routes.ts → admin-service.ts), parsed, never trusted
 * (CONVENTIONS.md 4). Database numbers (bigint) may arrive as numbers or numeric strings.
 */
const timestamp = z.coerce.number();
const flag = z.union([
  z.boolean(),
  z.enum(['t', 'f', 'true', 'false']).transform((v) => v === 't' || v === 'true'),
]);
const idList = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}, z.array(z.string()));

export const teamRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  parent_team_id: z
    .string()
    .nullable()
    .transform((v) => v ?? ''),
});
export type TeamRow = z.infer<typeof teamRowSchema>;

export const userRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  team_ids: idList,
  /** Teams shared with this person read-only (absent from servers before read-only sharing). */
  read_only_team_ids: idList.optional().transform((v) => v ?? []),
  active: flag,
});
export type UserRow = z.infer<typeof userRowSchema>;

export const deviceRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  created_at: timestamp,
  last_seen_at: timestamp,
  revoked_at: timestamp.nullable(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

export const teamListSchema = z.array(teamRowSchema);
export const userListSchema = z.array(userRowSchema);
export const deviceListSchema = z.array(deviceRowSchema);
export const inviteResponseSchema = z.object({ code: z.string(), expiresAt: timestamp });
export type InviteResponse = z.infer<typeof inviteResponseSchema>;
export const okResponseSchema = z.object({ ok: z.boolean() });

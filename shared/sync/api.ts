import { z } from 'zod';
import { MEMBER_ROLES } from '../domain';

/** REST bodies shared by the server (which validates them) and the app (which sends them). */
const email = z.string().trim().toLowerCase().email().max(254);
const password = z.string().min(8, 'auth.passwordTooShort').max(200);
const deviceName = z.string().trim().min(1).max(100).default('device');

export const createWorkspaceBody = z.object({
  workspaceName: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  email,
  password,
  deviceName,
});
export const loginBody = z.object({ email, password: z.string().min(1).max(200), deviceName });
export const joinBody = z.object({
  inviteCode: z.string().trim().min(6).max(64),
  name: z.string().trim().min(1).max(100),
  email,
  password,
  deviceName,
});
export const refreshBody = z.object({ refreshToken: z.string().min(20).max(200) });
export const createInviteBody = z.object({
  role: z.enum(MEMBER_ROLES).default('rep'),
  teamId: z.string().max(64).default(''),
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export const createTeamBody = z.object({
  name: z.string().trim().min(1).max(100),
  parentTeamId: z.string().max(64).default(''),
});
export const updateUserBody = z.object({
  role: z.enum(MEMBER_ROLES).optional(),
  teamIds: z.array(z.string().max(64)).max(50).optional(),
  active: z.boolean().optional(),
});

export const sessionResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAt: z.number(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(MEMBER_ROLES),
    teamIds: z.array(z.string()),
  }),
  workspace: z.object({ id: z.string(), name: z.string() }),
  deviceId: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const apiErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorResponse>['error'];

export const historyEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  userId: z.string(),
  userName: z.string(),
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  kind: z.enum(['create', 'change', 'delete', 'merge']),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

import { z } from 'zod';
import { MEMBER_ROLES } from '../domain';
import {
  checkpointSchema,
  collectionNameSchema,
  MAX_PULL_BATCH,
  mergeReasonSchema,
} from './protocol';
import { handoverHistorySchema } from './handover';

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
  /** Teams shared with this person read-only (shared/sync/scope.ts). */
  readOnlyTeamIds: z.array(z.string().max(64)).max(50).optional(),
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
    readOnlyTeamIds: z.array(z.string()).optional(),
  }),
  workspace: z.object({ id: z.string(), name: z.string() }),
  deviceId: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** POST /api/socket-tickets: where a client asks for a ticket before opening a WebSocket. */
export const SOCKET_TICKETS_PATH = '/api/socket-tickets';
/**
 * A single-use ticket that opens one WebSocket (`/sync?ticket=…`, `/yjs/<doc>?ticket=…`) as the caller's
 * device, so the access token never appears in a URL; valid until `expiresAt` (about 30 s).
 */
export const socketTicketResponse = z.object({
  ticket: z.string().min(20).max(200),
  expiresAt: z.number(),
});
export type SocketTicketResponse = z.infer<typeof socketTicketResponse>;

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
  /** When the new value was edited on its device (epoch ms of its stamp; `at` is when the server stored it). */
  editedAt: z.number().optional(),
  /**
   * On `merge` lines (oldValue: the value that lost, by userId; newValue: the value kept): why, and when each was
   * edited. `itemId`/`key`: the list item field (a deal's line item, a contract's payment) the conflict was on.
   */
  merge: z
    .object({
      reason: mergeReasonSchema,
      lostAt: z.number(),
      keptAt: z.number(),
      keptBy: z.string(),
      keptByName: z.string().optional(),
      itemId: z.string().optional(),
      key: z.string().optional(),
    })
    .optional(),
  /** On the owner line of a record moved by a handover (离职交接, issue 19): from whom to whom. */
  handover: handoverHistorySchema.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** `{ ok: true }`: the answer of calls that change something and have nothing else to say. */
export const okResponse = z.object({ ok: z.literal(true) });

/** The acting person, as GET /api/me answers (the server's Principal). */
export const principalResponse = z.object({
  userId: z.string(),
  workspaceId: z.string(),
  role: z.enum(MEMBER_ROLES),
  teamIds: z.array(z.string()),
  readOnlyTeamIds: z.array(z.string()).optional(),
  deviceId: z.string(),
});

/** Rows of the admin lists; database numbers are epoch milliseconds. */
export const teamRowResponse = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  parent_team_id: z.string(),
  created_at: z.number(),
});
export const userRowResponse = z.object({
  id: z.string(),
  workspace_id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  team_ids: z.array(z.string()),
  read_only_team_ids: z.array(z.string()),
  active: z.boolean(),
  created_at: z.number(),
});
export const deviceRowResponse = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  created_at: z.number(),
  last_seen_at: z.number(),
  revoked_at: z.number().nullable(),
});
export const inviteResponse = z.object({ code: z.string(), expiresAt: z.number() });

/** GET /health: `status` plus facts about the node (engine, node id, schema version, connections …). */
export const healthResponse = z.looseObject({ status: z.literal('ok') });

/** A stored record: the collection's entity fields (components.schemas.<collection>) and its meta. */
export const recordResponse = z.looseObject({ id: z.string() });

/**
 * A create the server's rules placed where its creator may not read it (a lead assigned to another team): only
 * its id, so the answer tells no more than the creator's replica would hold.
 */
export const routedElsewhereResponse = z.object({
  id: z.string(),
  routedElsewhere: z.literal(true),
  message: z.string(),
});
export type RoutedElsewhereResponse = z.infer<typeof routedElsewhereResponse>;

/** One page of GET /api/records/{collection}: records changed after `since`, oldest change first. */
export const pullPageResponse = z.object({
  documents: z.array(recordResponse),
  checkpoint: checkpointSchema.nullable(),
  remaining: z.number().int().min(0),
});

/** Path and query parameters of the record routes. */
export const recordIdSchema = z.string().min(1).max(64);
export const collectionParams = z.object({ collection: collectionNameSchema });
export const recordParams = z.object({ collection: collectionNameSchema, id: recordIdSchema });
export const idParams = z.object({ id: z.string().min(1).max(64) });
export const pullQuery = z.object({
  since: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(0)
    .describe(
      'Return records changed after this sequence number (checkpoint.seq of the last page)',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PULL_BATCH)
    .default(100)
    .describe(`Page size; above ${MAX_PULL_BATCH} is refused (400)`),
});

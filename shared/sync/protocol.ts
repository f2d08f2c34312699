import { z } from 'zod';
import { COLLECTION_NAMES, MEMBER_ROLES } from '../domain';

/**
 * The sync protocol: one authenticated WebSocket per client multiplexes every collection
 * (sync/README.md "Replication"). Each side parses what it receives with these schemas; anything that
 * does not parse gets an `error` reply, never a crash.
 */
export const SYNC_PATH = '/sync';
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
export const MAX_PULL_BATCH = 1000;
export const MAX_PUSH_ROWS = 500;

/** WebSocket close codes (4000–4999 are application codes; browsers hide HTTP upgrade errors). */
export const CloseCode = {
  unauthorized: 4401,
  forbidden: 4403,
  /** Yjs rooms: the document name is not one we serve. */
  unknownDoc: 4404,
  deviceRevoked: 4410,
  /**
   * The socket sent more messages than its limit allows: reconnect (with backoff) and resume. 45xx, not
   * 44xx: y-websocket treats 4400–4499 as final and 4500–4599 as "try again later".
   */
  rateLimited: 4529,
  /** The socket did not read what it was sent fast enough: reconnect and resume (45xx: as above). */
  tooSlow: 4508,
  /** Yjs rooms: a message that could not be decoded. */
  invalidData: 1007,
  tooLarge: 1009,
  serverShutdown: 1012,
} as const;

export const collectionNameSchema = z.enum(
  COLLECTION_NAMES as [(typeof COLLECTION_NAMES)[number], ...(typeof COLLECTION_NAMES)[number][]],
);

/** A record as it crosses the wire: entity fields plus `_deleted` (tombstones); validated per collection on write. */
export const wireDocSchema = z.looseObject({
  id: z.string().min(1).max(64),
  _deleted: z.boolean().optional(),
});
export type WireDoc = z.infer<typeof wireDocSchema>;

/**
 * Where a replica's copy of a collection stands: the server sequence, and `masking`, the field policy the
 * copy was masked by (field-policy.ts maskingVersion; absent when nothing was masked). A pull whose masking is
 * not the caller's current one starts again from the beginning.
 */
export const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  masking: z.string().max(64).optional(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

const requestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('pull'),
    id: requestId,
    collection: collectionNameSchema,
    checkpoint: checkpointSchema.nullable(),
    batchSize: z.number().int().min(1).max(MAX_PULL_BATCH),
  }),
  z.object({
    type: z.literal('push'),
    id: requestId,
    collection: collectionNameSchema,
    rows: z
      .array(
        z.object({
          assumedMasterState: wireDocSchema.nullable().optional(),
          newDocumentState: wireDocSchema,
        }),
      )
      .min(1)
      .max(MAX_PUSH_ROWS),
  }),
  z.object({ type: z.literal('ping'), id: requestId }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const rejectionSchema = z.object({
  collection: collectionNameSchema,
  id: z.string(),
  /** i18n key (shared/sync/scope.ts RejectReason or a validation message key). */
  reason: z.string(),
  params: z.record(z.string(), z.string()).optional(),
  /** Field-level issues when the reason is validation. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The state the person tried to write: shown in the inbox so nothing they typed is lost. */
  attempted: wireDocSchema,
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const welcomeSchema = z.object({
  type: z.literal('welcome'),
  userId: z.string(),
  workspaceId: z.string(),
  role: z.enum(MEMBER_ROLES),
  serverSeq: z.number().int().min(0),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  z.object({
    type: z.literal('pull-result'),
    id: requestId,
    documents: z.array(wireDocSchema),
    checkpoint: checkpointSchema.nullable(),
    remaining: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('push-result'),
    id: requestId,
    conflicts: z.array(wireDocSchema),
    rejected: z.array(rejectionSchema),
  }),
  z.object({ type: z.literal('pong'), id: requestId }),
  /** Something changed in these collections: pull. */
  z.object({
    type: z.literal('changed'),
    collections: z.array(collectionNameSchema),
    seq: z.number().int(),
  }),
  /**
   * The changes of one commit, pushed to a connection the server knows holds every change of `collection` up
   * to `fromSeq` (the commit before this one): apply `documents` (this person's view of them: records that
   * left their scope come as tombstones) and move the checkpoint to `checkpoint`, without pulling. When the
   * server cannot vouch for that (the client is behind, or the change came from another node) it sends
   * `changed` instead. See sync/server/ws/README.md.
   */
  z.object({
    type: z.literal('changes'),
    collection: collectionNameSchema,
    documents: z.array(wireDocSchema),
    checkpoint: checkpointSchema,
    fromSeq: z.number().int().min(0),
  }),
  z.object({
    type: z.literal('error'),
    id: requestId.optional(),
    code: z.string(),
    message: z.string(),
  }),
  /** The device was revoked by an admin: wipe the local replica. */
  z.object({ type: z.literal('wipe') }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

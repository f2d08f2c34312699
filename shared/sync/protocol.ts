import { z } from 'zod';
import { COLLECTION_NAMES, MEMBER_ROLES } from '../domain';
import { stampSchema } from './hlc';

/**
 * The sync protocol: one authenticated WebSocket per client multiplexes every collection
 * (sync/README.md "Replication"). Each side parses what it receives with these schemas; anything that
 * does not parse gets an `error` reply, never a crash.
 */
export const SYNC_PATH = '/sync';
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
export const MAX_PULL_BATCH = 1000;
export const MAX_PUSH_ROWS = 500;
/** Teams a checkpoint's scope may name (a manager's subtree). */
export const MAX_WIRE_SCOPE_TEAMS = 10_000;

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

/** A scope as it travels in checkpoints: 'all' (admins) or the team ids a person sees. */
export const wireScopeSchema = z.union([
  z.literal('all'),
  z.array(z.string().max(64)).max(MAX_WIRE_SCOPE_TEAMS),
]);
export type WireScope = z.infer<typeof wireScopeSchema>;

/**
 * A back-fill under way after the caller's scope changed (sync/server/ws/README.md "When rights change"):
 * the scope being filled (`to`), every team the replica may hold records of (`maybe`), and where the phase got:
 * `gain` sends records of newly visible teams up to the checkpoint's `seq` (cursor: a sequence), `lose` sends
 * bare tombstones for records of teams no longer visible (cursor: a record id).
 */
export const fillSchema = z.object({
  to: wireScopeSchema,
  maybe: wireScopeSchema,
  phase: z.enum(['gain', 'lose']),
  afterSeq: z.number().int().min(0),
  afterId: z.string().max(64),
});
export type Fill = z.infer<typeof fillSchema>;

/**
 * Where a replica's pull stands: every change up to `seq` of the records in `scope` (the scope the replica was
 * filled with; absent in checkpoints of old clients and of workspace-wide collections: taken as the caller's
 * current scope). `fill` is set while a back-fill runs and null once it ended: RxDB merges checkpoints key by
 * key (Object.assign), so an ended fill must be overwritten, not left out. `masking`: the field policy the
 * copy was masked by (field-policy.ts maskingVersion; '' or absent when nothing was masked); a pull whose
 * masking is not the caller's current one starts again from the beginning.
 */
export const checkpointSchema = z.object({
  seq: z.number().int().min(0),
  scope: wireScopeSchema.optional(),
  fill: fillSchema.nullable().optional(),
  masking: z.string().max(64).optional(),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

/**
 * A tombstone that carries only the id: "remove this record if you hold it" (a record of a team the person no
 * longer sees). The client completes it from its own replica (the server does not send what they may no longer
 * read) and drops it when it holds no such record.
 */
export function isBareTombstone(doc: WireDoc): boolean {
  return doc._deleted === true && Object.keys(doc).length === 2;
}

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
          /**
           * When each changed field (or list item field, `stampPath`) was edited on the device: hybrid logical
           * clock stamps (hlc.ts). Absent (old clients) or missing for a field: the server's receive time.
           */
          stamps: z.record(z.string().max(300), stampSchema).optional(),
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
  /** The server's clock (hlc.ts): the client corrects its own clock by it and stamps later than it. */
  clock: stampSchema.optional(),
});

/**
 * Why a value won a same-field conflict (shared/sync/merge.ts): the other edit was made later; both were made
 * at the same instant and the device id decided; a list item edited on one side and deleted on the other stays
 * (nothing typed is lost).
 */
export const MERGE_REASONS = ['laterEdit', 'tie', 'editKeepsItem'] as const;
export const mergeReasonSchema = z.enum(MERGE_REASONS);
export type MergeReason = z.infer<typeof mergeReasonSchema>;

/**
 * A value this client pushed that lost a conflict to another edit: shown in the inbox ("edited later on another
 * laptop") and kept in the record's history, where it can be restored. `itemId`/`key`: a list item's field.
 */
export const overruledSchema = z.object({
  collection: collectionNameSchema,
  id: z.string(),
  field: z.string(),
  itemId: z.string().optional(),
  key: z.string().optional(),
  lost: z.unknown(),
  kept: z.unknown(),
  /** When the lost and the kept values were edited (epoch ms of their stamps). */
  lostAt: z.number(),
  keptAt: z.number(),
  keptBy: z.string(),
  reason: mergeReasonSchema,
});
export type Overruled = z.infer<typeof overruledSchema>;

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeSchema,
  z.object({
    type: z.literal('pull-result'),
    id: requestId,
    documents: z.array(wireDocSchema),
    checkpoint: checkpointSchema.nullable(),
    remaining: z.number().int().min(0),
    clock: stampSchema.optional(),
  }),
  z.object({
    type: z.literal('push-result'),
    id: requestId,
    conflicts: z.array(wireDocSchema),
    rejected: z.array(rejectionSchema),
    /** Values of this push that lost to a later edit (kept in history). */
    overruled: z.array(overruledSchema).optional(),
    /** The server's clock after this push. */
    clock: stampSchema.optional(),
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

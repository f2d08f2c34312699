import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import { collectionNameSchema } from './protocol';
import { PERSONAL_COLLECTIONS } from './scope';

/**
 * Outgoing webhooks (issue 17 "Webhooks"): the events a hook can subscribe to, the payload a receiver gets,
 * how a delivery is signed and verified, the retry schedule, and the REST bodies of /api/webhooks. Pure: the
 * server and a receiver written in TypeScript use the same functions (signing uses Web Crypto, which Node and
 * browsers both have).
 */

/** What happened to a record: one event per committed change, after the commit. */
export const RECORD_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/**
 * Event names a delivery carries in `event` and X-CRM-Event: record events, and the business events `deal.won`,
 * `lead.assigned` (the server's assignment rules gave a lead its owner) and `approval.decided` (an approval's
 * final decision: approved or rejected).
 */
export const WEBHOOK_EVENT_NAMES = [
  'record.created',
  'record.updated',
  'record.deleted',
  'deal.won',
  'lead.assigned',
  'approval.decided',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];
/**
 * One subscription of a hook: `{ collection, action }` (either may be '*') for record events, or a named
 * event (`deal.won`, …); `{ event: '*' }` is everything.
 */
export const webhookSubscriptionSchema = z.union([
  z.object({
    collection: z.union([collectionNameSchema, z.literal('*')]),
    action: z.enum([...RECORD_ACTIONS, '*']),
  }),
  z.object({ event: z.enum([...WEBHOOK_EVENT_NAMES, '*']) }),
]);
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

/** What a committed change is, for subscription matching. */
export interface WebhookEventKey {
  event: WebhookEventName;
  /** Record events and deal.won: the record's collection. */
  collection?: CollectionName;
  action?: RecordAction;
}

/** True when `subscription` asks for the event `key`. */
export function subscriptionMatches(
  subscription: WebhookSubscription,
  key: WebhookEventKey,
): boolean {
  if ('event' in subscription)
    return subscription.event === '*' || subscription.event === key.event;
  if (!key.action || !key.collection) return false;
  return (
    (subscription.collection === '*' || subscription.collection === key.collection) &&
    (subscription.action === '*' || subscription.action === key.action)
  );
}

/** True when any of a hook's subscriptions asks for `key`. */
export function hookWants(
  subscriptions: readonly WebhookSubscription[],
  key: WebhookEventKey,
): boolean {
  return subscriptions.some((subscription) => subscriptionMatches(subscription, key));
}

/**
 * The events one committed change of a record makes: its record event, and
 * - `deal.won` when a deal enters a won stage (its status becomes 'won' from anything else; status follows the
 *   stage, shared/rules/deal-stage.ts);
 * - `lead.assigned` when the server's assignment rules give a lead its owner (`assignedAt` is set or changes:
 *   the assignment stamps it, nothing else writes it);
 * - `approval.decided` when an approval's status leaves 'pending' (its last step decided, or a rejection).
 */
export function eventsOfChange(change: {
  collection: CollectionName;
  action: RecordAction;
  status?: unknown;
  statusBefore?: unknown;
  assignedAt?: unknown;
  assignedAtBefore?: unknown;
}): WebhookEventKey[] {
  const events: WebhookEventKey[] = [
    { event: `record.${change.action}`, collection: change.collection, action: change.action },
  ];
  if (change.action === 'deleted') return events;
  if (change.collection === 'deals' && change.status === 'won' && change.statusBefore !== 'won')
    events.push({ event: 'deal.won', collection: 'deals' });
  if (
    change.collection === 'leads' &&
    typeof change.assignedAt === 'number' &&
    change.assignedAt > 0 &&
    change.assignedAt !== change.assignedAtBefore
  )
    events.push({ event: 'lead.assigned', collection: 'leads' });
  if (
    change.collection === 'approvals' &&
    (change.status === 'approved' || change.status === 'rejected') &&
    change.statusBefore === 'pending'
  )
    events.push({ event: 'approval.decided', collection: 'approvals' });
  return events;
}

/**
 * The body of a delivery. `id` is the delivery's id (the same on every retry: receivers use it, or
 * X-CRM-Delivery, to ignore a delivery they already handled); `record` is the record as an admin sees it
 * (`lead.assigned`: the lead with its new owner; `approval.decided`: the approval with its steps).
 */
export const webhookPayloadSchema = z.object({
  id: z.string(),
  event: z.enum(WEBHOOK_EVENT_NAMES),
  occurredAt: z.number().int(),
  workspaceId: z.string(),
  collection: collectionNameSchema,
  recordId: z.string(),
  record: z.looseObject({ id: z.string() }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

export const WEBHOOK_SIGNATURE_HEADER = 'X-CRM-Signature';
export const WEBHOOK_EVENT_HEADER = 'X-CRM-Event';
export const WEBHOOK_DELIVERY_HEADER = 'X-CRM-Delivery';
/** A receiver refuses signatures older (or further ahead) than this: a replayed delivery. */
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The X-CRM-Signature header of `body` sent at `timestampSeconds`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the hook's secret>`. The timestamp is signed with the body, so an old delivery cannot be
 * replayed with a fresh time.
 */
export async function signWebhook(
  secret: string,
  body: string,
  timestampSeconds: number,
): Promise<string> {
  const t = Math.floor(timestampSeconds);
  return `t=${t},v1=${await hmacHex(secret, `${t}.${body}`)}`;
}

export type WebhookVerification =
  { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'mismatch' | 'expired' };

/** Equal strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * What a receiver does with a delivery: checks the signature header against the raw body (as received, before
 * any JSON parsing) and refuses timestamps more than `toleranceSeconds` away from `nowSeconds`. Several v1
 * values (a secret being rotated) are accepted if any matches.
 */
export async function verifyWebhook(input: {
  secret: string;
  body: string;
  header: string | null | undefined;
  nowSeconds: number;
  toleranceSeconds?: number;
}): Promise<WebhookVerification> {
  const parts = (input.header ?? '').split(',').map((part) => part.trim().split('='));
  const t = parts.find(([name]) => name === 't')?.[1];
  const signatures = parts.filter(([name, value]) => name === 'v1' && value).map(([, v]) => v);
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  const tolerance = input.toleranceSeconds ?? WEBHOOK_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(input.nowSeconds - timestamp) > tolerance) return { ok: false, reason: 'expired' };
  const expected = await hmacHex(input.secret, `${t}.${input.body}`);
  return signatures.some((signature) => sameText(signature.toLowerCase(), expected))
    ? { ok: true, timestamp }
    : { ok: false, reason: 'mismatch' };
}

/** Seconds to wait after failed attempt n (1-based) before the next: 10 s, 1 min, 5 min, 30 min, 2 h, then 6 h. */
export const WEBHOOK_RETRY_DELAYS_MS = [
  10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 21_600_000, 21_600_000,
] as const;
/** Attempts before a delivery is given up (the first try and the retries). */
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` failed attempts, or null when the delivery is given up. `delaysMs`: the
 * schedule (tests use a short one); the last delay repeats when `maxAttempts` outlasts it.
 */
export function nextAttemptDelay(
  attempts: number,
  delaysMs: readonly number[] = WEBHOOK_RETRY_DELAYS_MS,
  maxAttempts: number = WEBHOOK_MAX_ATTEMPTS,
): number | null {
  if (attempts >= maxAttempts || delaysMs.length === 0) return null;
  return delaysMs[Math.min(Math.max(attempts, 1), delaysMs.length) - 1];
}

/** REST: registering a hook (the secret is made by the server and shown once, in the answer). */
export const createWebhookBody = z.object({
  url: z.string().url().max(2048),
  events: z.array(webhookSubscriptionSchema).min(1).max(100),
  active: z.boolean().default(true),
  description: z.string().max(200).default(''),
});
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export const updateWebhookBody = z
  .object({
    url: z.string().url().max(2048),
    events: z.array(webhookSubscriptionSchema).min(1).max(100),
    active: z.boolean(),
    description: z.string().max(200),
  })
  .partial();
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const webhookResponse = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookSubscriptionSchema),
  active: z.boolean(),
  description: z.string(),
  createdAt: z.number(),
  /** Why the server turned the hook off (e.g. the receiver answered 410 Gone); '' when it did not. */
  disabledReason: z.string(),
});
export type WebhookRow = z.infer<typeof webhookResponse>;

/** POST /api/webhooks answers the hook with its secret: the only time the secret is shown. */
export const createdWebhookResponse = webhookResponse.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhookResponse>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const webhookDeliveryResponse = z.object({
  id: z.string(),
  event: z.enum(WEBHOOK_EVENT_NAMES),
  collection: z.string(),
  recordId: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  createdAt: z.number(),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  /** The receiver's HTTP status on the last attempt, or null (no answer). */
  lastStatusCode: z.number().int().nullable(),
  /** Why the last attempt failed ('' when it did not). */
  lastError: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliveryResponse>;

export const webhookDeliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The collections a record subscription may name, for pickers (personal inbox marks make no events). */
export const WEBHOOK_COLLECTIONS: readonly CollectionName[] = COLLECTION_NAMES.filter(
  (name) => !PERSONAL_COLLECTIONS.has(name),
);

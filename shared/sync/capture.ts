import { z } from 'zod';
import { leadFields, LEAD_SOURCES } from '../domain';

/**
 * The lead-capture API (issue 19 "Capture"): web forms and ad platforms post leads to
 * `POST /api/capture/leads` with a capture key of their source; admins create, list and revoke the keys over
 * `/api/capture-keys`. REST bodies shared by the server (which validates them) and the app (which sends them).
 */

export const CAPTURE_LEADS_PATH = '/api/capture/leads';
/** The header that carries a capture key (never `Authorization`: that is a person's access token). */
export const CAPTURE_KEY_HEADER = 'X-Api-Key';
/** Every capture key starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const CAPTURE_KEY_PREFIX = 'crmcap_';
/** Capture-key ids start with this; the id is also the author of what the key writes (history, createdBy). */
export const CAPTURE_KEY_ID_PREFIX = 'capture-';

/** True when a record's author (`createdBy`, a history line's `userId`) is a capture key, not a person. */
export function isCaptureAuthor(userId: string): boolean {
  return userId.startsWith(CAPTURE_KEY_ID_PREFIX);
}

const optional = <T extends z.ZodType>(field: T) => field.optional();

/**
 * What a web form posts: the lead fields a visitor fills in, with the app's own rules (shared/domain
 * `leadFields`), so a mobile or e-mail the app would refuse is refused here with the same message. Fields
 * other than these are ignored. `source` and `campaignId` default to the key's; `campaign` names a campaign
 * (its name, or free text kept on the lead); `clientKey` makes a repeated post answer the first lead.
 */
export const captureLeadBody = z.object({
  name: leadFields.name,
  company: optional(leadFields.company),
  mobile: optional(leadFields.mobile),
  email: optional(leadFields.email),
  title: optional(leadFields.title),
  region: optional(leadFields.region),
  industry: optional(leadFields.industry),
  sizeBand: optional(leadFields.sizeBand.unwrap()),
  notes: optional(leadFields.notes),
  source: optional(leadFields.source),
  campaignId: optional(leadFields.campaignId.unwrap()),
  campaign: optional(leadFields.campaign),
  clientKey: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Idempotency key of this submission (per capture key): the same clientKey again answers the first lead (200)',
    ),
});
export type CaptureLeadBody = z.output<typeof captureLeadBody>;

/** 201 (a new lead) or 200 (the clientKey was seen: the lead of the first post). */
export const captureLeadResponse = z.object({
  id: z.string(),
  /** false when the clientKey named an earlier post and no new lead was made. */
  created: z.boolean(),
});
export type CaptureLeadResponse = z.infer<typeof captureLeadResponse>;

export const createCaptureKeyBody = z.object({
  /** The lead source's name, e.g. 官网表单; recorded on every lead as `captureSource`. */
  name: z.string().trim().min(1).max(100),
  /** The lead `source` of its leads when a post names none. */
  source: z.enum(LEAD_SOURCES).default('form'),
  /** The campaign of its leads when a post names none ('' = none). */
  campaignId: z.string().max(64).default(''),
  /** The owner of its leads ('' = unowned: the server's assignment rules give it one). */
  ownerId: z.string().max(64).default(''),
});
export type CreateCaptureKeyBody = z.input<typeof createCaptureKeyBody>;

export const captureKeyResponse = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(LEAD_SOURCES),
  campaignId: z.string(),
  ownerId: z.string(),
  /** The key's first characters, to tell keys apart (the key itself is stored hashed). */
  prefix: z.string(),
  createdAt: z.number(),
  createdBy: z.string(),
  /** When a lead was last posted with it (epoch ms), null = never. */
  lastUsedAt: z.number().nullable(),
  /** When an admin revoked it, null = active. */
  revokedAt: z.number().nullable(),
});
export type CaptureKeyRow = z.infer<typeof captureKeyResponse>;

/** POST /api/capture-keys answers the key itself: the only time it is shown. */
export const createdCaptureKeyResponse = captureKeyResponse.extend({ key: z.string() });
export type CreatedCaptureKey = z.infer<typeof createdCaptureKeyResponse>;

import { randomUUID } from 'node:crypto';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { captureCampaign, capturedLead } from '@shared/rules/lead-capture';
import { RejectReason, type CaptureLeadBody, type CaptureLeadResponse } from '@shared/sync';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import type { RecordStore } from '../records/record-store';
import type { CaptureKey, CaptureKeys } from './capture-keys';
import { perMinuteLimiter } from './rate-limiters';
import { activeOwner, campaignsOf } from './workspace-lookups';

/** Leads per minute each capture key may post, across all nodes (a burst of a whole minute's budget is allowed). */
export const DEFAULT_CAPTURE_RATE_LIMIT = 60;
/** Posts with a missing, unknown or revoked key per minute per client address, across all nodes. */
export const DEFAULT_CAPTURE_BAD_KEY_LIMIT = 30;

export interface CaptureLimits {
  /** Leads per minute per key (0: no limit). */
  perKeyPerMinute: number;
  /** Refused keys per minute per client address (0: no limit). */
  badKeysPerMinute: number;
}

/**
 * A clientKey claim older than this whose lead was never stored belongs to a post whose node died between the
 * claim and the write: the next post with that clientKey takes it over (a live write takes milliseconds).
 */
export const ORPHANED_CLAIM_MS = 120_000;

/** What a capture post answers: the lead, and whether this post made it (201) or an earlier one did (200). */
export type CaptureOutcome = CaptureLeadResponse;

/**
 * The capture post (issue 19 "Capture"): finds the key, holds it to its rate limit, answers a clientKey seen
 * before with the first post's lead, and writes a new lead through the record store's normal write path
 * (validation, ownership, history, fan-out), as the key: history names the capture source as the author.
 *
 * Rate limits are rate-limiter-flexible's (rate-limiters.ts): counted in PostgreSQL, so nodes on one database share
 * each key's budget; in memory on PGlite (one node).
 */
export class CaptureService {
  private readonly perKey: RateLimiterAbstract | null;
  private readonly badKeys: RateLimiterAbstract | null;

  constructor(
    private readonly sql: Sql,
    private readonly keys: CaptureKeys,
    private readonly records: RecordStore,
    limits: CaptureLimits,
  ) {
    this.perKey = perMinuteLimiter(sql, 'capture-key', limits.perKeyPerMinute);
    this.badKeys = perMinuteLimiter(sql, 'capture-bad-key', limits.badKeysPerMinute);
  }

  /** The key a post presents, or 401; an address that keeps presenting bad keys gets 429 first. */
  async authenticate(presented: string | undefined, address: string): Promise<CaptureKey> {
    if (this.badKeys) {
      const seen = await this.badKeys.get(address);
      if (seen && seen.remainingPoints <= 0) throw tooMany(seen, 'from this address');
    }
    try {
      return await this.keys.authenticate(presented);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401)
        await this.badKeys?.penalty(address, 1);
      throw error;
    }
  }

  async post(key: CaptureKey, body: CaptureLeadBody): Promise<CaptureOutcome> {
    await this.consume(key);
    if (body.clientKey) {
      const earlier = await this.earlierLead(key, body.clientKey, Date.now());
      if (earlier) return { id: earlier, created: false };
    }
    const needsCampaigns = Boolean(body.campaignId || body.campaign);
    const campaign = captureCampaign(
      body,
      key,
      needsCampaigns ? await campaignsOf(this.sql, key.workspaceId) : [],
    );
    if (!campaign.ok)
      throw invalid([{ path: 'campaignId', message: 'No campaign of this workspace has this id' }]);
    // A default owner who has left since the key was made: the lead arrives unowned and assignment takes over.
    const owner = key.ownerId ? await activeOwner(this.sql, key.workspaceId, key.ownerId) : null;
    const now = Date.now();
    const lead = capturedLead(body, { ...key, ownerId: owner?.id ?? '' }, campaign, {
      id: randomUUID(),
      workspaceId: key.workspaceId,
      teamId: owner?.teamId ?? '',
      authorId: key.id,
      now,
    });
    if (body.clientKey) {
      const claimed = await this.claim(key, body.clientKey, lead.id, now);
      if (claimed !== lead.id) return { id: claimed, created: false };
    }
    try {
      await this.write(key, lead);
    } catch (error) {
      // The post made nothing: the same clientKey may try again.
      if (body.clientKey)
        await this.sql.query('DELETE FROM capture_requests WHERE key_id = $1 AND client_key = $2', [
          key.id,
          body.clientKey,
        ]);
      throw error;
    }
    await this.keys.markUsed(key.id, now);
    return { id: lead.id, created: true };
  }

  private async consume(key: CaptureKey): Promise<void> {
    if (!this.perKey) return;
    try {
      await this.perKey.consume(key.id);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(rejection, 'with this capture key');
      throw rejection;
    }
  }

  /**
   * The lead an earlier post with this clientKey made (or is making), or null: a claim that is older than
   * ORPHANED_CLAIM_MS without its lead stored does not count (its post never finished).
   */
  private async earlierLead(key: CaptureKey, clientKey: string, now: number) {
    const [row] = await this.sql.query<{ lead_id: string }>(
      `SELECT c.lead_id FROM capture_requests c WHERE c.key_id = $1 AND c.client_key = $2
         AND (c.created_at >= $4 OR EXISTS (SELECT 1 FROM records r
               WHERE r.workspace_id = $3 AND r.collection = 'leads' AND r.id = c.lead_id))`,
      [key.id, clientKey, key.workspaceId, now - ORPHANED_CLAIM_MS],
    );
    return row?.lead_id ?? null;
  }

  /**
   * Claims `clientKey` for the new lead, atomically: two posts racing with the same clientKey both answer the
   * lead of the one that claimed it first (the primary key decides). An orphaned claim (see earlierLead) is
   * taken over in the same statement, so a form retried after a node died mid-post still makes its lead.
   */
  private async claim(key: CaptureKey, clientKey: string, leadId: string, now: number) {
    const [inserted] = await this.sql.query<{ lead_id: string }>(
      `INSERT INTO capture_requests (key_id, client_key, lead_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key_id, client_key) DO UPDATE SET lead_id = EXCLUDED.lead_id, created_at = EXCLUDED.created_at
         WHERE capture_requests.created_at < $6 AND NOT EXISTS (SELECT 1 FROM records r
           WHERE r.workspace_id = $5 AND r.collection = 'leads' AND r.id = capture_requests.lead_id)
       RETURNING lead_id`,
      [key.id, clientKey, leadId, now, key.workspaceId, now - ORPHANED_CLAIM_MS],
    );
    return inserted?.lead_id ?? (await this.earlierLead(key, clientKey, now)) ?? leadId;
  }

  /**
   * The record store's push, as the key: an admin-like writer of the key's workspace (it may leave a lead unowned
   * and visible to the whole workspace, or give it to the key's default owner), whose id is the key's.
   */
  private async write(key: CaptureKey, lead: ReturnType<typeof capturedLead>): Promise<void> {
    const writer = {
      userId: key.id,
      workspaceId: key.workspaceId,
      role: 'admin' as const,
      teamIds: [],
      deviceId: key.id,
    };
    const result = await this.records.push(writer, 'all', 'leads', [
      { assumedMasterState: null, newDocumentState: lead },
    ]);
    const rejection = result.rejected[0];
    if (rejection)
      throw new ApiFailure(
        422,
        rejection.reason === RejectReason.validation ? 'invalid_lead' : rejection.reason,
        `The server did not accept this lead (${rejection.reason})`,
        rejection.issues,
      );
  }
}

function invalid(issues: { path: string; message: string }[]): ApiFailure {
  return new ApiFailure(422, 'invalid_lead', 'The lead is not valid', issues);
}

function tooMany(res: RateLimiterRes, what: string): ApiFailure {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new ApiFailure(
    429,
    'rate_limited',
    `Too many leads ${what}; try again in ${seconds} s`,
    undefined,
    seconds,
  );
}

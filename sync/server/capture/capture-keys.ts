import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { createCaptureKeyBody } from '@shared/sync';
import {
  CAPTURE_KEY_ID_PREFIX,
  CAPTURE_KEY_PREFIX,
  captureKeyResponse,
  type CaptureKeyRow,
  type CreatedCaptureKey,
  type Principal,
} from '@shared/sync';
import type { LeadSource } from '@shared/domain';
import type { z } from 'zod';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import { activeOwner, campaignsOf } from './workspace-lookups';

interface KeyRow {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  source: string;
  campaign_id: string;
  owner_id: string;
  created_by: string;
  created_at: string | number;
  last_used_at: string | number | null;
  revoked_at: string | number | null;
}

/** A capture key as the capture post uses it (active: not revoked). */
export interface CaptureKey {
  id: string;
  workspaceId: string;
  name: string;
  source: LeadSource;
  campaignId: string;
  ownerId: string;
}

/** Shown in lists, so keys can be told apart: the prefix and the first characters of the secret part. */
const SHOWN_CHARS = CAPTURE_KEY_PREFIX.length + 6;

/** The stored form of a key: SHA-256 hex (the key is 256 random bits, so a slow hash would add nothing). */
export function hashCaptureKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

function toRow(row: KeyRow): CaptureKeyRow {
  return captureKeyResponse.parse({
    id: row.id,
    name: row.name,
    source: row.source,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    prefix: row.prefix,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    lastUsedAt: num(row.last_used_at),
    revokedAt: num(row.revoked_at),
  });
}

/**
 * Capture keys, one per lead source (issue 19 "Capture"): created, listed and revoked by an admin of the
 * workspace; the key is answered once, on creation, and stored only as its hash. `authenticate` finds the
 * key of a capture post.
 */
export class CaptureKeys {
  constructor(private readonly sql: Sql) {}

  async list(admin: Principal): Promise<CaptureKeyRow[]> {
    requireAdmin(admin);
    const rows = await this.sql.query<KeyRow>(
      'SELECT * FROM capture_keys WHERE workspace_id = $1 ORDER BY created_at, id',
      [admin.workspaceId],
    );
    return rows.map(toRow);
  }

  async create(
    admin: Principal,
    input: z.output<typeof createCaptureKeyBody>,
  ): Promise<CreatedCaptureKey> {
    requireAdmin(admin);
    await this.checkDefaults(admin.workspaceId, input);
    const id = `${CAPTURE_KEY_ID_PREFIX}${randomUUID()}`;
    const key = `${CAPTURE_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const [row] = await this.sql.query<KeyRow>(
      `INSERT INTO capture_keys (id, workspace_id, name, key_hash, prefix, source, campaign_id, owner_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        id,
        admin.workspaceId,
        input.name,
        hashCaptureKey(key),
        key.slice(0, SHOWN_CHARS),
        input.source,
        input.campaignId,
        input.ownerId,
        admin.userId,
        Date.now(),
      ],
    );
    return { ...toRow(row), key };
  }

  /** Revokes a key: its posts answer 401 from now on (on every node: the key is read on each post). */
  async revoke(admin: Principal, id: string): Promise<CaptureKeyRow> {
    requireAdmin(admin);
    const [row] = await this.sql.query<KeyRow>(
      `UPDATE capture_keys SET revoked_at = COALESCE(revoked_at, $3)
       WHERE id = $1 AND workspace_id = $2 RETURNING *`,
      [id, admin.workspaceId, Date.now()],
    );
    if (!row) throw new ApiFailure(404, 'not_found', 'No such capture key');
    return toRow(row);
  }

  /** The active key `presented` is, or a 401 naming what is wrong (missing, unknown, revoked). */
  async authenticate(presented: string | undefined): Promise<CaptureKey> {
    if (!presented)
      throw new ApiFailure(401, 'capture_key_missing', 'Send the capture key in X-Api-Key');
    const [row] = await this.sql.query<KeyRow>('SELECT * FROM capture_keys WHERE key_hash = $1', [
      hashCaptureKey(presented),
    ]);
    if (!row) throw new ApiFailure(401, 'capture_key_invalid', 'Unknown capture key');
    if (row.revoked_at !== null)
      throw new ApiFailure(401, 'capture_key_revoked', 'This capture key was revoked');
    const { source } = toRow(row);
    return {
      id: row.id,
      workspaceId: row.workspace_id,
      name: row.name,
      source,
      campaignId: row.campaign_id,
      ownerId: row.owner_id,
    };
  }

  /** Records that a lead was posted with the key (the list's "last used"). */
  async markUsed(id: string, at: number): Promise<void> {
    await this.sql.query('UPDATE capture_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
  }

  /** A default owner must be an active person of the workspace, a default campaign one of its campaigns. */
  private async checkDefaults(
    workspaceId: string,
    input: { ownerId: string; campaignId: string },
  ): Promise<void> {
    const issues: { path: string; message: string }[] = [];
    if (input.ownerId && !(await activeOwner(this.sql, workspaceId, input.ownerId)))
      issues.push({ path: 'ownerId', message: 'No active person of this workspace has this id' });
    if (
      input.campaignId &&
      !(await campaignsOf(this.sql, workspaceId)).some((c) => c.id === input.campaignId)
    )
      issues.push({ path: 'campaignId', message: 'No campaign of this workspace has this id' });
    if (issues.length > 0)
      throw new ApiFailure(400, 'invalid_body', 'The request body is not valid', issues);
  }
}

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin')
    throw new ApiFailure(403, 'admin_only', 'Only an admin can manage capture keys');
}

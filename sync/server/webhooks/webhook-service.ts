import { randomBytes, randomUUID } from 'node:crypto';
import {
  webhookSubscriptionSchema,
  type createWebhookBody,
  type CreatedWebhook,
  type Principal,
  type UpdateWebhookBody,
  type WebhookDelivery,
  type WebhookRow,
  type WebhookSubscription,
} from '@shared/sync';
import { z } from 'zod';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import { refuseWebhookUrl, type UrlRefusal } from './url-guard';

/** A hook as the delivery side reads it. */
export interface StoredHook {
  id: string;
  workspaceId: string;
  url: string;
  events: WebhookSubscription[];
  active: boolean;
  secret: string;
}

interface HookRow {
  id: string;
  workspace_id: string;
  url: string;
  events: unknown;
  active: boolean;
  description: string;
  secret: string;
  created_at: string | number;
  disabled_reason: string;
}

const eventsSchema = z.array(webhookSubscriptionSchema);

const URL_REFUSALS: Record<UrlRefusal, string> = {
  scheme: 'Only http and https URLs can receive webhooks',
  credentials: 'Put no user name or password in the URL; check the signature instead',
  private:
    'The URL points at a loopback or private address; the server refuses those unless started with --webhook-allow-private',
  unresolved: 'The host name of the URL does not resolve',
};

function toRow(row: HookRow): WebhookRow {
  return {
    id: row.id,
    url: row.url,
    events: eventsSchema.parse(row.events),
    active: row.active,
    description: row.description,
    createdAt: Number(row.created_at),
    disabledReason: row.disabled_reason,
  };
}

/**
 * Registration of outgoing webhooks (admins of the workspace only): list, create (the server makes the secret
 * and answers it once), change, delete, and the delivery log of a hook.
 */
export class WebhookService {
  constructor(
    private readonly sql: Sql,
    private readonly options: { allowPrivate: boolean },
  ) {}

  async list(admin: Principal): Promise<WebhookRow[]> {
    requireAdmin(admin);
    const rows = await this.sql.query<HookRow>(
      'SELECT * FROM webhooks WHERE workspace_id = $1 ORDER BY created_at, id',
      [admin.workspaceId],
    );
    return rows.map(toRow);
  }

  async create(
    admin: Principal,
    input: z.output<typeof createWebhookBody>,
  ): Promise<CreatedWebhook> {
    requireAdmin(admin);
    await this.checkUrl(input.url);
    const id = `hook-${randomUUID()}`;
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.sql.query<HookRow>(
      `INSERT INTO webhooks (id, workspace_id, url, events, active, description, secret, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        id,
        admin.workspaceId,
        input.url,
        JSON.stringify(input.events),
        input.active,
        input.description,
        secret,
        admin.userId,
        Date.now(),
      ],
    );
    return { ...toRow(row), secret };
  }

  async update(admin: Principal, id: string, input: UpdateWebhookBody): Promise<WebhookRow> {
    requireAdmin(admin);
    if (input.url !== undefined) await this.checkUrl(input.url);
    const [row] = await this.sql.query<HookRow>(
      `UPDATE webhooks SET url = COALESCE($3, url), events = COALESCE($4::jsonb, events),
         active = COALESCE($5, active), description = COALESCE($6, description),
         disabled_reason = CASE WHEN $5 IS NULL THEN disabled_reason ELSE '' END
       WHERE id = $1 AND workspace_id = $2 RETURNING *`,
      [
        id,
        admin.workspaceId,
        input.url ?? null,
        input.events ? JSON.stringify(input.events) : null,
        input.active ?? null,
        input.description ?? null,
      ],
    );
    if (!row) throw notFound();
    return toRow(row);
  }

  /** Deletes the hook and its delivery log (pending deliveries are dropped). */
  async remove(admin: Principal, id: string): Promise<void> {
    requireAdmin(admin);
    const rows = await this.sql.query(
      'DELETE FROM webhooks WHERE id = $1 AND workspace_id = $2 RETURNING id',
      [id, admin.workspaceId],
    );
    if (rows.length === 0) throw notFound();
  }

  /** The newest deliveries of a hook first. */
  async deliveries(admin: Principal, id: string, limit: number): Promise<WebhookDelivery[]> {
    requireAdmin(admin);
    const [hook] = await this.sql.query(
      'SELECT id FROM webhooks WHERE id = $1 AND workspace_id = $2',
      [id, admin.workspaceId],
    );
    if (!hook) throw notFound();
    const rows = await this.sql.query<{
      id: string;
      event: WebhookDelivery['event'];
      collection: string;
      record_id: string;
      status: WebhookDelivery['status'];
      attempts: number;
      created_at: string | number;
      next_attempt_at: string | number | null;
      last_attempt_at: string | number | null;
      last_status_code: number | null;
      last_error: string;
    }>(
      `SELECT id, event, collection, record_id, status, attempts, created_at, next_attempt_at, last_attempt_at,
         last_status_code, last_error
       FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [id, limit],
    );
    const num = (value: string | number | null) => (value === null ? null : Number(value));
    return rows.map((row) => ({
      id: row.id,
      event: row.event,
      collection: row.collection,
      recordId: row.record_id,
      status: row.status,
      attempts: Number(row.attempts),
      createdAt: Number(row.created_at),
      nextAttemptAt: row.status === 'pending' ? num(row.next_attempt_at) : null,
      lastAttemptAt: num(row.last_attempt_at),
      lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
      lastError: row.last_error,
    }));
  }

  /** The workspace's active hooks (the event side: who wants a committed change). */
  async activeHooks(workspaceId: string): Promise<StoredHook[]> {
    const rows = await this.sql.query<HookRow>(
      'SELECT * FROM webhooks WHERE workspace_id = $1 AND active',
      [workspaceId],
    );
    return rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspace_id,
      url: row.url,
      events: eventsSchema.parse(row.events),
      active: row.active,
      secret: row.secret,
    }));
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await refuseWebhookUrl(url, this.options);
    if (refusal)
      throw new ApiFailure(400, 'webhook_url_refused', URL_REFUSALS[refusal], [
        { path: 'url', message: URL_REFUSALS[refusal] },
      ]);
  }
}

function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin')
    throw new ApiFailure(403, 'admin_only', 'Only an admin can manage webhooks');
}

function notFound(): ApiFailure {
  return new ApiFailure(404, 'not_found', 'No such webhook');
}

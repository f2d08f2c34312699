import { randomUUID } from 'node:crypto';
import {
  nextAttemptDelay,
  signWebhook,
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_MS,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookPayload,
} from '@shared/sync';
import type { Sql } from '../db/sql';
import type { Logger } from '../log';
import { refuseWebhookUrl } from './url-guard';

export interface DeliveryQueueOptions {
  /** Loopback and private receivers allowed (--webhook-allow-private). */
  allowPrivate: boolean;
  /** Delay after failed attempt n (1-based); the last repeats. Default WEBHOOK_RETRY_DELAYS_MS. */
  retryDelaysMs?: readonly number[];
  /** Attempts before a delivery is given up. Default WEBHOOK_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** Timeout of one outgoing request. Default 10 s. */
  timeoutMs?: number;
  /** How often a node looks for due deliveries (it also looks right after it enqueues). Default 1 s. */
  pollMs?: number;
  /** Deliveries one node sends at once. Default 8. */
  concurrency?: number;
  /** How long delivered and failed deliveries stay in the log. Default 30 days; pending ones always stay. */
  retentionMs?: number;
  /** How often a node deletes deliveries older than the retention. Default 1 h. */
  pruneEveryMs?: number;
  now?: () => number;
}

/** One delivery to enqueue: its hook and its body (the payload without `id`; the queue names the delivery). */
export interface NewDelivery {
  webhookId: string;
  workspaceId: string;
  payload: Omit<WebhookPayload, 'id'>;
}

interface ClaimedRow {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Longer than any request can take: a node that dies mid-attempt leaves a lease that runs out. */
const LEASE_MARGIN_MS = 30_000;
export const DELIVERY_LOG_RETENTION_MS = 30 * 24 * 3_600_000;
const RESPONSE_TEXT_LIMIT = 200;

/**
 * The durable delivery queue of outgoing webhooks, a table in the server's own database (PGlite or PostgreSQL;
 * why not pg-boss: sync/server/webhooks/README.md). A delivery is a row: pending until a receiver answers 2xx
 * (delivered) or its attempts run out (failed). Each node polls for due rows and claims a few with FOR UPDATE
 * SKIP LOCKED, counting the attempt and taking a lease, so two nodes never make the same attempt; the result is
 * written only while the claim is still the node's own. A stopped node's rows wait in the table.
 */
export class DeliveryQueue {
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private running = false;
  private stopping = false;
  private wakeAgain = false;
  private readonly inFlight = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private readonly now: () => number;

  constructor(
    private readonly sql: Sql,
    private readonly log: Logger,
    private readonly options: DeliveryQueueOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.pruneTimer = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.log.warn({ err: error }, 'webhook queue: prune failed'),
      );
    }, this.options.pruneEveryMs ?? 3_600_000);
    this.pruneTimer.unref();
    this.wake();
  }

  /**
   * Deletes finished deliveries (delivered or failed) created before the retention, so the log does not grow
   * without end; pending ones stay whatever their age. Every node may run it: a DELETE is idempotent.
   */
  async prune(): Promise<number> {
    const before = this.now() - (this.options.retentionMs ?? DELIVERY_LOG_RETENTION_MS);
    const deleted = await this.sql.query(
      `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < $1 RETURNING id`,
      [before],
    );
    return deleted.length;
  }

  /** Stops polling, aborts requests in flight (recorded as failed attempts) and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    this.timer = null;
    this.pruneTimer = null;
    for (const { abort } of this.inFlight.values()) abort.abort(new Error('server stopping'));
    await Promise.all([...this.inFlight.values()].map((entry) => entry.done));
  }

  /** Adds deliveries (due now) and looks for work. */
  async enqueue(deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const now = this.now();
    const values: unknown[] = [];
    const rows = deliveries.map((delivery, i) => {
      const id = `dlv-${randomUUID()}`;
      const body = JSON.stringify({ id, ...delivery.payload });
      values.push(
        id,
        delivery.webhookId,
        delivery.workspaceId,
        delivery.payload.event,
        delivery.payload.collection,
        delivery.payload.recordId,
        body,
        now,
      );
      const p = i * 8;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 8})`;
    });
    await this.sql.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, workspace_id, event, collection, record_id, body, created_at,
         next_attempt_at) VALUES ${rows.join(', ')}`,
      values,
    );
    this.wake();
  }

  /** Looks for due deliveries now (once at a time; a wake during a look looks again after it). */
  wake(): void {
    if (this.stopping) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = true;
    void this.claimAndSend()
      .catch((error: unknown) => this.log.warn({ err: error }, 'webhook queue: claim failed'))
      .finally(() => {
        this.running = false;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  private async claimAndSend(): Promise<void> {
    const free = (this.options.concurrency ?? 8) - this.inFlight.size;
    if (free <= 0) return;
    const now = this.now();
    const lease = now + (this.options.timeoutMs ?? 10_000) + LEASE_MARGIN_MS;
    const claimed = await this.sql.query<ClaimedRow>(
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, claimed_until = $2, last_attempt_at = $1
       FROM webhooks h
       WHERE d.id IN (
         SELECT q.id FROM webhook_deliveries q JOIN webhooks w ON w.id = q.webhook_id
         WHERE q.status = 'pending' AND w.active AND q.next_attempt_at <= $1
           AND (q.claimed_until IS NULL OR q.claimed_until < $1)
         ORDER BY q.next_attempt_at, q.id LIMIT $3
         FOR UPDATE OF q SKIP LOCKED)
         AND h.id = d.webhook_id
       RETURNING d.id, d.webhook_id, d.event, d.body, d.attempts, h.url, h.secret`,
      [now, lease, free],
    );
    for (const row of claimed) {
      const abort = new AbortController();
      const done = this.attempt(row, abort.signal).finally(() => this.inFlight.delete(row.id));
      this.inFlight.set(row.id, { abort, done });
    }
  }

  /** One attempt: send, then record what happened (only if the claim is still this attempt's). */
  private async attempt(row: ClaimedRow, signal: AbortSignal): Promise<void> {
    const attempts = Number(row.attempts);
    let statusCode: number | null = null;
    let error = '';
    try {
      const refusal = await refuseWebhookUrl(row.url, { allowPrivate: this.options.allowPrivate });
      if (refusal) throw new Error(`URL refused (${refusal})`);
      const signature = await signWebhook(row.secret, row.body, this.now() / 1000);
      const response = await fetch(row.url, {
        method: 'POST',
        body: row.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'crm-webhooks/1',
          [WEBHOOK_SIGNATURE_HEADER]: signature,
          [WEBHOOK_EVENT_HEADER]: row.event,
          [WEBHOOK_DELIVERY_HEADER]: row.id,
        },
        // A redirect could point anywhere (the URL guard checked this URL only): a 3xx is a failure.
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs ?? 10_000)]),
      });
      statusCode = response.status;
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        error = `HTTP ${response.status}${text ? `: ${text.slice(0, RESPONSE_TEXT_LIMIT)}` : ''}`;
      } else await response.body?.cancel();
    } catch (caught) {
      error = describeError(caught);
    }
    try {
      await this.record(row, attempts, statusCode, error);
    } catch (caught) {
      this.log.warn(
        { err: caught, delivery: row.id },
        'webhook queue: could not record an attempt',
      );
    }
  }

  private async record(
    row: ClaimedRow,
    attempts: number,
    statusCode: number | null,
    error: string,
  ): Promise<void> {
    const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const gone = statusCode === 410;
    const delay =
      delivered || gone
        ? null
        : nextAttemptDelay(
            attempts,
            this.options.retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS,
            this.options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS,
          );
    const status = delivered ? 'delivered' : delay === null ? 'failed' : 'pending';
    await this.sql.transaction(async (tx) => {
      const updated = await tx.query(
        `UPDATE webhook_deliveries SET status = $3, next_attempt_at = $4, claimed_until = NULL,
           last_status_code = $5, last_error = $6
         WHERE id = $1 AND attempts = $2 AND status = 'pending' RETURNING id`,
        [row.id, attempts, status, delay === null ? null : this.now() + delay, statusCode, error],
      );
      // 410 Gone: the receiver says the hook is no more; stop sending it anything.
      if (gone && updated.length > 0)
        await tx.query(
          `UPDATE webhooks SET active = false, disabled_reason = 'gone' WHERE id = $1`,
          [row.webhook_id],
        );
    });
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`.slice(0, RESPONSE_TEXT_LIMIT);
  }
  return String(error).slice(0, RESPONSE_TEXT_LIMIT);
}

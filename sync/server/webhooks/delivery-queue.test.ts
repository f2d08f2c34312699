import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrations';
import type { Sql } from '../db/sql';
import { createLogger } from '../log';
import { DELIVERY_LOG_RETENTION_MS, DeliveryQueue } from './delivery-queue';

const DAY = 24 * 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12);

describe('webhook delivery log retention (PGlite)', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openDatabase({});
    await migrate(sql);
    await sql.query(`INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'W', 0)`);
    await sql.query(
      `INSERT INTO webhooks (id, workspace_id, url, events, secret, created_by, created_at)
       VALUES ('h1', 'w1', 'https://203.0.113.10/hook', '[]', 'whsec_x', 'u1', 0)`,
    );
  }, 60_000); // PGlite starts in seconds on a busy machine
  afterAll(() => sql.close());

  const add = (id: string, status: string, ageDays: number) =>
    sql.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, workspace_id, event, collection, record_id, body, status, created_at)
       VALUES ($1, 'h1', 'w1', 'record.created', 'accounts', 'a1', '{}', $2, $3)`,
      [id, status, NOW - ageDays * DAY],
    );

  it('deletes delivered and failed deliveries older than the retention and keeps pending and recent ones', async () => {
    await add('old-delivered', 'delivered', 31);
    await add('old-failed', 'failed', 45);
    await add('old-pending', 'pending', 60);
    await add('recent-delivered', 'delivered', 29);
    const queue = new DeliveryQueue(sql, createLogger('silent'), {
      allowPrivate: false,
      now: () => NOW,
    });

    expect(await queue.prune()).toBe(2);
    const left = await sql.query<{ id: string }>(`SELECT id FROM webhook_deliveries ORDER BY id`);
    expect(left.map((row) => row.id)).toEqual(['old-pending', 'recent-delivered']);
    expect(DELIVERY_LOG_RETENTION_MS).toBe(30 * DAY);
  });
});

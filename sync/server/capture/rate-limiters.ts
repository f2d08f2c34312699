import {
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Sql } from '../db/sql';

/** The table rate-limiter-flexible keeps its counters in (migration 18: its own layout). */
const TABLE = 'rate_limits';

/** The `client` the limiter's Postgres store talks to: a `query({ text, values })` answering `{ rows, rowCount }`. */
function storeClientOver(sql: Sql) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const rows = await sql.query(q.text, q.values ?? []);
      return { rows, rowCount: rows.length };
    },
  };
}

/**
 * A per-minute limiter of `points` (null when 0: no limit). On PostgreSQL it counts in the database, so every node
 * on it shares one budget per key (rate-limiter-flexible's Postgres store over the server's own connection; a
 * database error falls back to counting in this node's memory). PGlite serves one node: memory is enough there.
 * `prefix` keeps each limiter's keys apart in the shared table.
 */
export function perMinuteLimiter(
  sql: Sql,
  prefix: string,
  points: number,
): RateLimiterAbstract | null {
  if (points <= 0) return null;
  const duration = 60;
  if (sql.engine !== 'postgres') return new RateLimiterMemory({ points, duration });
  return new RateLimiterPostgres({
    storeClient: storeClientOver(sql),
    storeType: 'client',
    tableName: TABLE,
    tableCreated: true,
    keyPrefix: prefix,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ points, duration }),
  });
}

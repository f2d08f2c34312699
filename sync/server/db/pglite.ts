import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteProtocol, type RawRow, type StatementShape } from './pglite-prepared';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import type { Logger } from '../log';
import type { Sql, SqlTx } from './sql';

/** A statement parsed once and kept in the backend under `name` (protocol-level prepared statement). */
interface Prepared extends StatementShape {
  name: string;
}

/** Statements kept prepared per database (least recently used closed first). Every statement text we run is a constant. */
const MAX_PREPARED = 256;

/** How often the node looks for tables that need VACUUM or ANALYZE (PGlite has no autovacuum). */
const MAINTENANCE_INTERVAL_MS = 30_000;

/**
 * Tables past autovacuum's default thresholds (autovacuum_vacuum_threshold 50 + scale 0.2 of live rows;
 * autovacuum_analyze_threshold 50 + scale 0.1), from the statistics PostgreSQL keeps in PGlite as well.
 */
const STALE_TABLES = `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name,
    n_dead_tup > 50 + 0.2 * n_live_tup AS vacuum
  FROM pg_stat_user_tables
 WHERE n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup`;

/**
 * Embedded PostgreSQL (WASM) in a data directory: `npm run server` works on a fresh machine.
 *
 * Queries run as protocol-level prepared statements (pglite-prepared.ts says why): each distinct SQL text is
 * parsed and described once, then every run is one Bind + Execute + Sync round trip. Values are serialized
 * and results parsed with PGlite's own serializers and parsers, so callers see exactly what `PGlite.query`
 * returns. Transactions take PGlite's transaction lock, like `PGlite.transaction`, so nothing else runs
 * between their statements. A data directory is held by one process at a time (data-dir-lock.ts): a second
 * server on it is refused instead of silently losing writes.
 */
export async function openPglite(
  dataDir: string | undefined,
  log?: Pick<Logger, 'warn'>,
): Promise<Sql> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir, log);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? { dataDir } : undefined);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const prepared = new Map<string, Prepared>();
  /** Statements being prepared (two callers of a new text share one). */
  const preparing = new Map<string, Promise<Prepared>>();
  let nextName = 1;
  let inTransaction = false;
  const wire = pgliteProtocol(db);

  const prepare = async (text: string): Promise<Prepared> => {
    const name = `crm_${nextName++}`;
    let shape: StatementShape;
    try {
      shape = await wire.prepare(name, text);
    } catch (error) {
      if (error instanceof Error) Object.assign(error, { query: text });
      throw error;
    }
    const statement = { name, ...shape };
    if (prepared.size >= MAX_PREPARED) {
      const [oldestText, oldest] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldestText);
      await wire.close(oldest.name);
    }
    prepared.set(text, statement);
    return statement;
  };

  const run = async <T>(
    text: string,
    params: readonly unknown[] = [],
    retried = false,
  ): Promise<T[]> => {
    let statement = prepared.get(text);
    if (statement) {
      // Most recently used last (Map keeps insertion order).
      prepared.delete(text);
      prepared.set(text, statement);
    } else {
      let pending = preparing.get(text);
      if (!pending) {
        pending = prepare(text).finally(() => preparing.delete(text));
        preparing.set(text, pending);
      }
      statement = await pending;
    }
    const { paramTypes, fields } = statement;
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serialize = db.serializers[paramTypes[i]];
      if (serialize) return serialize(param);
      if (typeof param === 'string') return param;
      if (typeof param === 'number' || typeof param === 'boolean' || typeof param === 'bigint')
        return String(param);
      return JSON.stringify(param);
    });
    let raw: RawRow[];
    try {
      raw = await wire.execute(statement.name, values);
    } catch (error) {
      // A table the statement reads changed shape since it was prepared ("cached plan must not change result
      // type"): prepare it again; outside a transaction, run it again at once.
      if (
        error instanceof Error &&
        (error as { code?: string }).code === '0A000' &&
        prepared.get(text) === statement
      ) {
        prepared.delete(text);
        await wire.close(statement.name);
        if (!inTransaction && !retried) return run<T>(text, params, true);
      }
      // As PGlite's query: the database error says which statement failed.
      if (error instanceof Error) Object.assign(error, { query: text });
      throw error;
    }
    const parsers = fields.map((f) => db.parsers[f.dataTypeID]);
    const rows: T[] = [];
    for (const fieldValues of raw) {
      const row: Record<string, unknown> = {};
      fieldValues.forEach((value, i) => {
        const parse = parsers[i];
        row[fields[i].name] =
          value === null ? null : parse ? parse(value, fields[i].dataTypeID) : value;
      });
      rows.push(row as T);
    }
    if (!inTransaction) await db.syncToFs();
    return rows;
  };

  const simple = (text: string): Promise<void> => wire.simple(text);

  /**
   * What autovacuum does on a PostgreSQL server, which PGlite (one backend, no background workers) never
   * runs: without ANALYZE the planner has no statistics and picks plans blind (a push's lookup of records by
   * id scanned every record of the collection through the wrong index), and without VACUUM every update
   * leaves its old row version behind. Runs at open and every MAINTENANCE_INTERVAL_MS, between transactions.
   */
  let closed = false;
  let maintenance: Promise<void> = Promise.resolve();
  const maintain = async () => {
    const stale = await wire.exclusive(() =>
      closed ? Promise.resolve([]) : run<{ name: string; vacuum: boolean }>(STALE_TABLES),
    );
    // One table at a time, letting the node serve its sockets in between.
    for (const table of stale) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await wire.exclusive(() =>
        closed
          ? Promise.resolve()
          : simple(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${table.name}`),
      );
    }
  };
  // The activity counters do not survive a restart: start with statistics for everything (cheap: ANALYZE
  // reads a bounded sample of each table, however large).
  try {
    await simple('ANALYZE');
  } catch (error) {
    await db.close();
    lock?.release();
    throw error;
  }
  const timer = setInterval(() => {
    // A failed round is logged; the next one tries again (and close() must not see the rejection).
    maintenance = maintain().catch((error: unknown) =>
      log?.warn(
        { err: error instanceof Error ? error.message : error },
        'PGlite maintenance failed',
      ),
    );
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();

  return {
    engine: 'pglite',
    query<T>(text: string, params?: unknown[]) {
      return wire.exclusive(() => run<T>(text, params));
    },
    transaction<T>(fn: (tx: SqlTx) => Promise<T>) {
      return wire.exclusive(async () => {
        await simple('BEGIN');
        inTransaction = true;
        let open = true;
        const tx: SqlTx = {
          async query<R>(text: string, params?: unknown[]) {
            if (!open) throw new Error('Transaction is closed');
            return await run<R>(text, params);
          },
          async exec(text: string) {
            if (!open) throw new Error('Transaction is closed');
            await simple(text);
          },
        };
        try {
          const result = await fn(tx);
          open = false;
          await simple('COMMIT');
          return result;
        } catch (error) {
          open = false;
          await simple('ROLLBACK');
          throw error;
        } finally {
          inTransaction = false;
          await db.syncToFs();
        }
      });
    },
    async listen(channel, onPayload) {
      const unsubscribe = await db.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await maintenance;
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
}

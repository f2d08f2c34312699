import { mkdirSync } from 'node:fs';
import { PGlite, protocol } from '@electric-sql/pglite';
import type { Sql, SqlTx } from './sql';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];
interface DataRow {
  name: 'dataRow';
  fields: (string | null)[];
}
interface RowDescription {
  name: 'rowDescription';
  fields: { name: string; dataTypeID: number }[];
}
interface ParameterDescription {
  name: 'parameterDescription';
  dataTypeIDs: number[];
}

/** A statement parsed once and kept in the backend under `name` (protocol-level prepared statement). */
interface Prepared {
  name: string;
  /** Parameter types as the server inferred them (they pick each value's serializer, as PGlite's query does). */
  paramTypes: number[];
  /** Result columns (empty for statements without rows). */
  fields: { name: string; dataTypeID: number }[];
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
 * Queries run as protocol-level prepared statements: each distinct SQL text is parsed (and described) once,
 * then every run is one Bind + Execute + Sync round trip into the WASM backend, which reuses the parse tree
 * and, once PostgreSQL settles on a generic plan, the plan. PGlite's own `query` parses, describes and plans
 * every call in five separate round trips and copies its table of ~600 type parsers per result; on the push
 * path (six statements per transaction, a hundred transactions per second at B9's load) that was about half
 * the node's CPU. Values are serialized and results parsed with PGlite's own serializers and parsers, so
 * callers see exactly what `PGlite.query` returns. Transactions take PGlite's transaction lock, like
 * `PGlite.transaction`, so nothing else runs between their statements.
 */
export async function openPglite(dataDir: string | undefined): Promise<Sql> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : undefined);
  const prepared = new Map<string, Prepared>();
  /** Statements being prepared (two callers of a new text share one). */
  const preparing = new Map<string, Promise<Prepared>>();
  let nextName = 1;
  let inTransaction = false;

  /** One batch of protocol messages in one call into the backend (PGlite's query lock held). Throws the first database error. */
  const exchange = (messages: Uint8Array[]): Promise<BackendMessage[]> =>
    db.runExclusive(() => db.execProtocolStream(concat(messages), { syncToFs: false }));

  const prepare = async (text: string): Promise<Prepared> => {
    const name = `crm_${nextName++}`;
    let replies: BackendMessage[];
    try {
      replies = await exchange([
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]);
    } catch (error) {
      if (error instanceof Error) Object.assign(error, { query: text });
      throw error;
    }
    let paramTypes: number[] = [];
    let fields: Prepared['fields'] = [];
    for (const reply of replies) {
      if (reply.name === 'parameterDescription')
        paramTypes = (reply as unknown as ParameterDescription).dataTypeIDs;
      else if (reply.name === 'rowDescription')
        fields = (reply as unknown as RowDescription).fields.map((f) => ({
          name: f.name,
          dataTypeID: f.dataTypeID,
        }));
    }
    const statement = { name, paramTypes, fields };
    if (prepared.size >= MAX_PREPARED) {
      const [oldestText, oldest] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldestText);
      await exchange([
        protocol.serialize.close({ type: 'S', name: oldest.name }),
        protocol.serialize.sync(),
      ]);
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
    let replies: BackendMessage[];
    try {
      replies = await exchange([
        protocol.serialize.bind({ statement: statement.name, values }),
        protocol.serialize.execute(),
        protocol.serialize.sync(),
      ]);
    } catch (error) {
      // A table the statement reads changed shape since it was prepared ("cached plan must not change result
      // type"): prepare it again; outside a transaction, run it again at once.
      if (
        error instanceof Error &&
        (error as { code?: string }).code === '0A000' &&
        prepared.get(text) === statement
      ) {
        prepared.delete(text);
        await exchange([
          protocol.serialize.close({ type: 'S', name: statement.name }),
          protocol.serialize.sync(),
        ]);
        if (!inTransaction && !retried) return run<T>(text, params, true);
      }
      // As PGlite's query: the database error says which statement failed.
      if (error instanceof Error) Object.assign(error, { query: text });
      throw error;
    }
    const parsers = fields.map((f) => db.parsers[f.dataTypeID]);
    const rows: T[] = [];
    for (const reply of replies) {
      if (reply.name !== 'dataRow') continue;
      const row: Record<string, unknown> = {};
      (reply as unknown as DataRow).fields.forEach((value, i) => {
        const parse = parsers[i];
        row[fields[i].name] =
          value === null ? null : parse ? parse(value, fields[i].dataTypeID) : value;
      });
      rows.push(row as T);
    }
    if (!inTransaction) await db.syncToFs();
    return rows;
  };

  /** A statement (or script) without parameters in the simple query protocol. */
  const simple = async (text: string): Promise<void> => {
    await exchange([protocol.serialize.query(text)]);
  };

  /**
   * What autovacuum does on a PostgreSQL server, which PGlite (one backend, no background workers) never
   * runs: without ANALYZE the planner has no statistics and picks plans blind (a push's lookup of records by
   * id scanned every record of the collection through the wrong index), and without VACUUM every update
   * leaves its old row version behind. Runs at open and every MAINTENANCE_INTERVAL_MS, between transactions.
   */
  let closed = false;
  let maintenance: Promise<void> = Promise.resolve();
  const maintain = async () => {
    const stale = await db._runExclusiveTransaction(() =>
      closed ? Promise.resolve([]) : run<{ name: string; vacuum: boolean }>(STALE_TABLES),
    );
    // One table at a time, letting the node serve its sockets in between.
    for (const table of stale) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await db._runExclusiveTransaction(() =>
        closed
          ? Promise.resolve()
          : simple(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${table.name}`),
      );
    }
  };
  // The activity counters do not survive a restart: start with statistics for everything (a few ms per table
  // on small data, a sample of at most 30,000 rows each on large).
  await simple('ANALYZE');
  const timer = setInterval(() => {
    maintenance = maintain().catch(() => undefined);
  }, MAINTENANCE_INTERVAL_MS);
  timer.unref();

  return {
    engine: 'pglite',
    query<T>(text: string, params?: unknown[]) {
      return db._runExclusiveTransaction(() => run<T>(text, params));
    },
    transaction<T>(fn: (tx: SqlTx) => Promise<T>) {
      return db._runExclusiveTransaction(async () => {
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
      await db.close();
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

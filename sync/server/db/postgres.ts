import pg from 'pg';
import type { Logger } from '../log';
import type { Sql, SqlTx } from './sql';

// Sequences and counts come back as int8 strings by default; our numbers stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** A PostgreSQL server shared by one or more sync nodes; `log` hears of LISTEN connections that fail. */
export async function openPostgres(
  connectionString: string,
  log?: Pick<Logger, 'warn'>,
): Promise<Sql> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  await pool.query('SELECT 1');
  const listeners: pg.Client[] = [];
  return {
    engine: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async transaction<T>(fn: (tx: SqlTx) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(text: string, params?: unknown[]) {
            return (await client.query(text, params)).rows as R[];
          },
          async exec(text: string) {
            await client.query(text);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // The statement's error is what the caller needs; a rollback on a broken connection adds nothing.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // LISTEN needs a dedicated connection that stays open (a pooled one would be handed to others).
      const client = new pg.Client({ connectionString });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined)
          onPayload(message.payload);
      });
      // A dead LISTEN connection stops notifications to this node: say so in the log.
      client.on('error', (error) =>
        log?.warn({ err: error.message, channel }, 'PostgreSQL LISTEN connection failed'),
      );
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        // Best effort: the connection may already be gone, and then it listens no more either.
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      // Best effort, as above: closing must reach pool.end() even when a listener's socket is dead.
      await Promise.all(listeners.map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

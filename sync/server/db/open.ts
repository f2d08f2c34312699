import type { Logger } from '../log';
import type { Sql } from './sql';

/**
 * Opens PostgreSQL when a URL is given, else embedded PGlite in `dataDir` (in memory when undefined);
 * `log` receives what goes wrong in the background (PGlite's maintenance, a lost LISTEN connection).
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
  log?: Pick<Logger, 'warn'>;
}): Promise<Sql> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl, options.log);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir, options.log);
}

import type { Sql } from './sql';

/** Opens PostgreSQL when a URL is given, else embedded PGlite in `dataDir` (in memory when undefined). */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir?: string;
}): Promise<Sql> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir);
}

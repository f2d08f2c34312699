import { startSyncServer } from '@sync/server/server';

/**
 * One sync node in its own process (B9 measures its RSS alone): `node --import tsx server-process.ts <dataDir>`
 * (PGlite) or with DATABASE_URL set (PostgreSQL). Prints `{"port": …}` on stdout once listening; stops cleanly
 * on SIGTERM.
 */
const dataDir = process.argv[2];
const databaseUrl = process.env.DATABASE_URL || undefined;
if (!dataDir && !databaseUrl)
  throw new Error('usage: server-process.ts <dataDir> (or DATABASE_URL=…)');
const server = await startSyncServer({
  host: '127.0.0.1',
  port: 0,
  dataDir: databaseUrl ? undefined : dataDir,
  databaseUrl,
  logLevel: process.env.LOG_LEVEL ?? 'silent',
});
process.stdout.write(JSON.stringify({ port: server.port }) + '\n');
const stop = () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

import { readConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { startSyncServer } from './server';

// `npm run server`: one sync node. Ctrl+C / SIGTERM stop it cleanly; a crash or SIGKILL loses nothing that
// was acknowledged (every push commits before its reply).
const config = readConfig(process.argv.slice(2), process.env);
const server = await startSyncServer(config).catch((error: unknown) => {
  // Another server holds the data folder: one clear line and a non-zero exit, not a crash's stack trace.
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  return process.exit(1);
});
const shutdown = (signal: string) => {
  server.log.info({ signal }, 'stopping');
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

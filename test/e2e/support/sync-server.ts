import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../../support/server-process';

/** A sync server of one journey's own: a free port and a fresh data directory (CONVENTIONS 9). */
export interface JourneyServer {
  url: string;
}

let template: Promise<string> | null = null;

/**
 * A data directory the real server has created and migrated, then stopped cleanly: made once per Playwright
 * worker and copied for each journey. Creating and migrating a PGlite database is most of a server's start, and
 * most journeys start one; a copy of the same starting state is as fresh for each of them.
 */
function migratedTemplate(webOrigin: string): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const server = await spawnServer({
      port: await freePort(),
      dataDir: dir,
      logLevel: 'warn',
      corsOrigins: [webOrigin],
    });
    await server.stop();
    return dir;
  })();
  return template;
}

/**
 * Starts the real `npm run server` entry point on a free port and a fresh PGlite directory (a copy of the
 * migrated template), allowing calls from the web build's origin (`webOrigin`), hands it to `use`, then stops
 * it and removes the directory.
 */
export async function withJourneyServer(
  webOrigin: string,
  use: (server: JourneyServer) => Promise<void>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-sync-'));
  try {
    cpSync(await migratedTemplate(webOrigin), dataDir, { recursive: true });
    const server = await spawnServer({
      port: await freePort(),
      dataDir,
      logLevel: 'warn',
      corsOrigins: [webOrigin],
    });
    try {
      await use({ url: server.url });
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../../support/server-process';

/** A sync server of one journey's own: a free port and a fresh data directory (CONVENTIONS 9). */
export interface JourneyServer {
  url: string;
}

/**
 * Starts the real `npm run server` entry point on a free port and a fresh PGlite directory, allowing calls
 * from the web build's origin (`webOrigin`), hands it to `use`, then stops it and removes the directory.
 */
export async function withJourneyServer(
  webOrigin: string,
  use: (server: JourneyServer) => Promise<void>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-sync-'));
  try {
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

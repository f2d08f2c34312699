import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** PostgreSQL when TEST_DATABASE_URL is set (CI runs both), else PGlite in a temp directory. */
export const usePostgres = Boolean(process.env.TEST_DATABASE_URL);

/** The suite's label for the engine it runs on, for describe() titles. */
export const engineName = usePostgres ? 'PostgreSQL' : 'PGlite';

/** A database no other test server uses: a fresh PGlite directory, or a fresh PostgreSQL database. */
export interface TestDatabase {
  dataDir?: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!usePostgres) {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-sync-test-'));
    return {
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  return createPostgresTestDatabase(process.env.TEST_DATABASE_URL!);
}

/** A fresh PostgreSQL database beside the one `adminUrl` names, dropped once its connections have closed. */
export async function createPostgresTestDatabase(
  adminUrl: string,
): Promise<TestDatabase & { databaseUrl: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `crm_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pg-pool's end() resolves before its connections have closed: let them go first (up to 5 s), or FORCE kills
      // a closing one and its client throws 57P01 ("terminating connection") into the test process.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

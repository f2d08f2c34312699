import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Where a contract test's server keeps its data: a fresh PostgreSQL database when TEST_DATABASE_URL is set
 * (as CI does), else PGlite in a temporary directory. Both refuse NUL text, which the API must catch first.
 */
export async function freshDatabase(
  prefix: string,
): Promise<{ dataDir?: string; databaseUrl?: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      dataDir,
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  const name = `${prefix.replaceAll('-', '_')}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

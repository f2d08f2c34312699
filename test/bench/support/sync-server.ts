import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Member } from '@shared/domain';
import type { SessionResponse } from '@shared/sync';
import { generateSampleData, type SampleCounts, type SampleSizeName } from '@shared/sample-data';
import { startSyncServer, type RunningServer, type ServerOverrides } from '@sync/server/server';
import { RecordStore } from '@sync/server/records/record-store';
import { seedSampleData, seedWorkspace } from '@sync/server/seed/seed-workspace';
import { BENCH_DATA } from './bench-data';
import { BENCH_WEB_ORIGIN } from './browser';
import type { BenchContext } from '../types';

export const BENCH_PASSWORD = 'bench-password';
export const BENCH_WORKSPACE_ID = 'ws-bench';

export interface SeededServer {
  server: RunningServer;
  records: RecordStore;
  workspaceId: string;
  members: Member[];
  /** Documents in the server's records table (every collection, members included). */
  documents: number;
  login(email: string): Promise<SessionResponse>;
  stop(): Promise<void>;
}

/** Changes when the generator or the server schema changes, so stale seeded databases are rebuilt. */
function fingerprint(root: string, extra: string): string {
  const hash = createHash('sha256').update(extra);
  for (const dir of ['shared/sample-data', 'sync/server/db']) {
    for (const file of readdirSync(join(root, dir)).sort())
      if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        hash.update(readFileSync(join(root, dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export async function login(
  server: { url: string },
  email: string,
  password = BENCH_PASSWORD,
): Promise<SessionResponse> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceName: 'bench' }),
  });
  if (response.status !== 200)
    throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as SessionResponse;
}

/**
 * The real sync server (PGlite in a data directory under the bench work dir) holding a generated data set,
 * written straight into its database (RecordStore.bulkUpsert). A seeded directory is kept and reused while
 * the generator and schema stay the same, so only the first run of a set pays for seeding.
 */
export async function startSeededServer(
  ctx: BenchContext,
  options: {
    name: string;
    size: SampleSizeName | Partial<SampleCounts>;
    members?: Member[];
    /** Wiring to replace (e.g. socket limits for a writer faster than any person). */
    overrides?: ServerOverrides;
    /**
     * Runs on a copy of the seeded database, removed on stop: for benchmarks that create records (a changed
     * record count would have the seeded directory rebuilt by the next invocation).
     */
    throwaway?: boolean;
  },
): Promise<SeededServer> {
  const members = options.members ?? [
    ...generateSampleData({ ...BENCH_DATA, workspaceId: BENCH_WORKSPACE_ID, size: {} }).records(
      'members',
    ),
  ];
  const data = generateSampleData({
    ...BENCH_DATA,
    workspaceId: BENCH_WORKSPACE_ID,
    size: options.size,
    members,
  });
  const key = fingerprint(
    ctx.root,
    JSON.stringify({ size: options.size, members: members.length, data: BENCH_DATA }),
  );
  const dataDir = join(ctx.workDir, 'servers', `${options.name}-${key}`);
  const marker = join(dataDir, 'bench-seeded.json');
  let documents = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as { documents: number }).documents
    : -1;
  if (documents < 0) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const start = (pgDir: string) =>
    startSyncServer(
      {
        host: '127.0.0.1',
        port: 0,
        dataDir: pgDir,
        logLevel: 'silent',
        corsOrigins: [BENCH_WEB_ORIGIN],
      },
      options.overrides,
    );
  let server = await start(join(dataDir, 'pg'));
  let records = new RecordStore(server.sql, server.bus);
  if (documents >= 0) {
    const [row] = await server.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM records WHERE workspace_id = $1',
      [BENCH_WORKSPACE_ID],
    );
    if (Number(row?.n) !== documents) documents = -1;
  }
  if (documents < 0) {
    const started = performance.now();
    ctx.log(`  seeding server database "${options.name}" …`);
    await seedWorkspace(server.sql, records, {
      workspaceId: BENCH_WORKSPACE_ID,
      workspaceName: 'Bench',
      members,
      password: BENCH_PASSWORD,
    });
    let reported = 0;
    const written = await seedSampleData(records, BENCH_WORKSPACE_ID, data, {
      onProgress: (p) => {
        if (p.done - reported >= 100_000) {
          reported = p.done;
          ctx.log(`    ${p.done}/${p.total}`);
        }
      },
    });
    documents = written + members.length;
    writeFileSync(
      marker,
      JSON.stringify({ documents, seededInMs: Math.round(performance.now() - started) }),
    );
    ctx.log(
      `  seeded ${documents} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  let copy: string | null = null;
  if (options.throwaway) {
    await server.stop();
    copy = join(ctx.workDir, 'servers', `${options.name}-run-${process.pid}`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(join(dataDir, 'pg'), copy, { recursive: true });
    server = await start(copy);
    records = new RecordStore(server.sql, server.bus);
  }
  const running = server;
  return {
    server: running,
    records,
    workspaceId: BENCH_WORKSPACE_ID,
    members,
    documents,
    login: (email) => login(running, email),
    stop: async () => {
      await running.stop();
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}

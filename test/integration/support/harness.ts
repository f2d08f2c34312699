import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import type { RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { SessionResponse } from '../../../shared/sync';
import { startSyncServer, type RunningServer } from '../../../sync/server/server';
import {
  SyncEngine,
  RejectedRegistry,
  createConflictHandler,
  type WebSocketLike,
} from '../../../sync/client';
import type { Rejection } from '../../../shared/sync';
import type { CollectionName } from '../../../shared/domain';
import { openCrmDatabase, type CrmDatabase } from '../../../renderer/src/data/database';
import { createRepositories, type Repositories } from '../../../renderer/src/data/repositories';

/**
 * Real parts for integration tests: the sync server on an ephemeral port (PGlite in a temp directory, or a
 * fresh PostgreSQL database when TEST_DATABASE_URL is set) and clients made of a real RxDB replica
 * (memory storage) + the real sync engine over real WebSockets.
 */
export const usePostgres = Boolean(process.env.TEST_DATABASE_URL);

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
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `crm_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
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

export async function startServer(db: TestDatabase): Promise<RunningServer> {
  return startSyncServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: db.dataDir,
    databaseUrl: db.databaseUrl,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
}

export async function api<T>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

let emailCounter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${++emailCounter}@example.com`;
}

export async function createWorkspace(
  server: { url: string },
  name = '测试公司',
): Promise<SessionResponse> {
  const res = await api<SessionResponse>(server, 'POST', '/api/workspaces', {
    workspaceName: name,
    name: '管理员',
    email: uniqueEmail('admin'),
    password: 'correct horse',
    deviceName: 'test',
  });
  if (res.status !== 201)
    throw new Error(`createWorkspace: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Invites and signs up a user with a role in a team. */
export async function addUser(
  server: { url: string },
  admin: SessionResponse,
  role: 'rep' | 'manager' | 'admin',
  teamId: string,
  name: string,
): Promise<SessionResponse> {
  const invite = await api<{ code: string }>(
    server,
    'POST',
    '/api/invites',
    { role, teamId },
    admin.accessToken,
  );
  const joined = await api<SessionResponse>(server, 'POST', '/api/auth/join', {
    inviteCode: invite.body.code,
    name,
    email: uniqueEmail(name),
    password: 'correct horse',
    deviceName: 'test',
  });
  if (joined.status !== 201)
    throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  return joined.body;
}

export async function createTeam(
  server: { url: string },
  admin: SessionResponse,
  name: string,
  parentTeamId = '',
): Promise<string> {
  const res = await api<{ id: string }>(
    server,
    'POST',
    '/api/teams',
    { name, parentTeamId },
    admin.accessToken,
  );
  return res.body.id;
}

export interface TestClient {
  db: CrmDatabase;
  repos: Repositories;
  engine: SyncEngine;
  rejections: Rejection[];
  session: SessionResponse;
  close(): Promise<void>;
}

let dbCounter = 0;

/** A laptop: its own replica and sync engine, signed in as `session`. */
/**
 * RxDB's open-core build allows 13 open collections per JS realm, so test laptops replicate the collections a
 * test needs (accounts and deals by default) and tests close their clients when done.
 */
export async function connectClient(
  server: { url: string },
  session: SessionResponse,
  options: { start?: boolean; collections?: CollectionName[] } = {},
): Promise<TestClient> {
  const collections = options.collections ?? ['accounts', 'deals'];
  const rejected = new RejectedRegistry();
  const db = await openCrmDatabase({
    name: `client${++dbCounter}${Math.random().toString(36).slice(2, 6)}`,
    storage: getRxStorageMemory(),
    collections,
    conflictHandlerFor: (name) => createConflictHandler(name, rejected),
  });
  const rejections: Rejection[] = [];
  const kv = new Map<string, string>();
  let currentSession = session;
  const engine = new SyncEngine({
    db: db as unknown as RxDatabase,
    serverUrl: server.url,
    replicaKey: `${session.workspace.id}:${session.user.id}:${dbCounter}`,
    getAccessToken: () => Promise.resolve(currentSession.accessToken),
    onUnauthorized: async () => {
      const res = await api<SessionResponse>(server, 'POST', '/api/auth/refresh', {
        refreshToken: currentSession.refreshToken,
      });
      if (res.status === 200) currentSession = res.body;
    },
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    rejected,
    onRejected: (rejection) => {
      rejections.push(rejection);
    },
    store: { get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v) },
    retryTimeMs: 200,
    collections,
  });
  const repos = createRepositories({
    db,
    actor: {
      userId: session.user.id,
      workspaceId: session.workspace.id,
      teamId: session.user.teamIds[0] ?? '',
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  if (options.start !== false) await engine.start();
  return {
    db,
    repos,
    engine,
    rejections,
    session,
    async close() {
      await engine.stop();
      await db.close();
    },
  };
}

/** Polls until `check` passes (or throws the last failure after `timeoutMs`). */
export async function eventually(
  check: () => Promise<void> | void,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw lastError;
}

export function accountInput(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    nameKey: '',
    creditCode: '',
    industry: '',
    sizeBand: '' as const,
    region: '' as const,
    source: '' as const,
    tier: '' as const,
    status: 'prospect' as const,
    tags: [],
    phone: '',
    website: '',
    address: '',
    notes: '',
    ...overrides,
  };
}

export function dealInput(accountId: string, name: string) {
  return {
    name,
    accountId,
    contactId: '',
    pipelineId: 'pipeline-default',
    stage: 'qualify',
    status: 'open' as const,
    amount: 100000,
    currency: 'CNY' as const,
    probability: 10,
    closeDate: '2026-12-31',
    lineItems: [],
    source: '' as const,
    campaign: '',
    budget: '',
    decisionMakerId: '',
    competitor: '',
    lostReason: '',
    rank: 1024,
    notes: '',
  };
}

import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { CollectionName, MemberRole } from '../../../shared/domain';
import type { SessionResponse } from '../../../shared/sync';
import {
  startSyncServer,
  type RunningServer,
  type ServerOverrides,
} from '../../../sync/server/server';
import type { ServerConfig } from '../../../sync/server/config';
import { addUser, createTeam, createWorkspace } from './api';
import { connectClient, type TestClient } from './client';
import { createTestDatabase, type TestDatabase } from './database';

/**
 * The integration harness: real parts only. A suite calls `useTestServer()` once in its describe block and
 * gets a real sync server (ephemeral port) on a database of its own, a workspace with an admin, and laptops
 * that sign in over real sockets; everything a test opens is closed after it, the server and database after
 * the suite. Model: Outline's server/test/TestServer.ts + factories.ts (test/support/factories.ts here).
 */
export { api, addUser, createTeam, createWorkspace, TEST_PASSWORD } from './api';
export { connectClient, type TestClient } from './client';
export { createTestDatabase, engineName, usePostgres, type TestDatabase } from './database';

/**
 * Starts one sync node on `db` at an ephemeral port (logs silent unless TEST_LOG_LEVEL says otherwise);
 * `config` sets what a command-line flag would (e.g. `workspaceCreation`).
 */
export function startServer(
  db: TestDatabase,
  overrides: ServerOverrides = {},
  config: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  return startSyncServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: db.dataDir,
      databaseUrl: db.databaseUrl,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...config,
    },
    overrides,
  );
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

export interface TestServerOptions {
  /** Wiring to replace in the server (e.g. document access rules). */
  overrides?: ServerOverrides;
  /** The collections `connect()` replicates unless told otherwise (default: accounts and deals). */
  collections?: CollectionName[];
  /** What command-line flags would set on every node of the suite (e.g. `maxClockSkewMs`). */
  config?: Partial<ServerConfig>;
}

export interface ConnectOptions {
  collections?: CollectionName[];
  /** false: the engine is built but not started (the test starts it). */
  start?: boolean;
  /** Wait until the laptop is online and has pulled everything it may see. */
  synced?: boolean;
  /** false: a fresh replica downloads the old way, through RxDB's replication (default: the bootstrap). */
  bootstrap?: boolean;
  /** Check every replica write against the collection's schema (the app's development build does). */
  validate?: boolean;
  /** Documents per pull (default: the protocol's maximum). */
  pullBatchSize?: number;
  /** The laptop's clock (default Date.now): a clock that is wrong, or days played by a test. */
  now?: () => number;
}

export interface TestServer {
  readonly server: RunningServer;
  readonly database: TestDatabase;
  /** The admin of the suite's workspace (signed in once, before the first test). */
  readonly admin: SessionResponse;
  /** A laptop signed in as `session`, closed after the test (or after the suite, if opened in beforeAll). */
  connect(session: SessionResponse, options?: ConnectOptions): Promise<TestClient>;
  /** Invites a user into a team of the workspace and signs them in. */
  addUser(role: MemberRole, teamId: string, name: string): Promise<SessionResponse>;
  /** Creates a team in the workspace and returns its id. */
  createTeam(name: string, parentTeamId?: string): Promise<string>;
  /** Stops the server and starts it again on the same database. */
  restart(): Promise<void>;
  /** Another node on the same database (PostgreSQL only makes them one service), stopped with the suite. */
  startNode(): Promise<RunningServer>;
  /** Runs `cleanup` after the current test (or after the suite, if called outside a test). */
  onCleanup(cleanup: () => Promise<void> | void): void;
}

/**
 * Registers the suite's server: a fresh database and server before the first test, a workspace with an
 * admin, and clean-up after each test and after the suite. Call it inside `describe`.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  let database: TestDatabase | undefined;
  let server: RunningServer | undefined;
  let admin: SessionResponse | undefined;
  let inTest = false;
  const afterTest: (() => Promise<void> | void)[] = [];
  const afterSuite: (() => Promise<void> | void)[] = [];

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test or hook`);
    return value;
  };
  /** Runs clean-ups last-registered first; every one runs, and the first failure is reported. */
  const runAll = async (cleanups: (() => Promise<void> | void)[]) => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  };

  const harness: TestServer = {
    get server() {
      return required(server, 'the test server');
    },
    get database() {
      return required(database, 'the test database');
    },
    get admin() {
      return required(admin, 'the workspace admin');
    },
    async connect(session, connectOptions = {}) {
      const client = await connectClient(harness.server, session, {
        collections: connectOptions.collections ?? options.collections,
        start: connectOptions.start,
        validate: connectOptions.validate,
        pullBatchSize: connectOptions.pullBatchSize,
        now: connectOptions.now,
        bootstrap: connectOptions.bootstrap,
      });
      harness.onCleanup(() => client.close());
      if (connectOptions.synced) {
        await eventually(() => expect(client.engine.status$.value.connection).toBe('online'));
        await client.engine.awaitInSync();
      }
      return client;
    },
    addUser: (role, teamId, name) => addUser(harness.server, harness.admin, role, teamId, name),
    createTeam: (name, parentTeamId) =>
      createTeam(harness.server, harness.admin, name, parentTeamId),
    async restart() {
      await harness.server.stop();
      server = undefined;
      server = await startServer(harness.database, options.overrides, options.config);
    },
    async startNode() {
      const node = await startServer(harness.database, options.overrides, options.config);
      afterSuite.push(() => node.stop());
      return node;
    },
    onCleanup(cleanup) {
      (inTest ? afterTest : afterSuite).push(cleanup);
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer(database, options.overrides, options.config);
    admin = await createWorkspace(server);
  }, 60_000);
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await runAll(afterTest);
  });
  afterAll(async () => {
    try {
      await runAll(afterSuite);
    } finally {
      await server?.stop();
      await database?.drop();
    }
  });
  return harness;
}

import WebSocket from 'ws';
import type { RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { ClientMessage, Overruled, Rejection, SessionResponse } from '../../../shared/sync';
import type { CollectionName } from '../../../shared/domain';
import {
  SyncEngine,
  RejectedRegistry,
  createConflictHandler,
  type WebSocketLike,
} from '../../../sync/client';
import { openCrmDatabase, type CrmDatabase } from '../../../renderer/src/data/database';
import { createRepositories, type Repositories } from '../../../renderer/src/data/repositories';
import { api } from './api';

/** A signed-in laptop; `close()` stops its engine and closes its replica. */
export interface TestClient {
  db: CrmDatabase;
  repos: Repositories;
  engine: SyncEngine;
  rejections: Rejection[];
  /** Values this laptop pushed that lost to a later edit elsewhere (the app puts them in its inbox). */
  overruled: Overruled[];
  /** Every message this laptop sent on its sync sockets, parsed, in order. */
  sent: ClientMessage[];
  session: SessionResponse;
  close(): Promise<void>;
  /**
   * The same laptop opened again after `close()`: same replica (memory storage lives in the process) and state.
   * `start: false` opens it without starting sync (to look at what it kept before it talks to the server).
   */
  reopen(options?: { start?: boolean }): Promise<TestClient>;
}

/** What makes a laptop the same one when it is opened again. */
interface Replica {
  name: string;
  kv: Map<string, string>;
  replicaKey: string;
}

let dbCounter = 0;

/**
 * A laptop: its own replica (RxDB, memory storage) and the real sync engine over a real WebSocket, signed in
 * as `session`. RxDB's open-core build allows 13 open collections per JS realm, so test laptops replicate the collections a
 * test needs (accounts and deals by default) and tests close their clients when done.
 */
export async function connectClient(
  server: { url: string },
  session: SessionResponse,
  options: {
    start?: boolean;
    collections?: CollectionName[];
    /** Check every replica write against the collection's JSON schema (as the app's development build does). */
    validate?: boolean;
    /** Documents per pull (default: the protocol's maximum). */
    pullBatchSize?: number;
    /** false: a fresh replica downloads through RxDB's replication instead of the bootstrap (the old way). */
    bootstrap?: boolean;
    replica?: Replica;
    /** The laptop's clock (epoch ms): a laptop whose clock is wrong, or a test playing days. */
    now?: () => number;
  } = {},
): Promise<TestClient> {
  const collections = options.collections ?? ['accounts', 'deals'];
  const rejected = new RejectedRegistry();
  const replica: Replica = options.replica ?? {
    name: `client${++dbCounter}${Math.random().toString(36).slice(2, 6)}`,
    kv: new Map<string, string>(),
    replicaKey: `${session.workspace.id}:${session.user.id}:${dbCounter}`,
  };
  const db = await openCrmDatabase({
    name: replica.name,
    storage: options.validate
      ? wrappedValidateAjvStorage({ storage: getRxStorageMemory() })
      : getRxStorageMemory(),
    collections,
    conflictHandlerFor: (name) => createConflictHandler(name, rejected),
  });
  const rejections: Rejection[] = [];
  const overruled: Overruled[] = [];
  const sent: ClientMessage[] = [];
  const { kv } = replica;
  let currentSession = session;
  const engine = new SyncEngine({
    db: db as unknown as RxDatabase,
    serverUrl: server.url,
    replicaKey: replica.replicaKey,
    getAccessToken: () => Promise.resolve(currentSession.accessToken),
    onUnauthorized: async () => {
      const res = await api<SessionResponse>(server, 'POST', '/api/auth/refresh', {
        refreshToken: currentSession.refreshToken,
      });
      if (res.status === 200) currentSession = res.body;
    },
    createSocket: (url) => {
      const ws = new WebSocket(url);
      const send = ws.send.bind(ws);
      ws.send = ((data: string) => {
        sent.push(JSON.parse(data) as ClientMessage);
        send(data);
      }) as typeof ws.send;
      return ws as unknown as WebSocketLike;
    },
    rejected,
    onRejected: (rejection) => {
      rejections.push(rejection);
    },
    onOverruled: (values) => {
      overruled.push(...values);
    },
    deviceId: session.deviceId,
    now: options.now,
    store: { get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v) },
    retryTimeMs: 200,
    collections,
    pullBatchSize: options.pullBatchSize,
    bootstrap: options.bootstrap,
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
    overruled,
    sent,
    session,
    async close() {
      await engine.stop();
      await db.close();
    },
    reopen: (overrides = {}) =>
      connectClient(server, currentSession, { ...options, ...overrides, replica }),
  };
}

import type { RxDatabase } from 'rxdb';
import { COLLECTION_NAMES, LOCAL_USER_ID, type CollectionName } from '@shared/domain';
import { generateSampleData, type SampleSizeName } from '@shared/sample-data';
import { SyncEngine, RejectedRegistry, createConflictHandler, type WebSocketLike } from '@sync/client';
import { openCrmDatabase, type CrmDatabase } from '@renderer/data/database';
import { createRepositories, type Repositories } from '@renderer/data/repositories';
import { loadSampleData } from '@renderer/data/services/sample-data-loader';
import { saveSession } from '@renderer/app/session';
import { localSession, openWorkspace, closeWorkspace } from '@renderer/app/workspace';
import { RawDexieTarget, toStoredShape, type RawLayout } from './raw-dexie';
import { BENCH_DATA } from '../support/bench-data';

/**
 * The benchmark page (built by vite.bench.config.ts into out/bench, served beside the app's web build on one
 * origin). The Node runner drives it through `window.__bench`: it seeds IndexedDB straight from the
 * generator and times the app's own data code with performance.now(). Nothing here is part of the app bundle.
 */
export interface TimedCount {
  docs: number;
  ms: number;
  docsPerSec: number;
}

function timed(docs: number, ms: number): TimedCount {
  return { docs, ms, docsPerSec: ms > 0 ? (docs / ms) * 1000 : 0 };
}

async function countAll(db: CrmDatabase, collections: readonly CollectionName[]): Promise<number> {
  let total = 0;
  for (const name of collections) total += await db[name].count({ selector: {} }).exec();
  return total;
}

const api = {
  ready: true,

  userAgent(): string {
    return navigator.userAgent;
  },

  /** B1 reference: Dexie bulkPut of the generated documents (generation not timed, only bulkPut). */
  async rawDexieWrite(options: { size: SampleSizeName; workspaceId: string; layout: RawLayout; batchSize?: number }): Promise<TimedCount> {
    const data = generateSampleData({ ...BENCH_DATA, size: options.size, workspaceId: options.workspaceId });
    const target = new RawDexieTarget(`bench-raw-${options.layout}-${Date.now()}`, options.layout);
    let ms = 0;
    let docs = 0;
    let lwt = 1;
    try {
      for (const batch of data.allBatches(options.batchSize ?? 1000)) {
        const stored = batch.records.map((doc) => toStoredShape(doc as unknown as Record<string, unknown>, lwt++));
        ms += await target.put(batch.collection, stored);
        docs += stored.length;
      }
    } finally {
      await target.destroy();
    }
    return timed(docs, ms);
  },

  /**
   * B1: a fresh replica (RxDB on Dexie, every collection) replicated from the sync server by the real sync
   * engine over a browser WebSocket, timed from start until every collection finished its initial pull.
   */
  async replicate(options: { serverUrl: string; accessToken: string; workspaceId: string; userId: string; pullBatchSize?: number }): Promise<TimedCount & { perCollection: Record<string, number> }> {
    const name = `bench-replica-${Date.now()}`;
    const rejected = new RejectedRegistry();
    const db = await openCrmDatabase({ name, collections: COLLECTION_NAMES, conflictHandlerFor: (c) => createConflictHandler(c, rejected) });
    const kv = new Map<string, string>();
    const engine = new SyncEngine({
      db: db as unknown as RxDatabase,
      serverUrl: options.serverUrl,
      replicaKey: `${options.workspaceId}:${options.userId}:${name}`,
      getAccessToken: () => Promise.resolve(options.accessToken),
      onUnauthorized: () => Promise.resolve(),
      createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
      rejected,
      onRejected: () => undefined,
      store: { get: (k) => kv.get(k) ?? null, set: (k, v) => void kv.set(k, v) },
      ...(options.pullBatchSize ? { pullBatchSize: options.pullBatchSize } : {}),
    });
    try {
      const started = performance.now();
      const done = new Promise<void>((resolve) => {
        let seenDownload = false;
        const sub = engine.status$.subscribe((status) => {
          if (status.initialDownload) seenDownload = true;
          else if (seenDownload) {
            sub.unsubscribe();
            resolve();
          }
        });
      });
      await engine.start();
      await done;
      const ms = performance.now() - started;
      const perCollection: Record<string, number> = {};
      for (const c of COLLECTION_NAMES) perCollection[c] = await db[c].count({ selector: {} }).exec();
      const docs = Object.values(perCollection).reduce((a, b) => a + b, 0);
      return { ...timed(docs, ms), perCollection };
    } finally {
      await engine.stop();
      await db.remove();
    }
  },

  /**
   * Seeds the app's own local workspace replica (the database the app opens for "work locally") with a data
   * set, through the app's sample-data loader (RxDB bulkInsert in batches), and saves the session so the
   * app opens straight into it. Returns the insert throughput (RxDB bulkInsert).
   */
  async seedAppReplica(options: { size: SampleSizeName }): Promise<TimedCount> {
    const session = localSession('Bench', 'Bench');
    saveSession(session);
    const workspace = await openWorkspace(session);
    try {
      const started = performance.now();
      const inserted = await loadSampleData(workspace.repos, { ...BENCH_DATA, size: options.size, workspaceId: session.workspaceId, userId: LOCAL_USER_ID });
      return timed(inserted, performance.now() - started);
    } finally {
      await closeWorkspace(workspace, false);
    }
  },

  /** Counts what the app's local replica holds (checks a seeded profile is complete). */
  async appReplicaCount(): Promise<number> {
    const session = localSession('Bench', 'Bench');
    const db = await openCrmDatabase({ name: `crm-${session.workspaceId}` });
    try {
      return await countAll(db, COLLECTION_NAMES);
    } finally {
      await db.close();
    }
  },
};

let open: { db: CrmDatabase; repos: Repositories } | null = null;

/** Opens the app's local replica once per page (the list and search benchmarks share it). */
export async function openAppReplica(): Promise<{ db: CrmDatabase; repos: Repositories }> {
  if (open) return open;
  const session = localSession('Bench', 'Bench');
  const db = await openCrmDatabase({ name: `crm-${session.workspaceId}` });
  const repos = createRepositories({ db, actor: { userId: session.userId, workspaceId: session.workspaceId, teamId: session.teamId }, now: () => Date.now(), newId: () => crypto.randomUUID() });
  open = { db, repos };
  return open;
}

export type BenchApi = typeof api;
declare global {
  interface Window {
    __bench: BenchApi;
  }
}
window.__bench = api;

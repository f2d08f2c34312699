import type { RxDatabase } from 'rxdb';
import { COLLECTION_NAMES, LOCAL_USER_ID, type CollectionName } from '@shared/domain';
import { generateSampleData, type SampleSizeName } from '@shared/sample-data';
import {
  SyncEngine,
  RejectedRegistry,
  createConflictHandler,
  type WebSocketLike,
} from '@sync/client';
import { openCrmDatabase, type CrmDatabase } from '@renderer/data/database';
import { loadSampleData } from '@renderer/data/services/sample-data-loader';
import { backfillLastActivity } from '@renderer/data/services/last-activity-backfill';
import { saveSession } from '@renderer/data/session';
import {
  localSession,
  openWorkspace,
  closeWorkspace,
  type Workspace,
} from '@renderer/data/workspace';
import {
  createRepositories,
  type AccountCursor,
  type AccountFilter,
  type AccountSort,
} from '@renderer/data/repositories';
import { searchEverything } from '@renderer/data/services/global-search';
import { guessMapping } from '@shared/import/header-guess';
import { ImportJob } from '@renderer/data/services/import/import-job';
import { ImportService } from '@renderer/data/services/import/import-service';
import { createFollowUpSource } from '@renderer/data/services/inbox/follow-up-source';
import { churnRiskAccounts } from '@renderer/data/services/account-health';
import type { InboxItem } from '@shared/rules';
import { analyzeImport, importContext } from '@renderer/data/services/import/import-analysis';
import * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { BOOTSTRAP_ORDER } from '@sync/client/bootstrap';
import { RawDexieTarget, toStoredShape, type RawLayout } from './raw-dexie';
import { writePlanHistory } from '../support/plan-history';
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

/** B1.usable: the collections the first screens read, the bootstrap's order up to and including deals. */
const USABLE_COLLECTIONS = BOOTSTRAP_ORDER.slice(0, BOOTSTRAP_ORDER.indexOf('deals') + 1);

const api = {
  ready: true,

  userAgent(): string {
    return navigator.userAgent;
  },

  /** B1 reference: Dexie bulkPut of the generated documents (generation not timed, only bulkPut). */
  async rawDexieWrite(options: {
    size: SampleSizeName;
    workspaceId: string;
    layout: RawLayout;
    batchSize?: number;
  }): Promise<TimedCount> {
    const data = generateSampleData({
      ...BENCH_DATA,
      size: options.size,
      workspaceId: options.workspaceId,
    });
    const target = new RawDexieTarget(`bench-raw-${options.layout}-${Date.now()}`, options.layout);
    let ms = 0;
    let docs = 0;
    let lwt = 1;
    try {
      for (const batch of data.allBatches(options.batchSize ?? 1000)) {
        const stored = batch.records.map((doc) =>
          toStoredShape(doc as unknown as Record<string, unknown>, lwt++),
        );
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
  async replicate(options: {
    serverUrl: string;
    accessToken: string;
    workspaceId: string;
    userId: string;
    pullBatchSize?: number;
  }): Promise<TimedCount & { perCollection: Record<string, number>; usableMs: number | null }> {
    const name = `bench-replica-${Date.now()}`;
    const rejected = new RejectedRegistry();
    const db = await openCrmDatabase({
      name,
      collections: COLLECTION_NAMES,
      conflictHandlerFor: (c) => createConflictHandler(c, rejected),
    });
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
      // Usable: what the accounts list, search, My day and an account's page read first has arrived
      // (BOOTSTRAP_ORDER up to and including deals); activities and the rest keep downloading.
      let usableMs: number | null = null;
      const usableSub = engine.replicating$.subscribe((names) => {
        if (usableMs === null && USABLE_COLLECTIONS.every((c) => names.includes(c)))
          usableMs = performance.now() - started;
      });
      await engine.start();
      await done;
      usableSub.unsubscribe();
      const ms = performance.now() - started;
      const perCollection: Record<string, number> = {};
      for (const c of COLLECTION_NAMES)
        perCollection[c] = await db[c].count({ selector: {} }).exec();
      const docs = Object.values(perCollection).reduce((a, b) => a + b, 0);
      return { ...timed(docs, ms), perCollection, usableMs };
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
      const inserted = await loadSampleData(workspace.repos, {
        ...BENCH_DATA,
        size: options.size,
        workspaceId: session.workspaceId,
        userId: LOCAL_USER_ID,
      });
      const seeded = timed(inserted, performance.now() - started);
      // As the app's sample-data card does (outside the timed insert): last activity from the activities.
      await backfillLastActivity(workspace.db, { get: () => null, set: () => undefined }, 'bench');
      return seeded;
    } finally {
      await closeWorkspace(workspace, false);
    }
  },

  /** Opens the app's local workspace exactly as the app does (replica, repositories, search index). */
  async openApp(): Promise<{ openMs: number }> {
    const started = performance.now();
    workspace ??= await openWorkspace(localSession('Bench', 'Bench'));
    return { openMs: performance.now() - started };
  },

  async closeApp(): Promise<void> {
    if (workspace) await closeWorkspace(workspace, false);
    workspace = null;
  },

  /**
   * B2: pages of the accounts list through the repository the page uses (listPageAfter: page 1, then page 2
   * from page 1's cursor). Returns each call's time; the first call of the page is reported separately.
   */
  async listBench(options: {
    cases: { name: string; filter: AccountFilter; sort: AccountSort }[];
    reps: number;
    limit: number;
    waitForIndex?: boolean;
  }): Promise<{ samples: { name: string; page: number; ms: number; rows: number }[] }> {
    const ws = requireWorkspace();
    // Steady state: the search index (which answers filters no IndexedDB index covers) has caught up.
    if (options.waitForIndex) await ws.search.ready;
    const samples: { name: string; page: number; ms: number; rows: number }[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      for (const c of options.cases) {
        let cursor: AccountCursor | null = null;
        for (let page = 1; page <= 2; page++) {
          const started = performance.now();
          const result = await ws.repos.accounts.listPageAfter(
            c.filter,
            c.sort,
            options.limit,
            cursor,
          );
          samples.push({
            name: c.name,
            page,
            ms: performance.now() - started,
            rows: result.rows.length,
          });
          cursor = result.next;
          if (!cursor) break;
        }
      }
    }
    return { samples };
  },

  /** B2 detail: the list's count line (IndexedDB count or the search index's facets). */
  async countBench(options: {
    cases: { name: string; filter: AccountFilter }[];
  }): Promise<{ name: string; ms: number; count: number }[]> {
    const ws = requireWorkspace();
    const out: { name: string; ms: number; count: number }[] = [];
    for (const c of options.cases) {
      const started = performance.now();
      const count = await ws.repos.accounts.countMatching(c.filter);
      out.push({ name: c.name, ms: performance.now() - started, count });
    }
    return out;
  },

  /** B3: global search as the palette runs it (index query in the worker, then the records by id). */
  async searchBench(options: { queries: string[]; reps: number }): Promise<{
    samples: { query: string; ms: number; hits: number }[];
    readyMs: number;
    open: unknown;
    stats: unknown;
  }> {
    const ws = requireWorkspace();
    const started = performance.now();
    await ws.search.ready;
    const readyMs = performance.now() - started;
    const samples: { query: string; ms: number; hits: number }[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      for (const query of options.queries) {
        const t0 = performance.now();
        const hits = await searchEverything(ws.repos, query, 5, undefined, ws.search);
        samples.push({ query, ms: performance.now() - t0, hits: hits.length });
      }
    }
    return { samples, readyMs, open: await ws.search.openResult(), stats: await ws.search.stats() };
  },

  /** Waits until the search index has caught up and saved its snapshot (seeding, before B6/B7). */
  async settleSearch(): Promise<unknown> {
    const ws = requireWorkspace();
    await ws.search.ready;
    await ws.search.flush();
    return ws.search.stats();
  },

  /**
   * B10: an account plan written with `updates` keystroke updates is kept by y-indexeddb (as the app's
   * document engine does), then loaded into a fresh Y.Doc `reps` times; each load timed until synced.
   */
  async yjsLoad(options: { updates: number; reps: number }): Promise<{
    loadsMs: number[];
    storedRows: number;
    freshEncodeBytes: number;
    textLength: number;
  }> {
    const name = `bench-plan-${Date.now()}`;
    try {
      const doc = new Y.Doc();
      const writer = new IndexeddbPersistence(name, doc);
      await writer.whenSynced;
      writePlanHistory(doc, options.updates);
      // Let y-indexeddb finish writing and run its own compaction (it merges once 500 updates pile up, after 1 s).
      await new Promise((r) => setTimeout(r, 2500));
      const freshEncodeBytes = Y.encodeStateAsUpdate(doc).byteLength;
      const textLength = doc.getXmlFragment('default').toJSON().length;
      await writer.destroy();
      doc.destroy();
      const storedRows = await new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error ?? new Error('count failed'));
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const loadsMs: number[] = [];
      for (let rep = 0; rep < options.reps; rep++) {
        const started = performance.now();
        const fresh = new Y.Doc();
        const reader = new IndexeddbPersistence(name, fresh);
        await reader.whenSynced;
        loadsMs.push(performance.now() - started);
        if (fresh.getXmlFragment('default').toJSON().length !== textLength)
          throw new Error('loaded document differs');
        await reader.destroy();
        fresh.destroy();
      }
      return { loadsMs, storedRows, freshEncodeBytes, textLength };
    } finally {
      await clearDocument(name);
    }
  },

  /**
   * B11: one import of an accounts file through the real engine, as the wizard runs it: the file's bytes read,
   * parsed in the import worker, columns guessed, values mapped and validated and duplicates grouped (against
   * the replica and within the file) in the worker, the default group actions planned, and the records written
   * into a fresh local replica (seeded with `seedAccounts` of the same generator, so some rows match) by
   * ImportService in batches. Times each phase; samples the page's JS heap and records its long tasks.
   */
  async importBench(options: {
    url: string;
    name: string;
    seedAccounts: number;
    batchSize?: number;
  }): Promise<{
    phases: Record<string, number>;
    totalMs: number;
    rows: number;
    valid: number;
    rejected: number;
    groups: number;
    created: number;
    skipped: number;
    failed: number;
    stored: number;
    peakHeapMb: number;
    startHeapMb: number;
    longTasks: { count: number; maxMs: number; totalMs: number };
    progressEvents: number;
  }> {
    const session = {
      ...localSession('Bench', 'Bench'),
      workspaceId: `bench-import-${Date.now()}`,
    };
    const ws = await openWorkspace(session);
    try {
      await loadSampleData(ws.repos, {
        ...BENCH_DATA,
        size: { accounts: options.seedAccounts },
        workspaceId: session.workspaceId,
        userId: session.userId,
      });
      const heap = () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0;
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const startHeap = heap();
      let peakHeap = startHeap;
      const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, heap())), 50);
      const phases: Record<string, number> = {};
      let mark = performance.now();
      const started = mark;
      const lap = (name: string) => {
        const now = performance.now();
        phases[name] = now - mark;
        mark = now;
      };
      const job = ImportJob.open();
      let progressEvents = 0;
      try {
        // What the wizard reads from the replica: members, the records to compare with, the owner → team rule.
        const context = await importContext(ws.repos, 'accounts', {
          userId: session.userId,
          workspaceId: session.workspaceId,
          teamId: session.teamId,
        });
        lap('replicaRead');
        const data = await (await fetch(options.url)).arrayBuffer();
        lap('fileRead');
        const table = await job.parse(options.name, data);
        lap('parse');
        const mapping = guessMapping('accounts', table.headers);
        lap('mapping');
        // The wizard's own check (import-analysis.ts over the job): validation and duplicates in the worker.
        const report = await analyzeImport(job, context, { mapping, valueOverrides: {} });
        lap('validateDedupe');
        const plan = await job.plan(report.groups);
        lap('plan');
        const summary = await new ImportService(ws.repos).write(
          'accounts',
          job.streamedPlan<'accounts'>(plan),
          { batchSize: options.batchSize ?? 1000, onProgress: () => void (progressEvents += 1) },
        );
        lap('write');
        const totalMs = performance.now() - started;
        // Let the last long task be reported before reading them.
        await new Promise((r) => setTimeout(r, 0));
        const stored = await ws.repos.accounts.count({ deleted: false });
        return {
          phases,
          totalMs,
          rows: table.rowCount,
          valid: report.validCount,
          rejected: report.rejectedRows.length,
          groups: report.groups.length,
          created: summary.created,
          skipped: summary.skipped,
          failed: summary.failed,
          stored,
          peakHeapMb: peakHeap / 2 ** 20,
          startHeapMb: startHeap / 2 ** 20,
          longTasks: {
            count: longTasks.length,
            maxMs: longTasks.length > 0 ? Math.max(...longTasks) : 0,
            totalMs: longTasks.reduce((a, b) => a + b, 0),
          },
          progressEvents,
        };
      } finally {
        job.close();
        clearInterval(sampler);
        observer.disconnect();
      }
    } finally {
      await closeWorkspace(ws, true);
    }
  },

  /**
   * B12: the follow-up source (reminders, escalations, key dates) for `viewerId` on the app's replica, with the
   * clock at the data set's "now": the first computation (start → first list), then `edits` edits of one idle
   * record each (a new last activity), each timed as the recomputation after the change event and as write →
   * new list. Long tasks (≥ 50 ms, PerformanceObserver) during all of it are reported.
   */
  async followUpBench(options: { viewerId: string; now: number; edits: number }): Promise<{
    firstMs: number;
    firstComputeMs: number;
    items: number;
    byRule: Record<string, number>;
    editComputeMs: number[];
    editToListMs: number[];
    longTasks: number[];
    reads: number;
    slowestReads: { collection: string; index: string; rows: number; ms: number }[];
  }> {
    const ws = requireWorkspace();
    // Measured once the app has settled (its search index caught up), as a session that has been open a moment.
    await ws.search.ready;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const measures: { what: string; ms: number }[] = [];
    const reads: { collection: string; index: string; rows: number; ms: number }[] = [];
    let latest: readonly InboxItem[] = [];
    let notify: (() => void) | null = null;
    const source = createFollowUpSource({
      repos: ws.repos,
      onMeasure: (what, ms) => measures.push({ what, ms }),
      onRead: (read) => reads.push(read),
    });
    const t0 = performance.now();
    const clock = () => options.now + (performance.now() - t0);
    const next = () => new Promise<void>((resolve) => (notify = resolve));
    let firstMs = 0;
    const first = next();
    const stop = source.start(options.viewerId, clock, (items) => {
      latest = items;
      if (firstMs === 0) firstMs = performance.now() - t0;
      notify?.();
    });
    try {
      await first;
      const byRule: Record<string, number> = {};
      for (const item of latest) byRule[item.rule] = (byRule[item.rule] ?? 0) + 1;
      const items = latest.length;
      const firstComputeMs = measures.find((m) => m.what === 'first')?.ms ?? NaN;
      const editComputeMs: number[] = [];
      const editToListMs: number[] = [];
      const idle = latest.filter(
        (i) => i.recordCollection === 'leads' || i.recordCollection === 'deals',
      );
      for (let i = 0; i < options.edits && i < idle.length; i++) {
        const item = idle[i];
        const changed = next();
        const started = performance.now();
        const repo = item.recordCollection === 'leads' ? ws.repos.leads : ws.repos.deals;
        await repo.update(item.recordId, { lastActivityAt: Math.round(clock()) });
        await changed;
        editToListMs.push(performance.now() - started);
        editComputeMs.push(measures.filter((m) => m.what === 'change').at(-1)?.ms ?? NaN);
        if (latest.some((x) => x.key === item.key))
          throw new Error('the edited record still has its item');
      }
      const slowestReads = [...reads].sort((a, b) => b.ms - a.ms).slice(0, 5);
      return {
        firstMs,
        firstComputeMs,
        items,
        byRule,
        editComputeMs,
        editToListMs,
        longTasks,
        reads: reads.length,
        slowestReads,
      };
    } finally {
      stop();
      observer.disconnect();
    }
  },

  /**
   * B13: the accounts list's churn-risk filter (renderer/src/data/services/account-health.ts `churnRiskAccounts`,
   * what the list's switch runs) on the app's replica with the clock at the data set's "now": the first run after
   * opening the app, then `reps` more as when the filter is switched off and on again, then one owner's accounts.
   */
  async churnBench(options: { now: number; reps: number; ownerId: string }): Promise<{
    firstMs: number;
    againMs: number[];
    ownerMs: number;
    atRisk: number;
    ownerAtRisk: number;
  }> {
    const ws = requireWorkspace();
    await ws.search.ready;
    const sort: AccountSort = { field: 'updatedAt', direction: 'desc' };
    const run = async (filter: AccountFilter) => {
      const started = performance.now();
      const result = await churnRiskAccounts(ws.repos, filter, sort, options.now);
      return { ms: performance.now() - started, atRisk: result.accounts.length };
    };
    const first = await run({});
    const againMs: number[] = [];
    for (let i = 0; i < options.reps; i++) againMs.push((await run({})).ms);
    const owner = await run({ ownerId: options.ownerId });
    return {
      firstMs: first.ms,
      againMs,
      ownerMs: owner.ms,
      atRisk: first.atRisk,
      ownerAtRisk: owner.atRisk,
    };
  },

  /**
   * B8: edits one won deal of the app's local replica from this tab (another instance of the replica on the same
   * origin, as a second window would; RxDB's multi-instance channel carries the change to the app's tab): its
   * close date moves to `closeDate` (out of the dashboard's period, so the won amount drops by its amount).
   */
  async editWonDeal(options: {
    skip: number;
    closeDate: string;
  }): Promise<{ id: string; amount: number }> {
    const session = localSession('Bench', 'Bench');
    editDb ??= await openCrmDatabase({ name: `crm-${session.workspaceId}` });
    const repos = createRepositories({
      db: editDb,
      actor: { userId: session.userId, workspaceId: session.workspaceId, teamId: session.teamId },
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    });
    const [deal] = await repos.deals.find({
      selector: { deleted: false, status: 'won', closeDate: { $gt: options.closeDate } },
      limit: 1,
      skip: options.skip,
    });
    if (!deal) throw new Error('no won deal to edit');
    await repos.deals.update(deal.id, { closeDate: options.closeDate });
    return { id: deal.id, amount: deal.amount };
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

let workspace: Workspace | null = null;
let editDb: CrmDatabase | null = null;
function requireWorkspace(): Workspace {
  if (!workspace) throw new Error('call openApp() first');
  return workspace;
}

export type BenchApi = typeof api;
declare global {
  interface Window {
    __bench: BenchApi;
  }
}
window.__bench = api;

import WebSocket from 'ws';
import * as Y from 'yjs';
import { docNameFor } from '@shared/sync';
import { DocManager } from '@sync/client';
import { DocStore } from '@sync/server/docs/doc-store';
import { median } from '../stats';
import { launchBrowser } from '../support/browser';
import { writePlanHistory } from '../support/plan-history';
import { startSeededServer } from '../support/sync-server';
import type { Benchmark, BenchContext, MetricResult } from '../types';

const UPDATES = 10_000;
const LOAD_REPS = 5;

/** Server side: the plan written through the app's document engine into the real server's Yjs room. */
async function serverStorage(ctx: BenchContext): Promise<{
  storedBytes: number;
  storedRows: number;
  freshBytes: number;
  rawUpdateBytes: number;
  seconds: number;
}> {
  const seeded = await startSeededServer(ctx, {
    name: 'set-S',
    size: 'S',
    // The writer types 10,000 keystrokes at once, far faster than a person: without room it trips the
    // socket's flood guard, reconnects and sends the state in one message, and the stored history B10
    // measures never forms.
    overrides: { socketLimits: { messagesPerSecond: 1_000_000, burst: 1_000_000 } },
  });
  let manager: DocManager | null = null;
  try {
    const email = seeded.members.find((m) => m.kind === 'user' && m.role === 'admin')?.email ?? '';
    const session = await seeded.login(email);
    const [account] = await seeded.server.sql.query<{ id: string }>(
      `SELECT id FROM records WHERE workspace_id = $1 AND collection = 'accounts' ORDER BY id LIMIT 1`,
      [seeded.workspaceId],
    );
    const name = docNameFor('account-plan', account.id);
    const store = new Map<string, string>();
    manager = new DocManager({
      mode: 'team',
      namespace: `team:${seeded.workspaceId}:${session.user.id}:b10-${Date.now()}`,
      store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
      user: { name: 'bench', color: '#1c7ed6', userId: session.user.id },
      serverUrl: seeded.server.url,
      getAccessToken: () => Promise.resolve(session.accessToken),
      WebSocketPolyfill: WebSocket,
      persistence: null,
      flushTimeoutMs: 60_000,
    });
    const lease = manager.open(name);
    const handle = lease.handle;
    if (!(await handle.whenServerSynced(30_000)))
      throw new Error('the plan did not sync with the server');
    let rawUpdateBytes = 0;
    handle.doc.on('update', (update: Uint8Array) => {
      rawUpdateBytes += update.byteLength;
    });
    const started = performance.now();
    writePlanHistory(handle.doc, UPDATES);
    if (!(await handle.whenSaved(120_000)))
      throw new Error('the server did not acknowledge the plan');
    const seconds = (performance.now() - started) / 1000;
    // The room compacts in the background once enough has piled up; give it a moment, as a real session would.
    await new Promise((r) => setTimeout(r, 1500));
    const stats = await new DocStore(seeded.server.sql).stats(seeded.workspaceId, name);
    const freshBytes = Y.encodeStateAsUpdate(handle.doc).byteLength;
    lease.release();
    return {
      storedBytes: stats.bytes,
      storedRows: stats.rows,
      freshBytes,
      rawUpdateBytes,
      seconds,
    };
  } finally {
    await manager?.destroy();
    await seeded.stop();
  }
}

/**
 * B10: an account plan with a 10,000-update history (one update per keystroke, as the editor produces them).
 * Load: y-indexeddb (the app's local persistence) in Chromium, a fresh Y.Doc timed until synced.
 * Storage: the same history written live through the app's document engine (DocManager, y-websocket) into the
 * real server's Yjs room; what the database holds for the document ÷ a fresh `encodeStateAsUpdate`.
 */
export const b10AccountPlan: Benchmark = {
  id: 'B10',
  title: 'account plan with a 10k-update history',
  needs: ['chromium', 'server'],
  async run(ctx) {
    const loads: number[] = [];
    let client: { storedRows: number; freshEncodeBytes: number; textLength: number } | null = null;
    const browser = await launchBrowser(ctx, null);
    try {
      const page = await browser.benchPage();
      for (let run = 0; run < ctx.runs; run++) {
        const result = await page.evaluate((o) => window.__bench.yjsLoad(o), {
          updates: UPDATES,
          reps: LOAD_REPS,
        });
        loads.push(median(result.loadsMs));
        client = result;
        ctx.log(
          `  run ${run + 1}: load from IndexedDB ${result.loadsMs.map((m) => m.toFixed(1)).join(' / ')} ms (${result.storedRows} rows stored, fresh encode ${result.freshEncodeBytes} B)`,
        );
      }
    } finally {
      await browser.close();
    }
    const ratios: number[] = [];
    let server: Awaited<ReturnType<typeof serverStorage>> | null = null;
    for (let run = 0; run < ctx.runs; run++) {
      server = await serverStorage(ctx);
      ratios.push(server.storedBytes / server.freshBytes);
      ctx.log(
        `  run ${run + 1}: server stores ${server.storedBytes} B in ${server.storedRows} rows for a ${server.freshBytes} B fresh encode (${(server.storedBytes / server.freshBytes).toFixed(2)}×; raw updates ${server.rawUpdateBytes} B; written and acknowledged in ${server.seconds.toFixed(1)} s)`,
      );
    }
    const metrics: MetricResult[] = [
      {
        id: 'B10.load',
        label: 'account plan (10k updates) load from IndexedDB',
        value: median(loads),
        unit: 'ms',
        target: 50,
        kind: 'max',
        runs: loads,
        set: 'n/a',
        detail: client ?? undefined,
      },
      {
        id: 'B10.size',
        label: 'server stored size ÷ fresh encode',
        value: median(ratios),
        unit: '×',
        target: 2,
        kind: 'max',
        runs: ratios,
        set: 'n/a',
        detail: server ?? undefined,
      },
    ];
    return metrics;
  },
};

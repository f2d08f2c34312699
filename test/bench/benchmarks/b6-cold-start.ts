import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { median } from '../stats';
import { ensureAppProfile } from '../support/app-profile';
import { launchBrowser } from '../support/browser';
import type { Benchmark, BenchContext, MetricResult } from '../types';

/** Records when the first accounts row is on screen, measured from navigation start (performance.now()). */
const FIRST_ROW_PROBE = `
  (() => {
    const probe = () => {
      if (window.__firstRowAt === undefined && document.querySelector('[data-testid="table-row"]')) window.__firstRowAt = performance.now();
    };
    new MutationObserver(probe).observe(document, { childList: true, subtree: true });
  })();
`;

interface ColdStart {
  firstRowMs: number;
  domContentLoadedMs: number;
  /** When the workspace (replica, repositories, search) was open (user-timing mark of the app). */
  workspaceOpenMs: number;
}

async function coldStart(page: Page, origin: string): Promise<ColdStart> {
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(`${origin}/#/accounts`);
  await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, undefined, { timeout: 120_000 });
  // The list can show its first rows before RxDB has finished opening the replica (app/pending-repositories.ts):
  // wait for that mark too, so the detail says when the workspace was open.
  await page.waitForFunction(() => performance.getEntriesByName('crm:workspace-open-end').length > 0, undefined, { timeout: 60_000 }).catch(() => undefined);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const opened = performance.getEntriesByName('crm:workspace-open-end')[0];
    return {
      firstRowMs: (window as unknown as { __firstRowAt: number }).__firstRowAt,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
      workspaceOpenMs: opened ? opened.startTime : Number.NaN,
    };
  });
}

/**
 * The floor in the same run: a bare page (test/bench/page/public/bare-start.js, no framework, no RxDB) that opens
 * the replica's IndexedDB databases and shows the newest 50 accounts through the list's index.
 */
async function bareStart(page: Page, origin: string): Promise<{ firstRowMs: number; openedMs: number; readMs: number; domContentLoadedMs: number }> {
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(`${origin}/bench/bare-start.html`);
  await page.waitForFunction(() => (window as unknown as { __bare?: unknown }).__bare !== undefined, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const bare = (window as unknown as { __bare: { marks?: Record<string, number>; error?: string } }).__bare;
    if (bare.error || !bare.marks) throw new Error(`bare start failed: ${bare.error ?? 'no marks'}`);
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      firstRowMs: (window as unknown as { __firstRowAt: number }).__firstRowAt,
      openedMs: bare.marks.opened ?? Number.NaN,
      readMs: bare.marks.read ?? Number.NaN,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

/** Runs `work` on the first page of a newly launched browser on `profile` (each cold start needs its own browser). */
async function inFreshBrowser(ctx: BenchContext, profile: string, work: (page: Page, origin: string, context: BrowserContext) => Promise<void>): Promise<void> {
  const browser = await launchBrowser(ctx, profile);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await work(page, browser.origin, browser.context);
  } finally {
    await browser.close();
  }
}

/** JS heap in use after a full GC, for the page and for each of its workers (the search index lives in one). */
export async function heapAfterGc(cdp: CDPSession): Promise<{ mainMb: number; workersMb: number[] }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const main = await cdp.send('Runtime.getHeapUsage');
  // Workers: attach through the page's target and ask each one (Target.sendMessageToTarget, non-flat mode).
  const sessions: string[] = [];
  const onAttach = (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  };
  cdp.on('Target.attachedToTarget', onAttach);
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((r) => setTimeout(r, 300));
  cdp.off('Target.attachedToTarget', onAttach);
  const workersMb: number[] = [];
  for (const sessionId of sessions) {
    const ask = (id: number, method: string) =>
      new Promise<{ usedSize?: number }>((resolve) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          if (event.sessionId !== sessionId) return;
          const reply = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
          if (reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        setTimeout(() => resolve({}), 5000);
      });
    await ask(1, 'HeapProfiler.collectGarbage');
    const usage = await ask(2, 'Runtime.getHeapUsage');
    if (typeof usage.usedSize === 'number') workersMb.push(usage.usedSize / 2 ** 20);
  }
  return { mainMb: main.usedSize / 2 ** 20, workersMb };
}

/**
 * B6 and B7 in one pass (both need the app started cold on a replica holding the whole set):
 * B6: a fresh browser on the seeded profile opens the app's accounts route; timed from navigation start
 * until the first account row is on screen (the workspace opened, the first page read and rendered).
 * B7: then, once the app has settled (search index loaded in its worker), the page's JS heap after a full
 * GC; the worker's heap is reported beside it.
 */
export const b6ColdStart: Benchmark = {
  id: 'B6',
  covers: ['B7'],
  title: 'cold start to the accounts list, and its memory (B7)',
  needs: ['chromium'],
  async run(ctx) {
    const profile = await ensureAppProfile(ctx, ctx.set);
    const starts: number[] = [];
    const dcl: number[] = [];
    const opens: number[] = [];
    const heaps: number[] = [];
    const workerHeaps: number[] = [];
    const floors: number[] = [];
    const floorOpens: number[] = [];
    for (let run = 0; run < ctx.runs; run++) {
      // The floor first, on the same profile in a fresh browser (its IndexedDB reads then warm nothing the app
      // run uses: each run starts a new browser).
      await inFreshBrowser(ctx, profile, async (page, origin) => {
        const floor = await bareStart(page, origin);
        floors.push(floor.firstRowMs);
        floorOpens.push(floor.openedMs);
        ctx.log(`  run ${run + 1}: floor (bare page, raw IndexedDB): first row ${floor.firstRowMs.toFixed(0)} ms (databases open ${floor.openedMs.toFixed(0)} ms, page read ${floor.readMs.toFixed(0)} ms)`);
      });
      await inFreshBrowser(ctx, profile, async (page, origin, context) => {
        const result = await coldStart(page, origin);
        starts.push(result.firstRowMs);
        dcl.push(result.domContentLoadedMs);
        opens.push(result.workspaceOpenMs);
        // Settle: the search index loads its snapshot and catches up in the background.
        await page.waitForTimeout(8000);
        const cdp = await context.newCDPSession(page);
        const heap = await heapAfterGc(cdp);
        heaps.push(heap.mainMb);
        workerHeaps.push(heap.workersMb.reduce((a, b) => a + b, 0));
        ctx.log(`  run ${run + 1}: first row ${result.firstRowMs.toFixed(0)} ms (DOMContentLoaded ${result.domContentLoadedMs.toFixed(0)} ms, workspace open ${result.workspaceOpenMs.toFixed(0)} ms); heap ${heap.mainMb.toFixed(1)} MB, workers ${heap.workersMb.map((m) => m.toFixed(1)).join(' + ') || 'none'} MB`);
      });
    }
    const metrics: MetricResult[] = [
      {
        id: 'B6', label: 'cold start to interactive accounts list', value: median(starts), unit: 'ms', target: 1000, kind: 'max', runs: starts, set: ctx.set,
        detail: {
          domContentLoadedMs: Math.round(median(dcl)), workspaceOpenMs: Math.round(median(opens)), from: 'navigation start (browser already running)',
          floorMs: Math.round(median(floors)), floorDatabasesOpenMs: Math.round(median(floorOpens)), ratioToFloor: Math.round((median(starts) / median(floors)) * 100) / 100,
          floorIs: 'a bare page (no framework, no RxDB) opening the same IndexedDB databases and showing the newest 50 accounts through the same index',
        },
      },
      {
        id: 'B7', label: 'renderer JS heap, accounts list open', value: median(heaps), unit: 'MB', target: 250, kind: 'max', runs: heaps, set: ctx.set,
        detail: { searchWorkerHeapMb: Math.round(median(workerHeaps) * 10) / 10, mainPlusWorkerMb: Math.round((median(heaps) + median(workerHeaps)) * 10) / 10 },
      },
    ];
    return metrics;
  },
};

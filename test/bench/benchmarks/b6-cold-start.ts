import { execFileSync } from 'node:child_process';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { median } from '../stats';
import { ensureAppProfile } from '../support/app-profile';
import { launchBrowser } from '../support/browser';
import type { Benchmark, BenchContext, MetricResult } from '../types';

/**
 * Records, from navigation start (performance.now()), when the first accounts row is in the document
 * (`__firstRowAt`) and when it was painted (`__firstRowPaintedAt`): the row's elements get an `elementtiming`
 * attribute as soon as the row is inserted (before its first paint), and Chromium's Element Timing reports the
 * frame that drew their text — what the person sees. B6 is the painted time: a row in the document is not yet on
 * screen, and work forced before the paint (a layout read in an effect) cannot leave the measure by being
 * deferred. `__firstRowFrameAt` (a task posted from the next requestAnimationFrame) is the fallback where no
 * element entry comes; it also counts whatever tasks were queued before it, so it reads later.
 */
const FIRST_ROW_PROBE = `
  (() => {
    const probe = () => {
      if (window.__firstRowAt !== undefined) return;
      const row = document.querySelector('[data-testid="table-row"]');
      if (!row) return;
      window.__firstRowAt = performance.now();
      for (const element of [row, ...row.querySelectorAll('*')]) element.setAttribute('elementtiming', 'crm-first-row');
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.identifier === 'crm-first-row' && window.__firstRowPaintedAt === undefined) window.__firstRowPaintedAt = entry.renderTime || entry.loadTime;
        }
      }).observe({ type: 'element', buffered: true });
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__firstRowFrameAt = performance.now(); };
        channel.port2.postMessage(0);
      });
    };
    new MutationObserver(probe).observe(document, { childList: true, subtree: true });
  })();
`;

type ProbedWindow = {
  __firstRowAt?: number;
  __firstRowPaintedAt?: number;
  __firstRowFrameAt?: number;
};

/** Waits for the probe's paint time (or, after a while without an element entry, its next-frame time). */
async function firstRowPainted(
  page: Page,
): Promise<{ paintedMs: number; firstRowMs: number; paintedBy: 'element timing' | 'next frame' }> {
  await page.waitForFunction(
    () => (window as unknown as ProbedWindow).__firstRowFrameAt !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  await page
    .waitForFunction(
      () => (window as unknown as ProbedWindow).__firstRowPaintedAt !== undefined,
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const probed = await page.evaluate(() => {
    const w = window as unknown as ProbedWindow;
    return {
      __firstRowAt: w.__firstRowAt,
      __firstRowPaintedAt: w.__firstRowPaintedAt,
      __firstRowFrameAt: w.__firstRowFrameAt,
    };
  });
  const element = probed.__firstRowPaintedAt;
  return {
    paintedMs: element ?? probed.__firstRowFrameAt ?? Number.NaN,
    firstRowMs: probed.__firstRowAt ?? Number.NaN,
    paintedBy: element !== undefined ? 'element timing' : 'next frame',
  };
}

interface ColdStart {
  /** The first row painted (B6). */
  paintedMs: number;
  paintedBy: 'element timing' | 'next frame';
  /** The first row in the document (before its style, layout and paint). */
  firstRowMs: number;
  domContentLoadedMs: number;
  /** When the workspace (replica, repositories, search) was open (user-timing mark of the app). */
  workspaceOpenMs: number;
  /** The first rows came from the first screen's snapshot (a returning start). */
  fromSnapshot: boolean;
}

/**
 * A returning person has seen the accounts list before: one start on it, left open until the app has written
 * the first screen's snapshot (app/first-screen-cache.ts) — the state every measured start begins from. A
 * build without snapshots (an A/B run against older code) never writes one: the wait then gives up.
 */
async function seeTheListOnce(page: Page, origin: string): Promise<boolean> {
  await page.goto(`${origin}/#/accounts`);
  await page.locator('[data-testid="table-row"]').first().waitFor({ timeout: 120_000 });
  return page
    .waitForFunction(() => localStorage.getItem('crm.first-screen') !== null, undefined, {
      timeout: 30_000,
    })
    .then(() => true)
    .catch(() => false);
}

async function coldStart(page: Page, origin: string): Promise<ColdStart> {
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(`${origin}/#/accounts`);
  const painted = await firstRowPainted(page);
  // The list shows its first rows from the first screen's snapshot before RxDB has finished opening the
  // replica (app/first-screen-cache.ts): wait for that mark too, so the detail says when the workspace was open.
  await page
    .waitForFunction(
      () => performance.getEntriesByName('crm:workspace-open-end').length > 0,
      undefined,
      { timeout: 60_000 },
    )
    .catch(() => undefined);
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const opened = performance.getEntriesByName('crm:workspace-open-end')[0];
    return {
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
      workspaceOpenMs: opened ? opened.startTime : Number.NaN,
      fromSnapshot: performance.getEntriesByName('crm:first-screen-snapshot').length > 0,
    };
  });
  return { ...painted, ...marks };
}

/**
 * The floor in the same run: a bare page (test/bench/page/public/bare-start.js, no framework, no RxDB) that opens
 * the replica's IndexedDB databases and shows the newest 50 accounts through the list's index.
 */
async function bareStart(
  page: Page,
  origin: string,
): Promise<{
  paintedMs: number;
  paintedBy: string;
  firstRowMs: number;
  openedMs: number;
  readMs: number;
  domContentLoadedMs: number;
}> {
  await page.addInitScript(FIRST_ROW_PROBE);
  await page.goto(`${origin}/bench/bare-start.html`);
  await page.waitForFunction(
    () => (window as unknown as { __bare?: unknown }).__bare !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  const failed = await page.evaluate(
    () => (window as unknown as { __bare: { error?: string } }).__bare.error,
  );
  if (failed) throw new Error(`bare start failed: ${failed}`);
  const painted = await firstRowPainted(page);
  const floor = await page.evaluate(() => {
    const bare = (
      window as unknown as { __bare: { marks?: Record<string, number>; error?: string } }
    ).__bare;
    if (bare.error || !bare.marks)
      throw new Error(`bare start failed: ${bare.error ?? 'no marks'}`);
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      openedMs: bare.marks.opened ?? Number.NaN,
      readMs: bare.marks.read ?? Number.NaN,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
  return { ...painted, ...floor };
}

/**
 * The font Chromium finds for Chinese text here (fontconfig). Without a CJK font every Chinese glyph falls back
 * through all fonts and draws as a box, and the first layout costs ~100 ms more than on a Chinese desktop, where
 * one always is (README "Benchmarks": install fonts-noto-cjk for figures comparable to BENCHMARKS.md).
 */
function cjkFont(): string {
  try {
    return (
      execFileSync('fc-match', ['-f', '%{family}', 'sans-serif:lang=zh-cn'], {
        encoding: 'utf8',
      }).split(',')[0] ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

/** Runs `work` on the first page of a newly launched browser on `profile` (each cold start needs its own browser). */
async function inFreshBrowser(
  ctx: BenchContext,
  profile: string,
  work: (page: Page, origin: string, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser(ctx, profile);
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await work(page, browser.origin, browser.context);
  } finally {
    await browser.close();
  }
}

/** JS heap in use after a full GC, for the page and for each of its workers (the search index lives in one). */
export async function heapAfterGc(
  cdp: CDPSession,
): Promise<{ mainMb: number; workersMb: number[] }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const main = await cdp.send('Runtime.getHeapUsage');
  // Workers: attach through the page's target and ask each one (Target.sendMessageToTarget, non-flat mode).
  const sessions: string[] = [];
  const onAttach = (event: { sessionId: string; targetInfo: { type: string } }) => {
    if (event.targetInfo.type === 'worker') sessions.push(event.sessionId);
  };
  cdp.on('Target.attachedToTarget', onAttach);
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((r) => setTimeout(r, 300));
  cdp.off('Target.attachedToTarget', onAttach);
  const workersMb: number[] = [];
  for (const sessionId of sessions) {
    const ask = (id: number, method: string) =>
      new Promise<{ usedSize?: number }>((resolve) => {
        const onMessage = (event: { sessionId: string; message: string }) => {
          if (event.sessionId !== sessionId) return;
          const reply = JSON.parse(event.message) as {
            id?: number;
            result?: { usedSize?: number };
          };
          if (reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', onMessage);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method }),
        });
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
 * until the frame showing the first account row has been rendered (the first page read, rendered, laid out and painted).
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
    const font = cjkFont();
    if (!/CJK|Hei|Song|Hiragino|PingFang|YaHei|WenQuanYi/i.test(font))
      ctx.log(
        `  note: no CJK font (fontconfig gives "${font}" for Chinese); install fonts-noto-cjk for comparable figures`,
      );
    const starts: number[] = [];
    const inDocument: number[] = [];
    const paintedBy = new Set<string>();
    const dcl: number[] = [];
    const opens: number[] = [];
    const heaps: number[] = [];
    const workerHeaps: number[] = [];
    const floors: number[] = [];
    const floorOpens: number[] = [];
    const fromSnapshot: boolean[] = [];
    await inFreshBrowser(ctx, profile, async (page, origin) => {
      const saved = await seeTheListOnce(page, origin);
      ctx.log(
        `  the list shown once before the measured starts (snapshot ${saved ? 'saved' : 'none'})`,
      );
    });
    for (let run = 0; run < ctx.runs; run++) {
      // The floor first, on the same profile in a fresh browser (its IndexedDB reads then warm nothing the app
      // run uses: each run starts a new browser).
      await inFreshBrowser(ctx, profile, async (page, origin) => {
        const floor = await bareStart(page, origin);
        floors.push(floor.paintedMs);
        paintedBy.add(floor.paintedBy);
        floorOpens.push(floor.openedMs);
        ctx.log(
          `  run ${run + 1}: floor (bare page, raw IndexedDB): first row painted ${floor.paintedMs.toFixed(0)} ms (in the document ${floor.firstRowMs.toFixed(0)} ms, databases open ${floor.openedMs.toFixed(0)} ms, page read ${floor.readMs.toFixed(0)} ms)`,
        );
      });
      await inFreshBrowser(ctx, profile, async (page, origin, context) => {
        const result = await coldStart(page, origin);
        starts.push(result.paintedMs);
        paintedBy.add(result.paintedBy);
        inDocument.push(result.firstRowMs);
        dcl.push(result.domContentLoadedMs);
        opens.push(result.workspaceOpenMs);
        fromSnapshot.push(result.fromSnapshot);
        // Settle: the search index loads its snapshot and catches up in the background.
        await page.waitForTimeout(8000);
        const cdp = await context.newCDPSession(page);
        const heap = await heapAfterGc(cdp);
        heaps.push(heap.mainMb);
        workerHeaps.push(heap.workersMb.reduce((a, b) => a + b, 0));
        ctx.log(
          `  run ${run + 1}: first row painted ${result.paintedMs.toFixed(0)} ms (in the document ${result.firstRowMs.toFixed(0)} ms, DOMContentLoaded ${result.domContentLoadedMs.toFixed(0)} ms, workspace open ${result.workspaceOpenMs.toFixed(0)} ms${result.fromSnapshot ? ', rows from the snapshot' : ''}); heap ${heap.mainMb.toFixed(1)} MB, workers ${heap.workersMb.map((m) => m.toFixed(1)).join(' + ') || 'none'} MB`,
        );
      });
    }
    const metrics: MetricResult[] = [
      {
        id: 'B6',
        label: 'cold start to interactive accounts list',
        value: median(starts),
        unit: 'ms',
        target: 1000,
        kind: 'max',
        runs: starts,
        set: ctx.set,
        detail: {
          measuredTo: 'the first row painted',
          cjkFont: font,
          paintedBy: [...paintedBy].join(', '),
          firstRowInDocumentMs: Math.round(median(inDocument)),
          domContentLoadedMs: Math.round(median(dcl)),
          workspaceOpenMs: Math.round(median(opens)),
          startsFromSnapshot: `${fromSnapshot.filter(Boolean).length} of ${fromSnapshot.length}`,
          from: 'navigation start (browser already running)',
          floorMs: Math.round(median(floors)),
          floorDatabasesOpenMs: Math.round(median(floorOpens)),
          ratioToFloor: Math.round((median(starts) / median(floors)) * 100) / 100,
          floorIs:
            'a bare page (no framework, no RxDB) opening the same IndexedDB databases and showing the newest 50 accounts through the same index',
        },
      },
      {
        id: 'B7',
        label: 'renderer JS heap, accounts list open',
        value: median(heaps),
        unit: 'MB',
        target: 250,
        kind: 'max',
        runs: heaps,
        set: ctx.set,
        detail: {
          searchWorkerHeapMb: Math.round(median(workerHeaps) * 10) / 10,
          mainPlusWorkerMb: Math.round((median(heaps) + median(workerHeaps)) * 10) / 10,
        },
      },
    ];
    return metrics;
  },
};

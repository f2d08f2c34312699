import { median, percentile } from '../stats';
import { ensureAppProfile } from '../support/app-profile';
import { launchBrowser } from '../support/browser';
import type { Benchmark, MetricResult } from '../types';

const NEWEST = { field: 'updatedAt', direction: 'desc' } as const;
const BY_NAME = { field: 'nameKey', direction: 'asc' } as const;
/** Owner, industry and tag filters as the accounts page combines them (owners and tags of the generated team). */
export const LIST_CASES = [
  { name: 'all, newest', filter: {}, sort: NEWEST },
  { name: 'all, by name', filter: {}, sort: BY_NAME },
  { name: 'owner', filter: { ownerId: 'user-08' }, sort: NEWEST },
  { name: 'owner, by name', filter: { ownerId: 'user-08' }, sort: BY_NAME },
  { name: 'industry C (large)', filter: { industry: 'C' }, sort: NEWEST },
  { name: 'industry Q (small)', filter: { industry: 'Q' }, sort: NEWEST },
  { name: 'tag churnRisk', filter: { tag: 'churnRisk' }, sort: NEWEST },
  { name: 'tag keyAccount', filter: { tag: 'keyAccount' }, sort: NEWEST },
  { name: 'owner + tag', filter: { ownerId: 'user-08', tag: 'mql' }, sort: NEWEST },
  { name: 'industry + tag', filter: { industry: 'I', tag: 'renewal' }, sort: NEWEST },
  { name: 'status partner', filter: { status: 'partner' }, sort: NEWEST },
  { name: 'tag, by name', filter: { tag: 'upsell' }, sort: BY_NAME },
];
const PAGE = 50;
const WARM_REPS = 3;

/**
 * B2: the accounts list (filter by owner / industry / tag, sort, pages of 50) on the app's replica in
 * Chromium: the first page right after the workspace opens in a fresh page, then every case (page 1 and
 * page 2 by its cursor) repeated warm. Also reports the count line's cost (not part of the target).
 */
export const b2AccountsList: Benchmark = {
  id: 'B2',
  title: 'accounts list pages (owner / industry / tag filters, sort, 50 rows)',
  needs: ['chromium'],
  async run(ctx) {
    const profile = await ensureAppProfile(ctx, ctx.set);
    const firsts: number[] = [];
    const p95s: number[] = [];
    const opens: number[] = [];
    const perCase = new Map<string, number[]>();
    let counts: { name: string; ms: number; count: number }[] = [];
    for (let run = 0; run < ctx.runs; run++) {
      const browser = await launchBrowser(ctx, profile);
      try {
        const page = await browser.benchPage();
        const { openMs } = await page.evaluate(() => window.__bench.openApp());
        const first = await page.evaluate(
          (c) => window.__bench.listBench({ cases: [c], reps: 1, limit: 50 }),
          LIST_CASES[0],
        );
        const warm = await page.evaluate((o) => window.__bench.listBench(o), {
          cases: LIST_CASES,
          reps: WARM_REPS,
          limit: PAGE,
          waitForIndex: true,
        });
        counts = await page.evaluate(
          (cases) => window.__bench.countBench({ cases }),
          LIST_CASES.map((c) => ({ name: c.name, filter: c.filter })),
        );
        await page.evaluate(() => window.__bench.closeApp());
        const times = warm.samples.map((s) => s.ms);
        for (const s of warm.samples)
          perCase.set(`${s.name} p${s.page}`, [
            ...(perCase.get(`${s.name} p${s.page}`) ?? []),
            s.ms,
          ]);
        firsts.push(first.samples[0].ms);
        opens.push(openMs);
        p95s.push(percentile(times, 95));
        ctx.log(
          `  run ${run + 1}: open ${openMs.toFixed(0)} ms, first page ${first.samples[0].ms.toFixed(1)} ms, warm p50 ${percentile(times, 50).toFixed(1)} / p95 ${percentile(times, 95).toFixed(1)} / max ${Math.max(...times).toFixed(1)} ms`,
        );
      } finally {
        await browser.close();
      }
    }
    const slowest = [...perCase.entries()]
      .map(([name, ms]) => [name, Math.round(median(ms) * 10) / 10] as const)
      .sort((a, b) => b[1] - a[1]);
    const metrics: MetricResult[] = [
      {
        id: 'B2.p95',
        label: 'accounts list page, warm p95',
        value: median(p95s),
        unit: 'ms',
        target: 30,
        kind: 'max',
        runs: p95s,
        set: ctx.set,
        detail: {
          cases: LIST_CASES.length,
          pageSize: PAGE,
          slowestMedians: slowest.slice(0, 5),
          counts,
        },
      },
      {
        id: 'B2.first',
        label: 'accounts list first page after start',
        value: median(firsts),
        unit: 'ms',
        target: 150,
        kind: 'max',
        runs: firsts,
        set: ctx.set,
        detail: { workspaceOpenMs: Math.round(median(opens)) },
      },
    ];
    return metrics;
  },
};

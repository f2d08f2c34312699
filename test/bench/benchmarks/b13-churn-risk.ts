import { median } from '../stats';
import { ensureAppProfile } from '../support/app-profile';
import { BENCH_DATA } from '../support/bench-data';
import { launchBrowser } from '../support/browser';
import type { Benchmark, MetricResult } from '../types';

const AGAIN = 3;
/** A rep of the generated team tree: one owner's accounts (the list filtered by owner). */
const OWNER = 'user-05';

/**
 * B13: the accounts list's churn-risk filter (issue 21) in Chromium on the app's replica: every matching account
 * scored by the shared health rule from its tickets, recent activities and contracts. The first run after opening
 * the app, and the filter switched on again.
 */
export const b13ChurnRisk: Benchmark = {
  id: 'B13',
  title: "accounts list's churn-risk filter (first / again)",
  needs: ['chromium'],
  async run(ctx) {
    const profile = await ensureAppProfile(ctx, ctx.set);
    const firsts: number[] = [];
    const agains: number[] = [];
    const owners: number[] = [];
    let detail: Record<string, unknown> = {};
    for (let run = 0; run < ctx.runs; run++) {
      const browser = await launchBrowser(ctx, profile);
      try {
        const page = await browser.benchPage();
        await page.evaluate(() => window.__bench.openApp());
        const result = await page.evaluate((o) => window.__bench.churnBench(o), {
          now: BENCH_DATA.now,
          reps: AGAIN,
          ownerId: OWNER,
        });
        await page.evaluate(() => window.__bench.closeApp());
        firsts.push(result.firstMs);
        agains.push(median(result.againMs));
        owners.push(result.ownerMs);
        detail = { atRisk: result.atRisk, owner: OWNER, ownerAtRisk: result.ownerAtRisk };
        ctx.log(
          `  run ${run + 1}: first ${result.firstMs.toFixed(0)} ms (${result.atRisk} at risk), again ${median(result.againMs).toFixed(0)} ms, one owner ${result.ownerMs.toFixed(0)} ms`,
        );
      } finally {
        await browser.close();
      }
    }
    const metrics: MetricResult[] = [
      {
        id: 'B13.first',
        label: 'churn-risk filter: first run after start',
        value: median(firsts),
        unit: 'ms',
        target: 1000,
        kind: 'max',
        runs: firsts,
        set: ctx.set,
        detail,
      },
      {
        id: 'B13.again',
        label: 'churn-risk filter: switched on again',
        value: median(agains),
        unit: 'ms',
        target: 100,
        kind: 'max',
        runs: agains,
        set: ctx.set,
      },
      {
        id: 'B13.owner',
        label: "churn-risk filter: one owner's accounts",
        value: median(owners),
        unit: 'ms',
        target: null,
        kind: 'max',
        runs: owners,
        set: ctx.set,
      },
    ];
    return metrics;
  },
};

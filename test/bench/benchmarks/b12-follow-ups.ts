import { writeFileSync } from 'node:fs';
import { median } from '../stats';
import { ensureAppProfile } from '../support/app-profile';
import { BENCH_DATA } from '../support/bench-data';
import { launchBrowser } from '../support/browser';
import type { Benchmark, MetricResult } from '../types';

/** The top-level manager of the generated team tree (总部): their own records plus the regional managers' escalations. */
const VIEWER = 'user-02';
const EDITS = 5;

/**
 * B12: every reminder, escalation and key date of one member computed from the app's replica by the follow-up
 * source (renderer/src/data/services/inbox/follow-up-source.ts) in Chromium: the first computation, then the
 * recomputation after one edit (a new last activity on an idle record), and the long tasks meanwhile.
 */
export const b12FollowUps: Benchmark = {
  id: 'B12',
  title: 'follow-up reminders and escalations from the replica (first / after one edit)',
  needs: ['chromium'],
  async run(ctx) {
    const profile = await ensureAppProfile(ctx, ctx.set);
    const firsts: number[] = [];
    const edits: number[] = [];
    const editLatencies: number[] = [];
    const longest: number[] = [];
    let detail: Record<string, unknown> = {};
    for (let run = 0; run < ctx.runs; run++) {
      const browser = await launchBrowser(ctx, profile);
      try {
        const page = await browser.benchPage();
        await page.evaluate(() => window.__bench.openApp());
        // B12_CPU_PROFILE=file.cpuprofile: a Chromium CPU profile of the measured part (for finding where time goes).
        const profilePath = process.env.B12_CPU_PROFILE;
        const cdp = profilePath ? await page.context().newCDPSession(page) : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        const result = await page.evaluate((o) => window.__bench.followUpBench(o), {
          viewerId: VIEWER,
          now: BENCH_DATA.now,
          edits: EDITS,
        });
        if (cdp && profilePath) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(profilePath, JSON.stringify(profile));
          await cdp.detach();
        }
        await page.evaluate(() => window.__bench.closeApp());
        firsts.push(result.firstMs);
        edits.push(median(result.editComputeMs));
        editLatencies.push(median(result.editToListMs));
        longest.push(result.longTasks.length ? Math.max(...result.longTasks) : 0);
        detail = {
          viewer: VIEWER,
          items: result.items,
          byRule: result.byRule,
          firstComputeMs: Math.round(result.firstComputeMs),
          editToListMs: result.editToListMs.map((ms) => Math.round(ms * 10) / 10),
          longTasks: result.longTasks.map((ms) => Math.round(ms)),
          reads: result.reads,
          slowestReads: result.slowestReads.map((r) => ({ ...r, ms: Math.round(r.ms) })),
        };
        ctx.log(
          `  slowest reads: ${JSON.stringify(result.slowestReads.map((r) => [r.collection, r.index, r.rows, Math.round(r.ms)]))}`,
        );
        ctx.log(
          `  run ${run + 1}: first ${result.firstMs.toFixed(0)} ms (${result.items} items), after an edit ${median(result.editComputeMs).toFixed(1)} ms (write → list ${median(result.editToListMs).toFixed(1)} ms), long tasks ${result.longTasks.length} (max ${longest.at(-1)!.toFixed(0)} ms)`,
        );
      } finally {
        await browser.close();
      }
    }
    const metrics: MetricResult[] = [
      {
        id: 'B12.first',
        label: 'follow-ups: first computation (start → list)',
        value: median(firsts),
        unit: 'ms',
        target: 200,
        kind: 'max',
        runs: firsts,
        set: ctx.set,
        detail,
      },
      {
        id: 'B12.edit',
        label: 'follow-ups: recomputation after one edit',
        value: median(edits),
        unit: 'ms',
        target: 16,
        kind: 'max',
        runs: edits,
        set: ctx.set,
        detail: { writeToListMs: editLatencies },
      },
      {
        id: 'B12.longTask',
        label: 'follow-ups: longest task while computing',
        value: median(longest),
        unit: 'ms',
        target: 50,
        kind: 'max',
        runs: longest,
        set: ctx.set,
      },
    ];
    return metrics;
  },
};

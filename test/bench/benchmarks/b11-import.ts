import { basename } from 'node:path';
import { median, round } from '../stats';
import { benchFilesDir, launchBrowser } from '../support/browser';
import { profiled } from '../support/cpu-profile';
import { ensureImportFiles } from '../support/import-files';
import type { Benchmark, BenchContext, MetricResult } from '../types';

type ImportRun = Awaited<ReturnType<Window['__bench']['importBench']>>;

/** Accounts already in the replica before the import (the same generator's first ones: they match rows). */
const seedFor = (rows: number) => Math.min(2000, Math.floor(rows / 20));

async function runFormat(
  ctx: BenchContext,
  file: string,
  rows: number,
): Promise<{ totals: number[]; runs: ImportRun[] }> {
  const totals: number[] = [];
  const runs: ImportRun[] = [];
  for (let run = 0; run < ctx.runs; run++) {
    // A throwaway profile per run: every import starts from the same small replica.
    const browser = await launchBrowser(ctx, null);
    try {
      const page = await browser.benchPage();
      const options = {
        url: `${browser.origin}/bench-files/${basename(file)}`,
        name: basename(file),
        seedAccounts: seedFor(rows),
        // The write's batch size, for trying others (BENCHMARKS.md); the importer's default otherwise.
        ...(process.env.B11_BATCH ? { batchSize: Number(process.env.B11_BATCH) } : {}),
      };
      // BENCH_CPU_PROFILE: the page's profile of the whole import (the write runs on the page).
      const result = await profiled(page, `${basename(file)}-${run + 1}`, () =>
        page.evaluate((o) => window.__bench.importBench(o), options),
      );
      if (result.rows !== rows) throw new Error(`read ${result.rows} rows of ${rows}`);
      if (result.created + result.skipped + result.failed + result.rejected !== rows)
        throw new Error(`rows unaccounted for: ${JSON.stringify(result)}`);
      totals.push(result.totalMs / 1000);
      runs.push(result);
      const phases = Object.entries(result.phases)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`)
        .join(', ');
      ctx.log(
        `  run ${run + 1} ${basename(file)}: ${(result.totalMs / 1000).toFixed(1)} s (${phases}); ${result.created} created, ${result.skipped} skipped in ${result.groups} duplicate groups, ${result.rejected} rejected, ${result.failed} failed; heap ${result.startHeapMb.toFixed(0)} → peak ${result.peakHeapMb.toFixed(0)} MB; long tasks ${result.longTasks.count}, longest ${result.longTasks.maxMs.toFixed(0)} ms`,
      );
    } finally {
      await browser.close();
    }
  }
  return { totals, runs };
}

function detailOf(runs: ImportRun[]): Record<string, unknown> {
  const phases: Record<string, number> = {};
  for (const name of Object.keys(runs[0]?.phases ?? {}))
    phases[name] = round(median(runs.map((r) => r.phases[name] / 1000)), 2);
  const last = runs[runs.length - 1];
  return {
    phasesSeconds: phases,
    rows: last?.rows,
    created: last?.created,
    skippedAsDuplicates: last?.skipped,
    duplicateGroups: last?.groups,
    rejected: last?.rejected,
    failed: last?.failed,
    peakHeapMb: round(median(runs.map((r) => r.peakHeapMb)), 1),
    longestLongTaskMs: round(median(runs.map((r) => r.longTasks.maxMs)), 0),
    longTasks: last?.longTasks,
  };
}

/**
 * B11: the set's accounts (100,000 on set L) imported from a CSV file (UTF-8 with BOM, Chinese headers) and
 * from an XLSX file, each through the real engine in Chromium (support/import-files.ts writes them; the bench
 * page's `importBench` runs the wizard's steps). Reports total seconds against ≤ 30 s, the phase split, the
 * page's peak JS heap and its longest long task (the UI is responsive when the work is in the worker).
 */
export const b11Import: Benchmark = {
  id: 'B11',
  covers: ['B11.csv', 'B11.xlsx'],
  title: 'import accounts from CSV and XLSX (validation, duplicates, into the replica)',
  needs: ['chromium'],
  async run(ctx) {
    ctx.log('  writing the import files …');
    const files = await ensureImportFiles(benchFilesDir(ctx), ctx.set);
    const metrics: MetricResult[] = [];
    for (const [format, file] of [
      ['csv', files.csv],
      ['xlsx', files.xlsx],
    ] as const) {
      const { totals, runs } = await runFormat(ctx, file, files.rows);
      const detail = detailOf(runs);
      metrics.push(
        {
          id: `B11.${format}`,
          label: `import ${files.rows.toLocaleString('en')} accounts from ${format.toUpperCase()}, total`,
          value: round(median(totals), 2),
          unit: 's',
          target: 30,
          kind: 'max',
          runs: totals.map((t) => round(t, 2)),
          set: ctx.set,
          detail,
        },
        {
          id: `B11.${format}.heap`,
          label: `import from ${format.toUpperCase()}: page JS heap peak`,
          value: round(median(runs.map((r) => r.peakHeapMb)), 1),
          unit: 'MB',
          target: null,
          kind: 'max',
          runs: runs.map((r) => round(r.peakHeapMb, 1)),
          set: ctx.set,
        },
        {
          id: `B11.${format}.longtask`,
          label: `import from ${format.toUpperCase()}: longest main-thread task`,
          value: round(median(runs.map((r) => r.longTasks.maxMs)), 0),
          unit: 'ms',
          target: null,
          kind: 'max',
          runs: runs.map((r) => round(r.longTasks.maxMs, 0)),
          set: ctx.set,
        },
      );
    }
    return metrics;
  },
};

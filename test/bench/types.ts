import type { SampleSizeName } from '@shared/sample-data';

/** One measured metric of one benchmark, reduced over several runs (the median of per-run values). */
export interface MetricResult {
  /** 'B1', 'B2.p95', 'B2.first', … (BENCHMARKS.md "Targets" numbering). */
  id: string;
  /** What it is, in a few words (table column). */
  label: string;
  /** The median of `runs`. */
  value: number;
  unit: string;
  /** null: reported for context only (no target). */
  target: number | null;
  /** 'max': value must stay ≤ target; 'min': value must reach ≥ target. */
  kind: 'max' | 'min';
  /** The per-run values the median was taken from. */
  runs: number[];
  /** Data set the metric was measured on. */
  set: SampleSizeName | 'n/a';
  /** Extra context (reference figures, counts, why a target is out of reach). */
  detail?: Record<string, unknown>;
}

export interface BenchContext {
  /** Data set requested on the command line (benchmarks may add a larger one where BENCHMARKS.md "Targets" says so). */
  set: SampleSizeName;
  runs: number;
  /** Project root. */
  root: string;
  /** Scratch space (PGlite data directories, Chromium profiles); kept between invocations for seeded sets. */
  workDir: string;
  log(message: string): void;
}

export interface Benchmark {
  id: string;
  /** Other ids this benchmark measures in the same pass (B6 also gives B7); selecting them runs it. */
  covers?: readonly string[];
  title: string;
  /** What it needs: the web build in Chromium, Node only, or both. */
  needs: readonly ('chromium' | 'server')[];
  run(ctx: BenchContext): Promise<MetricResult[]>;
}

/** The row printed and written to JSON (the issue's `{ id, value, unit, target, ratio, pass }` plus context). */
export interface BenchRow {
  id: string;
  label: string;
  value: number;
  unit: string;
  target: number | null;
  ratio: number | null;
  pass: boolean | null;
  /** 'max': the figure must stay ≤ target; 'min': it must reach ≥ target. */
  kind: 'max' | 'min';
  set: string;
  runs: number[];
  machine: string;
  date: string;
  detail?: Record<string, unknown>;
}

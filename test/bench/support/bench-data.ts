/**
 * The fixed parameters of every generated benchmark data set (BENCHMARKS.md "Data sets"): same seed,
 * same "now" and time zone, so every machine and run gets byte-identical data.
 */
export const BENCH_DATA = {
  seed: 1,
  now: Date.UTC(2026, 0, 15, 2, 0, 0),
  utcOffsetMinutes: 480,
} as const;

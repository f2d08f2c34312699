import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { BENCHMARKS } from '../test/bench/benchmarks';
import { describeMachine, formatTable, recordResults, toRow } from '../test/bench/report';
import type { BenchContext, BenchRow } from '../test/bench/types';

const USAGE = `npm run bench -- [ids…] [--set S|M|L] [--runs n] [--json] [--record] [--no-build]

  ids        benchmarks to run (B1 B2 …; default: all)
  --set      data set (BENCHMARKS.md "Data sets"; default M)
  --runs     runs per benchmark; the figure is the median (default 3)
  --json     print the rows as a JSON array on the last line
  --record   merge the rows into bench-results.json and the table in BENCHMARKS.md
  --no-build use out/web and out/bench as they are (default: build both first)`;

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    set: { type: 'string', default: 'M' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const set = values.set.toUpperCase();
if (set !== 'S' && set !== 'M' && set !== 'L')
  throw new Error(`--set must be S, M or L (got ${values.set})`);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive integer (got ${values.runs})`);
const wanted = positionals.map((p) => p.toUpperCase());
// Ids are matched case-insensitively ('b4.ui' selects B4.ui).
const idsOf = (b: (typeof BENCHMARKS)[number]) =>
  [b.id, ...(b.covers ?? [])].map((id) => id.toUpperCase());
const unknown = wanted.filter((id) => !BENCHMARKS.some((b) => idsOf(b).includes(id)));
if (unknown.length > 0)
  throw new Error(
    `unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.flatMap(idsOf).join(' ')}`,
  );
const selected =
  wanted.length > 0
    ? BENCHMARKS.filter((b) => idsOf(b).some((id) => wanted.includes(id)))
    : BENCHMARKS;

// Progress goes to stderr; stdout carries the table (and with --json the rows as its last line).
const log = (message: string) => process.stderr.write(message + '\n');
const workDir = join(root, '.data', 'bench');
mkdirSync(workDir, { recursive: true });
const ctx: BenchContext = { set: set, runs, root, workDir, log };

if (!values['no-build'] && selected.some((b) => b.needs.includes('chromium'))) {
  log('building out/web and out/bench …');
  await build({ configFile: join(root, 'vite.web.config.ts'), logLevel: 'warn' });
  await build({ configFile: join(root, 'vite.bench.config.ts'), logLevel: 'warn' });
}

const machine = describeMachine();
const rows: BenchRow[] = [];
let failures = 0;
for (const benchmark of selected) {
  const date = new Date().toISOString();
  log(`${benchmark.id} ${benchmark.title} (set ${set}, ${runs} run${runs > 1 ? 's' : ''})`);
  const started = performance.now();
  try {
    const metrics = await benchmark.run(ctx);
    rows.push(...metrics.map((m) => toRow(m, machine, date)));
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failures += 1;
    log(
      `  ${benchmark.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}

console.log(formatTable(rows));
if (values.record) {
  recordResults(rows, join(root, 'bench-results.json'), join(root, 'BENCHMARKS.md'));
  log('recorded in bench-results.json and BENCHMARKS.md');
}
if (values.json) console.log(JSON.stringify(rows));
// Missing a target is a finding, not a crash: only a benchmark that could not run fails the command.
process.exit(failures > 0 ? 1 : 0);

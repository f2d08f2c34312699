import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { round } from './stats';
import type { BenchRow, MetricResult } from './types';

/** "Intel Xeon … ×2, 23 GB, Node 20.20.0, Chromium 156" — enough to tell machines apart in the results. */
export function describeMachine(
  chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  let chromium = '';
  try {
    const version = execFileSync(chromiumPath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).match(/\d+(\.\d+)+/)?.[0];
    if (version) chromium = `, Chromium ${version.split('.')[0]}`;
  } catch {
    // No Chromium: Node-only benchmarks still run.
  }
  return `${model} ×${cpu.length}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}${chromium}`;
}

export function toRow(metric: MetricResult, machine: string, date: string): BenchRow {
  const ratio =
    metric.target === null || metric.target === 0 ? null : round(metric.value / metric.target, 3);
  const pass =
    metric.target === null
      ? null
      : metric.kind === 'max'
        ? metric.value <= metric.target
        : metric.value >= metric.target;
  return {
    id: metric.id,
    label: metric.label,
    value: round(metric.value, metric.value >= 100 ? 0 : 2),
    unit: metric.unit,
    target: metric.target,
    ratio,
    pass,
    kind: metric.kind,
    set: metric.set,
    runs: metric.runs.map((v) => round(v, v >= 100 ? 0 : 2)),
    machine,
    date,
    ...(metric.detail ? { detail: metric.detail } : {}),
  };
}

function formatTarget(row: BenchRow): string {
  if (row.target === null) return '—';
  return `${row.kind === 'max' ? '≤' : '≥'} ${row.target} ${row.unit}`;
}

/** The human table: one row per metric. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'id',
    'metric',
    'set',
    'median',
    'target',
    'ratio',
    'pass',
    'runs',
    'machine',
    'date',
  ];
  const body = rows.map((r) => [
    r.id,
    r.label,
    r.set,
    `${r.value} ${r.unit}`,
    formatTarget(r),
    r.ratio === null ? '—' : String(r.ratio),
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
    r.runs.join(' / '),
    r.machine,
    r.date.slice(0, 16).replace('T', ' '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - [...c].length))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

interface ResultsFile {
  /** Latest row per set and metric id. */
  results: BenchRow[];
}

/**
 * Merges rows into the results file (latest per set + id wins) and rewrites the generated table in
 * BENCHMARKS.md between its markers, so the document and the JSON never disagree.
 */
export function recordResults(
  rows: readonly BenchRow[],
  resultsPath: string,
  markdownPath: string,
): void {
  const file: ResultsFile = existsSync(resultsPath)
    ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile)
    : { results: [] };
  const key = (r: BenchRow) => `${r.set}|${r.id}`;
  const merged = new Map(file.results.map((r) => [key(r), r]));
  for (const row of rows) merged.set(key(row), row);
  const sorted = [...merged.values()].sort(
    (a, b) => a.set.localeCompare(b.set) || compareIds(a.id, b.id),
  );
  writeFileSync(resultsPath, JSON.stringify({ results: sorted }, null, 2) + '\n');
  if (!existsSync(markdownPath)) return;
  const markdown = readFileSync(markdownPath, 'utf8');
  const start = '<!-- bench-results:start -->';
  const end = '<!-- bench-results:end -->';
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) return;
  const table = [
    '| id | metric | set | figure | target | ratio | pass | runs | machine | date |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map(
      (r) =>
        `| ${r.id} | ${r.label} | ${r.set} | ${r.value} ${r.unit} | ${formatTarget(r)} | ${r.ratio ?? '—'} | ${r.pass === null ? 'info' : r.pass ? 'pass' : '**fail**'} | ${r.runs.join(' / ')} | ${r.machine} | ${r.date.slice(0, 16).replace('T', ' ')} |`,
    ),
  ].join('\n');
  writeFileSync(
    markdownPath,
    markdown.slice(0, from + start.length) + '\n' + table + '\n' + markdown.slice(to),
  );
}

function compareIds(a: string, b: string): number {
  const num = (id: string) => Number(id.match(/^B(\d+)/)?.[1] ?? 0);
  return num(a) - num(b) || a.localeCompare(b);
}

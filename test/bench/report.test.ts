import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTable, recordResults, toRow } from './report';
import { median, percentile } from './stats';
import type { MetricResult } from './types';

const machine = 'Test CPU ×2, 24 GB, Node 20.20.2';
const date = '2026-12-02T17:00:00.000Z';

function metric(overrides: Partial<MetricResult>): MetricResult {
  return {
    id: 'B2.p95',
    label: 'accounts list page, warm p95',
    value: 6.2,
    unit: 'ms',
    target: 30,
    kind: 'max',
    runs: [7.4, 6.2, 4.9],
    set: 'M',
    ...overrides,
  };
}

describe('toRow', () => {
  it('gives the ratio to target and passes a "max" metric at or under its target', () => {
    const row = toRow(metric({}), machine, date);
    expect(row).toMatchObject({
      id: 'B2.p95',
      value: 6.2,
      unit: 'ms',
      target: 30,
      ratio: 0.207,
      pass: true,
      machine,
      date,
    });
    expect(toRow(metric({ value: 31 }), machine, date).pass).toBe(false);
    expect(toRow(metric({ value: 30 }), machine, date).pass).toBe(true);
  });

  it('passes a "min" metric only when it reaches its target', () => {
    expect(
      toRow(metric({ id: 'B1', value: 0.33, unit: '×', target: 0.8, kind: 'min' }), machine, date),
    ).toMatchObject({ ratio: 0.413, pass: false });
    expect(
      toRow(metric({ id: 'B1', value: 0.85, unit: '×', target: 0.8, kind: 'min' }), machine, date)
        .pass,
    ).toBe(true);
  });

  it('reports context-only metrics (no target) with no ratio and no verdict', () => {
    expect(
      toRow(metric({ id: 'B1.throughput', target: null, value: 1618.4 }), machine, date),
    ).toMatchObject({ value: 1618, ratio: null, pass: null });
  });

  it('survives a JSON round trip with the fields the issue names', () => {
    const [parsed] = JSON.parse(JSON.stringify([toRow(metric({}), machine, date)])) as Record<
      string,
      unknown
    >[];
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining(['id', 'value', 'unit', 'target', 'ratio', 'pass']),
    );
  });
});

describe('formatTable', () => {
  it('prints one line per metric with its figure, target, verdict, machine and date', () => {
    const lines = formatTable([
      toRow(metric({}), machine, date),
      toRow(metric({ id: 'B6', value: 1410, target: 1000, runs: [1410] }), machine, date),
    ]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^B2\.p95 .*6\.2 ms .*≤ 30 ms .*0\.207 .*PASS .*Test CPU ×2.*2026-12-02 17:00/,
    );
    expect(lines[3]).toMatch(/^B6 .*1410 ms .*FAIL/);
  });
});

describe('recordResults', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the latest row per set and id and rewrites only the table between the markers', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    const json = join(dir, 'bench-results.json');
    const md = join(dir, 'BENCHMARKS.md');
    writeFileSync(
      md,
      '# Results\n\n<!-- bench-results:start -->\nold table\n<!-- bench-results:end -->\n\n## Notes kept\n',
    );
    recordResults(
      [
        toRow(metric({ value: 9 }), machine, date),
        toRow(metric({ set: 'L', value: 12 }), machine, date),
      ],
      json,
      md,
    );
    recordResults([toRow(metric({ value: 6 }), machine, '2026-12-02T18:00:00.000Z')], json, md);

    const { results } = JSON.parse(readFileSync(json, 'utf8')) as {
      results: { set: string; value: number }[];
    };
    expect(results.map((r) => [r.set, r.value])).toEqual([
      ['L', 12],
      ['M', 6],
    ]);
    const text = readFileSync(md, 'utf8');
    expect(text).not.toContain('old table');
    expect(text).toContain('| B2.p95 | accounts list page, warm p95 | M | 6 ms | ≤ 30 ms |');
    expect(text).toContain('## Notes kept');
  });
});

describe('stats', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile([5], 95)).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

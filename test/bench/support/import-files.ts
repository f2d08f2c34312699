import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { generateSampleData, SAMPLE_SIZES, type SampleSizeName } from '@shared/sample-data';
import { importLabels } from '@renderer/data/services/import/import-labels';
import type { Account } from '@shared/domain';
import { BENCH_DATA } from './bench-data';

/** The columns of a customer list as a Chinese user exports it from another system (labels, not codes). */
export const B11_HEADERS = [
  '客户名称',
  '统一社会信用代码',
  '所属行业',
  '人员规模',
  '省份',
  '客户来源',
  '客户等级',
  '客户状态',
  '标签',
  '公司电话',
  '官网',
  '详细地址',
  '负责人',
  '备注',
];

export interface ImportFiles {
  rows: number;
  csv: string;
  xlsx: string;
}

/**
 * B11's input: the set's accounts from the sample-data generator written out as a user's export would be — a
 * UTF-8 CSV with a BOM and an XLSX workbook, Chinese headers, list values as their Chinese labels, owners by
 * name. Written once per set under `dir` and reused (the generator is deterministic).
 */
export async function ensureImportFiles(dir: string, set: SampleSizeName): Promise<ImportFiles> {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `b11-accounts-${set}`);
  const files = { rows: SAMPLE_SIZES[set].accounts, csv: `${base}.csv`, xlsx: `${base}.xlsx` };
  if (existsSync(files.csv) && existsSync(files.xlsx)) return files;
  const data = generateSampleData({
    ...BENCH_DATA,
    size: { accounts: files.rows },
    workspaceId: 'b11-source',
  });
  const ownerName = new Map([...data.records('members')].map((m) => [m.id, m.name]));
  const labels = importLabels();
  const zh = (list: string, code: string) =>
    code === '' ? '' : (labels[list]?.[code]?.[0] ?? code);
  const cells = (a: Account): string[] => [
    a.name,
    a.creditCode,
    zh('industry', a.industry),
    zh('sizeBand', a.sizeBand),
    zh('region', a.region),
    zh('source', a.source),
    zh('tier', a.tier),
    zh('accountStatus', a.status),
    a.tags.map((t) => zh('lifecycleTag', t) || zh('accountTag', t)).join('，'),
    a.phone,
    a.website,
    a.address,
    ownerName.get(a.ownerId) ?? '',
    a.notes,
  ];

  const lines: string[] = ['\uFEFF' + Papa.unparse([B11_HEADERS])];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${files.xlsx}.part`,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(B11_HEADERS).commit();
  for (const batch of data.batches('accounts', 5000)) {
    const rows = batch.map(cells);
    lines.push(Papa.unparse(rows));
    for (const row of rows) sheet.addRow(row).commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(`${files.xlsx}.part`, files.xlsx);
  writeFileSync(files.csv, lines.join('\r\n') + '\r\n');
  return files;
}

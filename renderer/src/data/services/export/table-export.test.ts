// @vitest-environment node
// Node's Blob reads back (jsdom's has no arrayBuffer); the writer itself knows no DOM until it saves.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { buildExport, cursorPages, type ExportColumn } from './table-export';

interface Row {
  name: string;
  amount: number | null;
  count: number;
  closeDate: string;
  updatedAt: number;
}

const columns: ExportColumn<Row>[] = [
  { key: 'name', header: '客户名称', type: 'text', value: (r) => r.name },
  { key: 'amount', header: '金额', type: 'money', value: (r) => r.amount },
  { key: 'count', header: 'Count', type: 'number', value: (r) => r.count },
  { key: 'closeDate', header: '预计成交日期', type: 'date', value: (r) => r.closeDate },
  { key: 'updatedAt', header: '更新时间', type: 'datetime', value: (r) => r.updatedAt },
];

const updatedAt = new Date(2026, 11, 7, 9, 30).getTime(); // local time
const rows: Row[] = [
  { name: '华为技术有限公司', amount: 1234567.5, count: 3, closeDate: '2026-12-31', updatedAt },
  { name: 'Quote "A", Inc.\nSecond line', amount: null, count: 0, closeDate: '', updatedAt },
];

describe('buildExport — CSV', () => {
  it('starts with the UTF-8 BOM, quotes what needs quoting and writes plain numbers and dates', async () => {
    const built = await buildExport({ columns, rows, format: 'csv', fileName: '客户' });
    expect(built.fileName).toBe('客户.csv');
    expect(built.rowCount).toBe(2);
    const bytes = new Uint8Array(await built.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['客户名称', '金额', 'Count', '预计成交日期', '更新时间'],
      ['华为技术有限公司', '1234567.5', '3', '2026-12-31', '2026-12-07 09:30'],
      // A hidden or empty amount is empty, never 0; a 0 count stays 0.
      ['Quote "A", Inc.\nSecond line', '', '0', '', '2026-12-07 09:30'],
    ]);
    expect(text).toContain('"Quote ""A"", Inc.\nSecond line"');
  });

  it('reads a paged source page by page with progress, and a cancel stops it', async () => {
    let served = 0;
    const source = cursorPages<Row, number>(async (limit, cursor) => {
      await Promise.resolve(); // a repository answers later
      const start = cursor ?? 0;
      const page = Array.from({ length: Math.min(limit, 25 - start) }, (_, i) => ({
        ...rows[0],
        count: start + i,
      }));
      served += page.length;
      return { rows: page, next: start + limit < 25 ? start + limit : null };
    }, 10);
    const progress: number[] = [];
    const built = await buildExport({
      columns,
      rows: source,
      format: 'csv',
      fileName: 'x',
      total: 25,
      onProgress: (done) => progress.push(done),
    });
    expect(built.rowCount).toBe(25);
    expect(served).toBe(25);
    expect(progress).toEqual([0, 10, 20, 25]);

    const controller = new AbortController();
    const cancelled = buildExport({
      columns,
      rows: cursorPages<Row, number>(async (_limit, cursor) => {
        await Promise.resolve();
        if (cursor === 1) controller.abort();
        return { rows: [rows[0]], next: (cursor ?? 0) + 1 };
      }, 1),
      format: 'csv',
      fileName: 'x',
      signal: controller.signal,
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('buildExport — XLSX', () => {
  it('writes typed cells, a bold frozen header and widths that exceljs reads back', async () => {
    const built = await buildExport({ columns, rows, format: 'xlsx', fileName: '商机' });
    expect(built.fileName).toBe('商机.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await built.blob.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('商机');
    expect(sheet.rowCount).toBe(3);
    const header = sheet.getRow(1);
    expect(header.values).toEqual([
      undefined,
      '客户名称',
      '金额',
      'Count',
      '预计成交日期',
      '更新时间',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('华为技术有限公司');
    expect(first.getCell(2).value).toBe(1234567.5);
    expect(first.getCell(2).numFmt).toBe('#,##0.00');
    expect(first.getCell(3).value).toBe(3);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(4).value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    // The wall-clock time the list showed, whatever the time zone.
    expect((first.getCell(5).value as Date).toISOString()).toBe('2026-12-07T09:30:00.000Z');

    const second = sheet.getRow(3);
    expect(second.getCell(2).value).toBeNull();
    expect(second.getCell(3).value).toBe(0);
    expect(second.getCell(4).value).toBeNull();

    // Chinese names are wide: the first column is wider than the minimum.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(18);
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(17);
  });
});

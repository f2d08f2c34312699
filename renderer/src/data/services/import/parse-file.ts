import Papa from 'papaparse';
import { decodeText, type DetectedEncoding } from '@shared/import/encoding';

/**
 * Reading an import file (issue 17) into a table: the header row and the data rows as cells. CSV goes through
 * papaparse after the encoding is detected (UTF-8, UTF-8 with BOM, GB18030); XLSX through exceljs (first sheet),
 * with typed cells kept typed (numbers stay numbers, dates stay Dates) so value mapping sees what Excel held.
 */
export type ImportCell = string | number | boolean | Date | null;

export interface ParsedTable {
  format: 'csv' | 'xlsx';
  encoding?: DetectedEncoding;
  headers: string[];
  /**
   * Data rows; row i is the file's line i + 2 (line 1 holds the headers). Blank rows inside the table are kept, so
   * a reported line is the one Excel shows (checking skips them); blank rows at the end are dropped.
   */
  rows: ImportCell[][];
}

const isBlankCell = (cell: ImportCell) =>
  cell === null || (typeof cell === 'string' && cell.trim() === '');

/** Rows that hold something (what the wizard counts). */
export function filledRowCount(rows: readonly (readonly ImportCell[])[]): number {
  let count = 0;
  for (const row of rows) if (!row.every(isBlankCell)) count++;
  return count;
}

function withoutTrailingBlankRows(rows: ImportCell[][]): ImportCell[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every(isBlankCell)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}

export function formatOf(fileName: string): 'csv' | 'xlsx' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Parses CSV text on the calling thread (tests, small files; the worker calls this too). */
export function parseCsvText(text: string): Omit<ParsedTable, 'format'> {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((h) => h.trim()), rows: withoutTrailingBlankRows(rows) };
}

export function parseCsvBytes(bytes: Uint8Array): ParsedTable {
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, ...parseCsvText(text) };
}

/** Reads the first worksheet of an XLSX workbook. Formula cells give their cached result. */
export async function parseXlsx(data: ArrayBuffer): Promise<ParsedTable> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { format: 'xlsx', headers: [], rows: [] };
  const width = sheet.columnCount;
  const table: ImportCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: ImportCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    table.push(cells);
  });
  const [headers = [], ...rows] = table;
  return {
    format: 'xlsx',
    headers: headers.map((h) => (h === null ? '' : textOf(h))),
    rows: withoutTrailingBlankRows(rows),
  };
}

function textOf(cell: Exclude<ImportCell, null>): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** exceljs cell values (rich text, hyperlinks, formulas, errors) → a plain cell. */
function cellValue(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (v.text !== undefined) return cellValue(v.text);
    if (v.error) return null;
  }
  return null;
}

/** Parses a file by its name's extension, on the calling thread. */
export async function parseImportFile(name: string, data: ArrayBuffer): Promise<ParsedTable> {
  const format = formatOf(name);
  if (format === 'xlsx') return parseXlsx(data);
  if (format === 'csv') return parseCsvBytes(new Uint8Array(data));
  throw new Error(`unsupported import file: ${name}`);
}

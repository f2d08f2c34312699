import Papa from 'papaparse';
import { decodeText, type DetectedEncoding } from '@shared/import/encoding';
import { readXlsx } from '../xlsx/xlsx-reader';

/**
 * Reading an import file (issue 17) into a table: the header row and the data rows as cells. CSV goes through
 * papaparse after the encoding is detected (UTF-8, UTF-8 with BOM, GB18030); XLSX through the streaming reader
 * (first sheet, ../xlsx/xlsx-reader.ts), with typed cells kept typed (numbers stay numbers, dates stay Dates) so value mapping sees what Excel held.
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

/**
 * Reads the first worksheet of an XLSX workbook with the streaming reader (rows are taken as they are parsed,
 * no workbook object model). Formula cells give their cached result; rows missing from the file are blank rows.
 */
export function parseXlsx(data: ArrayBuffer): ParsedTable {
  const table: ImportCell[][] = [];
  let width = 0;
  readXlsx(new Uint8Array(data), (cells, rowNumber) => {
    while (table.length < rowNumber - 1) table.push([]);
    table.push(cells);
    if (cells.length > width) width = cells.length;
  });
  for (const row of table) while (row.length < width) row.push(null);
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

/** Parses a file by its name's extension, on the calling thread. */
export async function parseImportFile(name: string, data: ArrayBuffer): Promise<ParsedTable> {
  await Promise.resolve(); // callers await a parse; a thrown parse error becomes a rejection
  const format = formatOf(name);
  if (format === 'xlsx') return parseXlsx(data);
  if (format === 'csv') return parseCsvBytes(new Uint8Array(data));
  throw new Error(`unsupported import file: ${name}`);
}

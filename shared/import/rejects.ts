import Papa from 'papaparse';
import type { RowIssue } from './validate-rows';

/**
 * Rejected rows back out (issue 17): the file's own columns, unchanged, plus one reason column, so a person
 * fixes the cells and imports the file again. Reasons are written in the user's language by `describe`.
 */
export interface RejectsInput {
  headers: readonly string[];
  /** The file's rows as read (without the header row), indexed by row number − 2 (line 1 is the header). */
  rows: readonly (readonly unknown[])[];
  issues: readonly RowIssue[];
  /** The reason column's header, e.g. "错误原因". */
  reasonHeader: string;
  /** One issue in words, e.g. "手机: 手机号格式不正确". */
  describe: (issue: RowIssue) => string;
}

/** The rejected rows (in file order) with their reasons joined by "; ". */
export function rejectRows(input: RejectsInput): string[][] {
  const byRow = new Map<number, RowIssue[]>();
  for (const issue of input.issues) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const cells = (input.rows[row - 2] ?? []).map(cellText);
      while (cells.length < input.headers.length) cells.push('');
      return [...cells, (byRow.get(row) ?? []).map(input.describe).join('; ')];
    });
}

/** The rejects as a CSV file's text, with a UTF-8 BOM so Excel opens Chinese correctly. */
export function rejectsCsv(input: RejectsInput): string {
  return '\uFEFF' + Papa.unparse([[...input.headers, input.reasonHeader], ...rejectRows(input)]);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

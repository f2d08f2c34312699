import Papa from 'papaparse';
import { XLSX_MIME, XlsxWriter, type XlsxColumnFormat } from '../xlsx/xlsx-writer';

/**
 * Export of a table that knows no record kind (issue 17, "Export"): the caller describes the columns (header
 * in the UI language, cell type, value of a row) and hands the rows, all at once or page by page; this writes
 * CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) or XLSX (typed cells) and offers the file.
 */
export type ExportCellType = 'text' | 'number' | 'money' | 'date' | 'datetime';

/**
 * A cell's value. `date` takes 'YYYY-MM-DD' or epoch ms, `datetime` epoch ms, `number`/`money` a number.
 * null/undefined/'' is an empty cell: a field hidden by the field policy exports as empty, never as 0.
 */
export type ExportValue = string | number | null | undefined;

export interface ExportColumn<T> {
  key: string;
  /** The header the list shows (the UI language); the import's header guessing knows the field labels. */
  header: string;
  type: ExportCellType;
  value: (row: T) => ExportValue;
}

/** The rows: an array, or pages read one after the other (a large list is never read at once). */
export type ExportRowSource<T> = readonly T[] | AsyncIterable<readonly T[]>;

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportOptions<T> {
  columns: readonly ExportColumn<T>[];
  rows: ExportRowSource<T>;
  format: ExportFormat;
  /** Without the extension. */
  fileName: string;
  /** How many rows there are, when known (for the progress). */
  total?: number;
  onProgress?: (done: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

export interface BuiltExport {
  blob: Blob;
  fileName: string;
  rowCount: number;
}

export const CSV_MIME = 'text/csv;charset=utf-8';
export { XLSX_MIME };
const BOM = '\uFEFF';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isEmpty(value: ExportValue): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}

/** Local calendar parts of a date cell value ('YYYY-MM-DD' or epoch ms); null when it is no date. */
function dateParts(
  value: string | number,
  withTime: boolean,
): [number, number, number, number, number] | null {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value);
    if (!m) return null;
    return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)];
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return [
    d.getFullYear(),
    d.getMonth() + 1,
    d.getDate(),
    withTime ? d.getHours() : 0,
    withTime ? d.getMinutes() : 0,
  ];
}

/** A value as CSV text: numbers without grouping or currency (they import back as numbers), dates as the UI writes them. */
export function csvText(type: ExportCellType, value: ExportValue): string {
  if (isEmpty(value)) return '';
  switch (type) {
    case 'number':
    case 'money':
      return typeof value === 'number' ? String(value) : value;
    case 'date':
    case 'datetime': {
      const parts = dateParts(value, type === 'datetime');
      if (!parts) return String(value);
      const [y, mo, d, h, mi] = parts;
      const date = `${y}-${pad(mo)}-${pad(d)}`;
      return type === 'date' ? date : `${date} ${pad(h)}:${pad(mi)}`;
    }
    default:
      return String(value);
  }
}

/**
 * A value as an XLSX cell value. Dates become Dates whose UTC parts are the local wall-clock time (Excel has
 * no time zones: the cell shows what the list showed).
 */
export function xlsxValue(type: ExportCellType, value: ExportValue): string | number | Date | null {
  if (isEmpty(value)) return null;
  switch (type) {
    case 'number':
    case 'money': {
      if (typeof value === 'number') return value;
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case 'date':
    case 'datetime': {
      const parts = dateParts(value, type === 'datetime');
      if (!parts) return String(value);
      const [y, mo, d, h, mi] = parts;
      return new Date(Date.UTC(y, mo - 1, d, h, mi));
    }
    default:
      return String(value);
  }
}

/** Display width of a text in spreadsheet columns: CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

function abortError(): Error {
  return new DOMException('The export was cancelled', 'AbortError');
}

async function* pagesOf<T>(rows: ExportRowSource<T>): AsyncIterable<readonly T[]> {
  if (Symbol.asyncIterator in rows) {
    yield* rows;
  } else {
    const array = rows;
    // Arrays go in slices too, so the progress moves and a cancel is heard.
    for (let i = 0; i < array.length; i += 1000) yield array.slice(i, i + 1000);
  }
}

/** Lets the page paint (the progress) between pages. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const SAMPLE_ROWS = 200;

/** The XLSX number format of each cell type (plain numbers stay General: counts and decimals alike). */
const XLSX_FORMATS: Record<ExportCellType, XlsxColumnFormat> = {
  text: 'general',
  number: 'general',
  money: 'money',
  date: 'date',
  datetime: 'datetime',
};

/** Builds the file (does not save it): CSV with a BOM, or XLSX with typed cells, a bold frozen header and column widths. */
export async function buildExport<T>(options: ExportOptions<T>): Promise<BuiltExport> {
  const { columns, format, signal, onProgress, total } = options;
  const throwIfAborted = () => {
    if (signal?.aborted) throw abortError();
  };
  throwIfAborted();
  let done = 0;
  onProgress?.(0, total);

  if (format === 'csv') {
    const parts: string[] = [
      BOM + Papa.unparse([columns.map((c) => c.header)], { newline: '\r\n' }),
    ];
    for await (const page of pagesOf(options.rows)) {
      throwIfAborted();
      if (page.length > 0) {
        const data = page.map((row) => columns.map((c) => csvText(c.type, c.value(row))));
        parts.push('\r\n' + Papa.unparse(data, { newline: '\r\n' }));
      }
      done += page.length;
      onProgress?.(done, total);
      await nextTick();
    }
    throwIfAborted();
    parts.push('\r\n');
    return {
      blob: new Blob(parts, { type: CSV_MIME }),
      fileName: `${options.fileName}.csv`,
      rowCount: done,
    };
  }

  // XLSX streams: rows go through the zip as each page arrives and only compressed chunks are kept. Column
  // widths must precede the rows in the sheet, so they are measured on the first page.
  const parts: BlobPart[] = [];
  let writer: XlsxWriter | null = null;
  const startWriter = (sample: readonly T[]) => {
    const widths = columns.map((c) => textWidth(c.header));
    for (const row of sample.slice(0, SAMPLE_ROWS))
      columns.forEach((c, i) => {
        widths[i] = Math.max(widths[i], textWidth(csvText(c.type, c.value(row))));
      });
    return new XlsxWriter({
      sheetName: options.fileName,
      columns: columns.map((c, i) => {
        const min = c.type === 'datetime' ? 17 : c.type === 'date' ? 12 : 8;
        return {
          header: c.header,
          format: XLSX_FORMATS[c.type],
          width: Math.min(50, Math.max(min, widths[i] + 2)),
        };
      }),
    });
  };
  for await (const page of pagesOf(options.rows)) {
    throwIfAborted();
    writer ??= startWriter(page);
    for (const row of page) writer.addRow(columns.map((c) => xlsxValue(c.type, c.value(row))));
    parts.push(...(writer.takeChunks() as BlobPart[]));
    done += page.length;
    onProgress?.(done, total);
    await nextTick();
  }
  throwIfAborted();
  writer ??= startWriter([]);
  parts.push(...(writer.finish() as BlobPart[]));
  return {
    blob: new Blob(parts, { type: XLSX_MIME }),
    fileName: `${options.fileName}.xlsx`,
    rowCount: done,
  };
}

/** Offers a file as a download (web build and Electron alike: the preload has no save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken the blob once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds the file and offers it for download; returns how many rows were written. */
export async function exportTable<T>(options: ExportOptions<T>): Promise<number> {
  const built = await buildExport(options);
  saveBlob(built.blob, built.fileName);
  return built.rowCount;
}

/**
 * Pages of a list read for an export: `fetchPage` as the list hooks read it (keyset cursor), a page larger
 * than the screen's, until a page says there is no next.
 */
export async function* cursorPages<T, C>(
  fetchPage: (limit: number, cursor: C | null) => Promise<{ rows: T[]; next: C | null }>,
  limit = 500,
): AsyncIterable<readonly T[]> {
  let cursor: C | null = null;
  for (;;) {
    const page = await fetchPage(limit, cursor);
    yield page.rows;
    if (page.next === null || page.rows.length === 0) return;
    cursor = page.next;
  }
}

/** Pages of a list read with limit/skip (`usePagedList`). */
export async function* offsetPages<T>(
  fetchPage: (limit: number, skip: number) => Promise<T[]>,
  limit = 500,
): AsyncIterable<readonly T[]> {
  for (let skip = 0; ; skip += limit) {
    const rows = await fetchPage(limit, skip);
    yield rows;
    if (rows.length < limit) return;
  }
}

import { Unzip, UnzipInflate, strFromU8, unzipSync } from 'fflate';
import { isDateFormat, serialToDate } from './serial-dates';
import { columnIndexOf } from './xml-text';
import {
  readRels,
  readSharedStrings,
  readStyles,
  readWorkbook,
  resolvePath,
  xmlParser,
} from './xml-parts';

/**
 * Reads the first worksheet of an XLSX workbook row by row (issue 17: a 100,000-row file is never held as an
 * object model). The small parts (workbook, rels, styles, shared strings) are read first, whatever their place
 * in the zip; then the sheet is inflated in a stream and parsed with saxes, and each row is handed on as it ends.
 * The whole file is in memory already, so "in the order needed" is two passes over its bytes, not a buffered sheet.
 */
export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxReadResult {
  sheetName: string;
  /** The number of the last row handed on (1-based, as Excel shows it); 0 for an empty sheet. */
  lastRow: number;
}

/** Receives a row's cells (0-based by column, null in the gaps) and its 1-based row number. */
export type XlsxRowHandler = (cells: XlsxValue[], rowNumber: number) => void;

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(`The XLSX file cannot be read: ${message}`);
    this.name = 'XlsxReadError';
  }
}

const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
/** How much of the file goes into the unzip stream at a time. */
const PUSH_BYTES = 1 << 20;

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

function relsPathOf(path: string): string {
  return `${folderOf(path)}_rels/${path.slice(folderOf(path).length)}.rels`;
}

interface SheetContext {
  path: string;
  name: string;
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** Pass one: everything but the worksheets (small parts), and which sheet to read. */
function readContext(bytes: Uint8Array): SheetContext {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => !file.name.startsWith('xl/worksheets/') && /\.(xml|rels)$/i.test(file.name),
    });
  } catch (error) {
    throw new XlsxReadError(`it is no zip archive or it is incomplete (${String(error)})`);
  }
  const text = (path: string) => (parts[path] ? strFromU8(parts[path]) : null);

  const rootRels = text('_rels/.rels');
  const office = rootRels
    ? [...readRels('_rels/.rels', rootRels, '').values()].find((r) =>
        r.type.endsWith('/officeDocument'),
      )
    : undefined;
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (workbookXml === null) throw new XlsxReadError('it holds no workbook (is it an Excel file?)');
  const workbook = readWorkbook(workbookPath, workbookXml);

  const relsPath = relsPathOf(workbookPath);
  const relsXml = text(relsPath);
  const rels = relsXml
    ? readRels(relsPath, relsXml, folderOf(workbookPath))
    : new Map<string, { type: string; target: string }>();
  const targetOf = (type: string) =>
    [...rels.values()].find((r) => r.type === REL_TYPE + type)?.target;
  const sheetRel = workbook.firstSheetRelId ? rels.get(workbook.firstSheetRelId) : undefined;
  const path = sheetRel?.target ?? resolvePath(folderOf(workbookPath), 'worksheets/sheet1.xml');

  const stringsPath =
    targetOf('sharedStrings') ?? resolvePath(folderOf(workbookPath), 'sharedStrings.xml');
  const stringsXml = text(stringsPath);
  const stylesPath = targetOf('styles') ?? resolvePath(folderOf(workbookPath), 'styles.xml');
  const stylesXml = text(stylesPath);
  return {
    path,
    name: workbook.firstSheetName,
    sharedStrings: stringsXml ? readSharedStrings(stringsPath, stringsXml) : [],
    dateStyles: stylesXml
      ? readStyles(stylesPath, stylesXml).map((xf) => isDateFormat(xf.numFmtId, xf.formatCode))
      : [],
    date1904: workbook.date1904,
  };
}

/** Parses a worksheet's XML handed in pieces; rows go to `onRow` as they close. */
function sheetParser(context: SheetContext, onRow: XlsxRowHandler) {
  let rowNumber = 0;
  let cells: XlsxValue[] = [];
  let column = -1;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let collect: 'v' | 't' | null = null;
  let inPhonetic = false;

  const cellValue = (): XlsxValue => {
    switch (type) {
      case 's': {
        const s = context.sharedStrings[Number(value)];
        return s === undefined ? null : s;
      }
      case 'inlineStr':
        return inline;
      case 'str':
        return value;
      case 'b':
        return value === '' ? null : value === '1' || value === 'true';
      case 'e':
        return null;
      case 'd': {
        const date = new Date(value);
        return value === '' || Number.isNaN(date.getTime()) ? null : date;
      }
      default: {
        if (value.trim() === '') return null;
        const n = Number(value);
        if (!Number.isFinite(n)) return value;
        return context.dateStyles[style] ? serialToDate(n, context.date1904) : n;
      }
    }
  };

  const parser = xmlParser(context.path, {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        case 'c': {
          const fromRef = a.r ? columnIndexOf(a.r) : -1;
          column = fromRef >= 0 ? fromRef : column + 1;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = '';
          inline = '';
          break;
        }
        case 'v':
          collect = 'v';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (!inPhonetic) collect = 't';
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          collect = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c': {
          const v = cellValue();
          if (v !== null) {
            while (cells.length < column) cells.push(null);
            cells[column] = v;
          }
          break;
        }
        case 'row':
          onRow(cells, rowNumber);
          break;
      }
    },
    text(text) {
      if (collect === 'v') value += text;
      else if (collect === 't') inline += text;
    },
  });
  return {
    write: (text: string) => void parser.write(text),
    close: () => {
      parser.close();
      return rowNumber;
    },
  };
}

/** Reads the first worksheet of `bytes` (an .xlsx file), handing on its rows in order. */
export function readXlsx(bytes: Uint8Array, onRow: XlsxRowHandler): XlsxReadResult {
  const context = readContext(bytes);
  const sheet = sheetParser(context, onRow);
  const decoder = new TextDecoder('utf-8');
  let found = false;
  let done = false;
  let lastRow = 0;
  let failure: unknown = null;

  const unzip = new Unzip((file) => {
    if (file.name !== context.path || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (failure !== null) return;
      try {
        if (error) throw new XlsxReadError(`the sheet is damaged (${error.message})`);
        sheet.write(decoder.decode(chunk, { stream: !final }));
        if (final) {
          lastRow = sheet.close();
          done = true;
        }
      } catch (caught) {
        failure = caught;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !done && failure === null; at += PUSH_BYTES)
      unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  } catch (error) {
    throw new XlsxReadError(`the archive is damaged (${String(error)})`);
  }
  if (failure !== null) {
    if (failure instanceof XlsxReadError) throw failure;
    throw new XlsxReadError(failure instanceof Error ? failure.message : 'unknown failure');
  }
  if (!found) throw new XlsxReadError(`the worksheet ${context.path} is missing`);
  if (!done) throw new XlsxReadError('the worksheet ends early (the file is incomplete)');
  return { sheetName: context.name, lastRow };
}

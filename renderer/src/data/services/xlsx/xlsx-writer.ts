import { Zip, ZipDeflate, strToU8, type DeflateOptions } from 'fflate';
import { dateToSerial } from './serial-dates';
import { columnLetters, xmlText } from './xml-text';

/**
 * A one-sheet XLSX workbook written as a stream (issue 17: large exports stream with progress): the sheet goes
 * into fflate's streaming zip row by row and the compressed bytes come out as chunks the caller collects into a
 * Blob (or a file). Strings are inline strings, so no shared-strings table is held; dates are serial numbers
 * with a date format; the header row is bold and frozen.
 */
export type XlsxCell = string | number | boolean | Date | null | undefined;

/** How a column's numbers and dates show (its cells' number format). */
export type XlsxColumnFormat = 'general' | 'integer' | 'money' | 'date' | 'datetime';

export interface XlsxColumn {
  header: string;
  format?: XlsxColumnFormat;
  /** In characters; Excel's default when absent. */
  width?: number;
}

export interface XlsxWriterOptions {
  sheetName?: string;
  columns: readonly XlsxColumn[];
  /** Zip compression level (1 fast … 9 small). */
  level?: DeflateOptions['level'];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The chunks as one byte array (small files: rejects, tests). */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml's cellXfs, in the order written there. */
const STYLE: Record<XlsxColumnFormat | 'header', number> = {
  general: 0,
  header: 1,
  integer: 2,
  money: 3,
  date: 4,
  datetime: 5,
};

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const WORKBOOK_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  '</Relationships>';

const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="3">' +
  '<numFmt numFmtId="164" formatCode="#,##0.00"/>' +
  '<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>' +
  '<numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/>' +
  '</numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetNameOf(name: string | undefined): string {
  const clean = (name ?? '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim();
  return clean || 'Sheet1';
}

function workbookXml(sheetName: string): string {
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    '</workbook>'
  );
}

function sheetHead(columns: readonly XlsxColumn[]): string {
  const cols = columns
    .map((c, i) =>
      c.width === undefined
        ? ''
        : `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`,
    )
    .join('');
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

function cellXml(ref: string, value: XlsxCell, style: number): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (value === null || value === undefined || value === '') return ''; // Excel keeps no empty cells
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `<c r="${ref}"${s}><v>${dateToSerial(value)}</v></c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
}

/** Rows are buffered into pieces of about this many characters before they go to the compressor. */
const FLUSH_CHARS = 64 * 1024;

export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private readonly chunks: Uint8Array[] = [];
  private readonly letters: string[];
  private readonly styles: number[];
  private pending = '';
  private rowNumber = 0;
  private finished = false;
  private failure: Error | null = null;
  private ended = false;

  constructor(options: XlsxWriterOptions) {
    const level = options.level ?? 6;
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.chunks.push(chunk);
      if (final) this.ended = true;
    });
    const small = (name: string, text: string) => {
      const file = new ZipDeflate(name, { level });
      this.zip.add(file);
      file.push(strToU8(text), true);
    };
    small('[Content_Types].xml', CONTENT_TYPES);
    small('_rels/.rels', ROOT_RELS);
    small('xl/workbook.xml', workbookXml(sheetNameOf(options.sheetName)));
    small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    small('xl/styles.xml', STYLES);
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level });
    this.zip.add(this.sheet);
    const columns = options.columns;
    this.letters = columns.map((_, i) => columnLetters(i));
    this.styles = columns.map((c) => STYLE[c.format ?? 'general']);
    this.pending = sheetHead(columns);
    this.writeRow(
      columns.map((c) => c.header),
      columns.map(() => STYLE.header),
    );
  }

  /** Appends a data row; cells follow the columns (null/undefined/'' is an empty cell). */
  addRow(cells: readonly XlsxCell[]): void {
    this.writeRow(cells, this.styles);
  }

  get rowCount(): number {
    return this.rowNumber - 1;
  }

  /** The compressed bytes produced since the last call (hand them on; the writer keeps none). */
  takeChunks(): Uint8Array[] {
    this.throwIfFailed();
    return this.chunks.splice(0, this.chunks.length);
  }

  /** Ends the sheet and the zip; returns the last chunks. */
  finish(): Uint8Array[] {
    if (this.finished) throw new Error('the XLSX writer is already finished');
    this.finished = true;
    this.sheet.push(strToU8(this.pending + '</sheetData></worksheet>'), true);
    this.pending = '';
    this.zip.end();
    this.throwIfFailed();
    if (!this.ended) throw new Error('the XLSX zip did not end');
    return this.takeChunks();
  }

  private writeRow(cells: readonly XlsxCell[], styles: readonly number[]): void {
    if (this.finished) throw new Error('the XLSX writer is already finished');
    const r = ++this.rowNumber;
    // The header row carries the bold style as a row style too, so a new cell typed into it is bold.
    let xml = r === 1 ? `<row r="1" s="${STYLE.header}" customFormat="1">` : `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const letters = this.letters[i] ?? columnLetters(i);
      xml += cellXml(letters + r, cells[i], styles[i] ?? 0);
    }
    this.pending += xml + '</row>';
    if (this.pending.length >= FLUSH_CHARS) {
      this.sheet.push(strToU8(this.pending));
      this.pending = '';
    }
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

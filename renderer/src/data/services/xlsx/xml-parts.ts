import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Small helpers for reading the XLSX parts with saxes: a non-namespaced parser whose tag names lose their
 * prefix (some writers use `x:row`), and readers of the metadata parts (rels, workbook, styles, shared strings).
 */
export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function xmlParser(
  part: string,
  handlers: XmlHandlers,
): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser({ xmlns: false, position: false } as const);
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.on('error', (error: Error) => {
    throw new Error(`${part} is not well-formed XML: ${error.message}`);
  });
  return parser;
}

export function parseXml(part: string, xml: string, handlers: XmlHandlers): void {
  xmlParser(part, handlers).write(xml).close();
}

/** Relationship targets by id, resolved against the folder of the part they belong to. */
export function readRels(
  part: string,
  xml: string,
  baseFolder: string,
): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  parseXml(part, xml, {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      rels.set(a.Id, { type: a.Type ?? '', target: resolvePath(baseFolder, a.Target) });
    },
  });
  return rels;
}

/** 'xl/' + 'worksheets/sheet1.xml' → 'xl/worksheets/sheet1.xml'; '/xl/…' is from the package root. */
export function resolvePath(baseFolder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : baseFolder.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

export interface WorkbookInfo {
  firstSheetName: string;
  firstSheetRelId: string | null;
  date1904: boolean;
}

export function readWorkbook(part: string, xml: string): WorkbookInfo {
  const info: WorkbookInfo = { firstSheetName: '', firstSheetRelId: null, date1904: false };
  parseXml(part, xml, {
    open(name, a) {
      if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet' && info.firstSheetRelId === null) {
        info.firstSheetName = a.name ?? '';
        info.firstSheetRelId = a['r:id'] ?? findRelId(a);
      }
    },
  });
  return info;
}

function findRelId(attributes: Record<string, string>): string | null {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === 'id') return value;
  return null;
}

/** Per cell style (cellXfs index): its number format id and code. */
export function readStyles(
  part: string,
  xml: string,
): { numFmtId: number; formatCode: string | undefined }[] {
  const codes = new Map<number, string>();
  const xfs: { numFmtId: number; formatCode: string | undefined }[] = [];
  let inCellXfs = false;
  parseXml(part, xml, {
    open(name, a) {
      if (name === 'numFmt') codes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        xfs.push({ numFmtId: id, formatCode: codes.get(id) });
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs;
}

/** The shared strings; rich text runs concatenate, phonetic runs (rPh) are left out. */
export function readSharedStrings(part: string, xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  parseXml(part, xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inT = true;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inT = false;
    },
    text(text) {
      if (inT) current += text;
    },
  });
  return strings;
}

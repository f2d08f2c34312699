/**
 * Excel date serial numbers. Excel has no time zones: a Date here carries the wall-clock time in its UTC
 * parts (what exceljs does too), so a cell shows what the list showed wherever the file is opened.
 */
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (which counts the fictitious 1900-02-29). */
const EPOCH_1900 = 25_569;
/** The 1904 date system starts 1,462 days later. */
const OFFSET_1904 = 1_462;

export function dateToSerial(date: Date): number {
  return date.getTime() / DAY_MS + EPOCH_1900;
}

export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - EPOCH_1900 + (date1904 ? OFFSET_1904 : 0)) * DAY_MS));
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a number format shows a date or time: a built-in date format, or a custom code with date tokens
 * (d, m, y, h, s) outside quoted text, escapes and brackets other than elapsed time ([h], [mm], [ss]).
 */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numFmtId)) return true;
  if (formatCode === undefined) return false;
  const section = formatCode.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

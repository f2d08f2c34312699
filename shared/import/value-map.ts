import { isKnownIndustry } from '../domain/industry';
import { toHalfWidth } from '../validation/company-name';
import { normalizeEmail } from '../validation/email';

/**
 * Cell text → stored values for imports (issue 17). Controlled lists are matched against their codes and
 * their labels in every language; the labels come from the caller (the renderer's i18n resources), as
 * shared/ holds codes only (shared/domain/lists.ts). Everything here is pure.
 */

/** List name (as in the i18n resources: source, sizeBand, region, industry …) → code → its labels. */
export type ValueLabels = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** Folds width, case, spaces and punctuation, so "Ａ类", "a 类" and "A类" compare equal. */
export function normalizeValue(text: string): string {
  return toHalfWidth(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A lookup from normalized text to code for one list; build once per import, use per cell. */
export function listLookup(
  codes: readonly string[],
  labels: Readonly<Record<string, readonly string[]>> = {},
): (text: string) => string | null {
  const table = new Map<string, string>();
  for (const code of codes) {
    table.set(normalizeValue(code), code);
    for (const label of labels[code] ?? []) {
      const key = normalizeValue(label);
      if (key !== '' && !table.has(key)) table.set(key, code);
    }
  }
  return (text) => table.get(normalizeValue(text)) ?? null;
}

/**
 * An industry: a GB/T 4754 code ('I65', 'i 65', or a section 'I'), or the name of a division or section in
 * any language ("软件和信息技术服务业"). A label that begins a longer cell ("软件和信息技术服务业/SaaS") also
 * matches, the longest label first.
 */
export function industryLookup(
  labels: Readonly<Record<string, readonly string[]>> = {},
): (text: string) => string | null {
  const exact = new Map<string, string>();
  for (const [code, names] of Object.entries(labels))
    for (const name of names) {
      const key = normalizeValue(name);
      // A division's name wins over its section's when both read the same.
      if (key !== '' && (!exact.has(key) || code.length > (exact.get(key) ?? '').length))
        exact.set(key, code);
    }
  const prefixes = [...exact.entries()].sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    const code = toHalfWidth(text).replace(/\s/g, '').toUpperCase();
    if (/^[A-T](\d{2})?$/.test(code) && isKnownIndustry(code)) return code;
    const key = normalizeValue(text);
    if (key === '') return null;
    const hit = exact.get(key);
    if (hit) return hit;
    for (const [label, found] of prefixes)
      if (label.length >= 2 && key.startsWith(label)) return found;
    return null;
  };
}

export interface MemberRef {
  id: string;
  name: string;
  email: string;
}

/** Owner cell → member id: by e-mail (case-insensitive) or by name; a name two members share matches neither. */
export function memberLookup(members: readonly MemberRef[]): (text: string) => string | null {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string | null>();
  for (const m of members) {
    if (m.email) byEmail.set(normalizeEmail(m.email), m.id);
    const key = normalizeValue(m.name);
    byName.set(key, byName.has(key) ? null : m.id);
  }
  return (text) => {
    const t = text.trim();
    if (t.includes('@')) return byEmail.get(normalizeEmail(t)) ?? null;
    return byName.get(normalizeValue(t)) ?? null;
  };
}

/**
 * A number from a cell: numbers pass; text may carry full-width digits, thousands separators (1,234,567 or
 * 1，234), a currency sign (¥ ￥ RMB) and 万/亿 multipliers, or end in % (kept as the percent number).
 * Returns null for text that is not a number.
 */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  let t = toHalfWidth(value)
    .replace(/[\s,，_]/g, '')
    .replace(/^(¥|￥|rmb|cny)/i, '')
    .replace(/(元|%)$/, '');
  let factor = 1;
  if (t.endsWith('万')) {
    factor = 1e4;
    t = t.slice(0, -1);
  } else if (t.endsWith('亿')) {
    factor = 1e8;
    t = t.slice(0, -1);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Math.round(Number(t) * factor * 1e6) / 1e6;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days between Excel's day 0 (1899-12-30, counting its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * A calendar date 'YYYY-MM-DD' from a cell: a Date (XLSX), an Excel serial day number (e.g. 46027), or text
 * written 2026-01-05, 2026/1/5, 2026.1.5 or 2026年1月5日 (a time after it is ignored). Null when it is none of
 * those or not a real day (2026-02-30).
 */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    return parseDate(new Date(Math.round((Math.floor(value) - EXCEL_EPOCH_DAYS) * 86400000)));
  }
  if (typeof value !== 'string') return null;
  const t = toHalfWidth(value).trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) return parseDate(Number(t));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * A moment (epoch ms) from a cell: as parseDate, plus an optional time "HH:mm[:ss]", read as the wall-clock time
 * of the device importing (the time the lists show and the export writes; China time on a laptop in China).
 * Excel has no time zones: text, serial numbers and date cells alike are wall-clock times.
 */
export function parseTimestamp(value: unknown): number | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // exceljs gives a date cell's wall-clock time as the Date's UTC parts.
    return new Date(
      value.getUTCFullYear(),
      value.getUTCMonth(),
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    ).getTime();
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    // Excel serials carry the time as a day fraction (rounded to the second).
    return parseTimestamp(new Date(Math.round((value - EXCEL_EPOCH_DAYS) * 86400) * 1000));
  }
  const day = parseDate(value);
  if (day === null || typeof value !== 'string') return null;
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(toHalfWidth(value).trim());
  const [h, mi, s] = time ? [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)] : [0, 0, 0];
  if (h > 23 || mi > 59 || s > 59) return null;
  const [y, mo, d] = day.split('-').map(Number);
  return new Date(y, mo - 1, d, h, mi, s).getTime();
}

const TRUE_WORDS = new Set(['是', '对', '已完成', '完成', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '不', '未完成', 'n', 'no', 'false', '0', '×', '✗', '']);

/** 是/否, Yes/No, true/false, 1/0, ✓/×. Null for anything else. An empty cell is false. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const t = toHalfWidth(value).trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

import dayjs from 'dayjs';

/** ¥1,234,567 in the user's language conventions (CNY amounts). */
export function formatMoney(amount: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatDateTime(epochMs: number): string {
  return dayjs(epochMs).format('YYYY-MM-DD HH:mm');
}

export function formatDate(epochMs: number): string {
  return dayjs(epochMs).format('YYYY-MM-DD');
}

/** Today as 'YYYY-MM-DD' in local time (task due dates are calendar dates). */
export function todayString(now = Date.now()): string {
  return dayjs(now).format('YYYY-MM-DD');
}

export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/**
 * A list of names joined the way the language writes lists: "甲、乙、丙" in Chinese, "A, B, C" in English
 * (issue 16: lists were joined with "、" in every language). `style` 'long' adds the final "和"/"and".
 */
export function formatList(
  items: readonly string[],
  language: string,
  style: 'narrow' | 'long' = 'narrow',
): string {
  return new Intl.ListFormat(language, { type: 'conjunction', style }).format(items);
}

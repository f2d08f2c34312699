/** ¥1,234.56 from integer fen, for display only (the arithmetic is shared/rules/quote-math.ts, in fen). */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** Yuan typed into a price field → integer fen (the field allows two decimals). */
export function yuanToFen(yuan: number | string): number {
  const value = typeof yuan === 'number' ? yuan : Number(yuan);
  return Number.isFinite(value) ? Math.round(value * 100) : 0;
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** How dashboards write numbers, in the UI language; `null` (a metric without a denominator) is '—'. */
export interface DashboardFormats {
  /** ¥1,234,567 (yuan, no decimals: the app's money format). */
  money(yuan: number | null): string;
  /** ¥123.5万 / ¥1.2亿 in Chinese, CN¥1.2M in English: for axes, tooltips and headline numbers. */
  compactMoney(yuan: number | null): string;
  /** 1,234 (at most one decimal). */
  number(n: number | null): string;
  /** 0.123 → 12.3%. */
  percent(ratio: number | null): string;
  /** 12天 / 12 days. */
  days(n: number | null): string;
  /** A business day 'YYYY-MM-DD' as the app writes dates everywhere. */
  date(day: string | null): string;
}

export const NO_VALUE = '—';

/** The formats of one language (pure: tested without React). */
export function dashboardFormats(language: string): DashboardFormats {
  const money = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    maximumFractionDigits: 0,
  });
  const compactMoney = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  });
  const of =
    (format: Intl.NumberFormat) =>
    (n: number | null): string =>
      n === null || !Number.isFinite(n) ? NO_VALUE : format.format(n);
  return {
    money: of(money),
    compactMoney: of(compactMoney),
    number: of(number),
    percent: of(percent),
    days: of(days),
    date: (day) => (day ? day : NO_VALUE),
  };
}

/** The dashboards' formats in the language the app shows now. */
export function useDashboardFormats(): DashboardFormats {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => dashboardFormats(language), [language]);
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Money and percentages in the UI language; null (no target) reads "—". */
export function useForecastFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const money = new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: 'CNY',
      maximumFractionDigits: 2,
    });
    const percent = new Intl.NumberFormat(i18n.language, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    return {
      money: (value: number | null) => (value === null ? '—' : money.format(value)),
      percent: (value: number | null) => (value === null ? '—' : percent.format(value)),
    };
  }, [i18n.language]);
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Option {
  value: string;
  label: string;
}

/** Translated select options for a controlled list (labels from lists.<listName>.<code>). */
export function useListOptions(listName: string, values: readonly string[]): Option[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => values.map((value) => ({ value, label: t(`lists.${listName}.${value}`) })),
    // Labels change with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [listName, values, i18n.language],
  );
}

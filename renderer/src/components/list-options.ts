import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

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

/**
 * An account's tag in the UI language: a lifecycle tag by its code (lists.lifecycleTag), a free tag in
 * common use by its text (lists.accountTag), any other free tag as typed.
 */
export function tagLabel(t: TFunction, tag: string): string {
  return t(`lists.lifecycleTag.${tag}`, {
    defaultValue: t(`lists.accountTag.${tag}`, { defaultValue: tag }),
  });
}

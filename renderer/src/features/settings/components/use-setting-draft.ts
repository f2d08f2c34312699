import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { reportWriteError } from '../../../components/write-errors';

/** A NumberInput left empty holds '': NaN until saved, so the schema names the field. */
export const numberOrNaN = (value: string | number): number =>
  typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);

/** Field errors by path ('weights.nps', 'rules.0.steps.1.role'), as i18n keys from the shared schema. */
export function schemaErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message;
  return out;
}

interface SaveMutation<T> {
  mutate: (value: T, options: { onError: (error: unknown) => void }) => void;
  reset: () => void;
}

interface SettingDraftOptions<T> {
  /** The shared schema the server holds the setting to. */
  schema: z.ZodType<T>;
  /** What the form shows before the stored value arrives (the defaults). */
  fallback: T;
  /** The stored value, once read. */
  saved: T | undefined;
  save: SaveMutation<T>;
  /** Checks the schema cannot express (e.g. a route step must name who decides), by path → i18n key. */
  moreErrors?: (value: T) => Record<string, string>;
}

/**
 * The edit cycle every workspace-setting card shares: a draft seeded from the stored value, errors from the shared
 * schema shown once a save was tried, a change that clears the last "saved", and a save that refuses invalid input.
 */
export function useSettingDraft<T>({
  schema,
  fallback,
  saved,
  save,
  moreErrors,
}: SettingDraftOptions<T>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<T>(fallback);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (saved !== undefined) setDraft(saved);
  }, [saved]);
  const errors = useMemo(
    () => ({ ...moreErrors?.(draft), ...schemaErrors(schema, draft) }),
    [schema, draft, moreErrors],
  );
  const errorAt = (path: string) => (tried && errors[path] ? t(errors[path]) : undefined);
  const change = (next: T | ((current: T) => T)) => {
    save.reset();
    setDraft(next);
  };
  const handleSave = () => {
    setTried(true);
    const parsed = schema.safeParse(draft);
    if (!parsed.success || Object.keys(errors).length > 0) return;
    save.mutate(parsed.data, { onError: (error) => reportWriteError(error, t) });
  };
  return { draft, change, errors, errorAt, tried, handleSave };
}

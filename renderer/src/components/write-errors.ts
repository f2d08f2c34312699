import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { BusinessRuleError, RecordValidationError } from '../data/errors';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Turns a failed write into words for people (CONVENTIONS.md 12): field issues go next to their fields
 * (and a notice says nothing was saved); rule refusals and unexpected errors become a notification.
 */
export function reportWriteError(error: unknown, t: TFunction, form?: FormLike): void {
  if (error instanceof RecordValidationError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path] ??= t(issue.message);
    form?.setErrors(fieldErrors);
    notifications.show({
      color: 'red',
      title: t('common.fixErrors'),
      message: Object.values(fieldErrors).join(' · '),
    });
    return;
  }
  if (error instanceof BusinessRuleError) {
    notifications.show({
      color: 'orange',
      message: t(error.messageKey, translateParams(error.params, t)),
    });
    return;
  }
  notifications.show({
    color: 'red',
    message: t('common.saveFailed', {
      reason: error instanceof Error ? error.message : String(error),
    }),
  });
}

function translateParams(params: Record<string, string>, t: TFunction): Record<string, string> {
  const out: Record<string, string> = { ...params };
  if (params.fields)
    out.fields = params.fields
      .split(',')
      .map((f) => t(`fields.${f}`, { defaultValue: f }))
      .join('、');
  if (params.stage) out.stage = t(`lists.stage.${params.stage}`, { defaultValue: params.stage });
  if (params.from) out.from = t(`lists.ticketStatus.${params.from}`, { defaultValue: params.from });
  if (params.to) out.to = t(`lists.ticketStatus.${params.to}`, { defaultValue: params.to });
  return out;
}

/** Shows the standard "saved" confirmation. */
export function notifySaved(t: TFunction): void {
  notifications.show({ color: 'green', message: t('common.saved'), autoClose: 1500 });
}

import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { BusinessRuleError, RecordValidationError } from '../data/errors';
import { errorMessage } from './error-messages';
import { logError } from '../platform/log';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Turns a failed write into words for people (CONVENTIONS.md 12): field issues go next to their fields
 * (and a notice says nothing was saved); rule refusals and unexpected errors become a notification, with
 * the wording from error-messages.ts and the technical detail in the log.
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
    notifications.show({ color: 'orange', message: errorMessage(error, t) });
    return;
  }
  logError('write failed', error);
  notifications.show({
    color: 'red',
    message: t('common.saveFailed', { reason: errorMessage(error, t) }),
  });
}

/** Shows the standard "saved" confirmation. */
export function notifySaved(t: TFunction): void {
  notifications.show({ color: 'green', message: t('common.saved'), autoClose: 1500 });
}

import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiCallError } from '../../data/team/auth-client';

/** A failed admin call in words (CONVENTIONS.md 12): known server codes are translated, others quoted. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) {
    return t(`teamAdmin.errors.${error.error.code}`, {
      defaultValue: t('teamAdmin.errors.generic', { reason: error.error.message }),
    });
  }
  return t('teamAdmin.errors.generic', {
    reason: error instanceof Error ? error.message : String(error),
  });
}

export function reportApiError(error: unknown, t: TFunction): void {
  notifications.show({ color: 'red', message: apiErrorMessage(error, t) });
}

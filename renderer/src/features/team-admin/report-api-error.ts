import type { TFunction } from 'i18next';
import { errorMessage, reportError } from '../../components/error-messages';

/** A failed admin call in words (components/error-messages.ts), team-admin's own server codes first. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  return errorMessage(error, t, 'teamAdmin');
}

/** Logs a failed admin call and tells the person. */
export function reportApiError(error: unknown, t: TFunction): void {
  reportError(error, t, 'team administration', 'teamAdmin');
}

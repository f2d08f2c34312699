import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { BusinessRuleError, RecordValidationError } from '../data/errors';
import { ApiCallError } from '../data/team/auth-client';
import { logError } from '../platform/log';
import { i18n } from '../i18n';
import { formatList } from './format';

/**
 * The one place that turns an error into words for people (CONVENTIONS.md 12): a rejected write, a rule
 * refusal, a server answer or a lost connection becomes a translated sentence; anything else becomes
 * `errors.unexpected`. An error's own `message` (English, technical) is never shown: it goes to the log.
 */

/** Server error codes that mean the session is over (sync/server/auth). */
const SESSION_CODES = new Set([
  'invalid_token',
  'missing_token',
  'invalid_refresh_token',
  'device_revoked',
]);

/** The `errors.*` key for a failed API call whose code has no text of its own. */
function apiErrorKey(error: ApiCallError): string {
  const { status } = error;
  const { code } = error.error;
  if (code === 'unreachable' || status === 0) return 'errors.network';
  if (code === 'bad_response') return 'errors.badResponse';
  if (SESSION_CODES.has(code) || status === 401) return 'errors.session';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 413) return 'errors.tooLarge';
  if (status === 429) return 'errors.rateLimited';
  if (status >= 500) return 'errors.server';
  if (status >= 400) return 'errors.invalidInput';
  return 'errors.unexpected';
}

/** A rule's parameters with domain values (fields, stages, ticket statuses) in the person's language. */
function translateParams(params: Record<string, string>, t: TFunction): Record<string, string> {
  const out: Record<string, string> = { ...params };
  if (params.fields)
    out.fields = formatList(
      params.fields.split(',').map((f) => t(`fields.${f}`, { defaultValue: f })),
      i18n.language,
      'long',
    );
  if (params.stage) out.stage = t(`lists.stage.${params.stage}`, { defaultValue: params.stage });
  if (params.from) out.from = t(`lists.ticketStatus.${params.from}`, { defaultValue: params.from });
  if (params.to) out.to = t(`lists.ticketStatus.${params.to}`, { defaultValue: params.to });
  return out;
}

/**
 * The translated sentence for `error`. `area` names the screen's i18n area (e.g. 'connect', 'teamAdmin'):
 * a server code with a text there (`connect.errors.invalid_credentials`) wins over the general one.
 */
export function errorMessage(error: unknown, t: TFunction, area?: string): string {
  if (error instanceof RecordValidationError)
    return error.issues.map((issue) => t(issue.message)).join(' · ');
  if (error instanceof BusinessRuleError)
    return t(error.messageKey, translateParams(error.params, t));
  if (error instanceof ApiCallError) {
    const general = t(apiErrorKey(error));
    return area ? t(`${area}.errors.${error.error.code}`, { defaultValue: general }) : general;
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message))
    return t('errors.network');
  return t('errors.unexpected');
}

/** Logs a failed action and tells the person in a notification (for actions they started). */
export function reportError(error: unknown, t: TFunction, context: string, area?: string): void {
  logError(context, error);
  notifications.show({ color: 'red', message: errorMessage(error, t, area) });
}

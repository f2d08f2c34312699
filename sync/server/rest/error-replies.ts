import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { apiErrorResponse, type ApiError } from '@shared/sync';
import { ApiFailure } from '../errors';

/** The error statuses an operation can document, each with what it means in this API. */
export const ERROR_MEANINGS = {
  400: 'Invalid input: a body, parameter or query that does not match this document (issues name the field)',
  401: 'Not signed in, token expired or device revoked (code says which)',
  403: 'Not allowed for your role or scope',
  404: 'No such collection, record, user, device or invite (or not visible to you)',
  409: 'Conflict with the stored state (e.g. the e-mail address is taken)',
  410: 'Gone: a one-time token (a survey link) was already used',
  413: 'The request body is larger than 1 MiB',
  415: 'The request body is not application/json',
  422: 'The record breaks a validation rule or business rule (issues name the fields)',
  429: 'Too many calls from this address or for this account, or the server is busy; try again after Retry-After seconds',
} as const;
export type ErrorStatus = keyof typeof ERROR_MEANINGS;

/** OpenAPI response entries for these statuses, all with the `{ error: { code, message, issues? } }` body. */
export function errorResponses(statuses: readonly ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_MEANINGS[status],
        content: { 'application/json': { schema: apiErrorResponse } },
      },
    ]),
  ) as Record<
    ErrorStatus,
    { description: string; content: { 'application/json': { schema: typeof apiErrorResponse } } }
  >;
}

/** Stable codes for the framework's own client errors (Fastify's FST_ERR_* codes are not our contract). */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_BAD_URL: 'malformed_url',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

/**
 * The field-level issues of a schema validation error (`path` dotted, as `a.b.0`), or null when `error` is not
 * one. Routes that answer invalid input with another status than 400 (the capture post: 422) use it too.
 */
export function validationIssues(error: unknown): { path: string; message: string }[] | null {
  if (!hasZodFastifySchemaValidationErrors(error)) return null;
  return error.validation.map((issue) => ({
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? 'invalid',
  }));
}

/**
 * Turns anything a route or the framework threw into the status and body the API answers with; `null` for
 * an unexpected error (the caller logs it and answers 500).
 */
export function toFailure(error: unknown): ApiFailure | null {
  if (error instanceof ApiFailure) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = validationIssues(error) ?? [];
    // An unknown collection in the path is a resource that does not exist, as before the move.
    if (where === 'params' && issues.some((issue) => issue.path === 'collection'))
      return new ApiFailure(404, 'unknown_collection', 'Unknown collection', issues);
    const code = where === 'querystring' ? 'invalid_query' : `invalid_${where}`;
    return new ApiFailure(400, code, `The request ${where} is not valid`, issues);
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new ApiFailure(
      status,
      FRAMEWORK_CODES[fastifyError.code ?? ''] ?? 'bad_request',
      fastifyError.message ?? 'Bad request',
    );
  return null;
}

/** The JSON body of an error answer. */
export function errorBody(failure: ApiFailure): { error: ApiError } {
  return {
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.issues ? { issues: failure.issues } : {}),
    },
  };
}

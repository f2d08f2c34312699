import { z } from 'zod';
import {
  apiErrorResponse,
  sessionResponse,
  type ApiError,
  type SessionResponse,
} from '@shared/sync';

/** A failed API call, with the server's code (e.g. invalid_credentials) and field issues when present. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Normalizes what people type ("crm.example.com:8787") into an origin URL. */
export function normalizeServerUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  const url = new URL(withScheme);
  return url.origin;
}

/** Calls the sync server's REST API and validates the answer (CONVENTIONS.md 4: parse what crosses a boundary). */
export async function callApi<T>(
  serverUrl: string,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  accessToken?: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(serverUrl + path, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiCallError(0, { code: 'unreachable', message: 'The server cannot be reached' });
  }
  // A body that is not JSON (a proxy's error page) counts as no body: the status decides below.
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorResponse.safeParse(json);
    throw new ApiCallError(
      response.status,
      parsed.success
        ? parsed.data.error
        : { code: `http_${response.status}`, message: response.statusText },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiCallError(response.status, {
      code: 'bad_response',
      message: 'The server answered in an unexpected format',
    });
  return parsed.data;
}

export const authClient = {
  createWorkspace: (
    serverUrl: string,
    body: {
      workspaceName: string;
      name: string;
      email: string;
      password: string;
      deviceName: string;
    },
  ): Promise<SessionResponse> =>
    callApi(serverUrl, 'POST', '/api/workspaces', sessionResponse, body),
  login: (
    serverUrl: string,
    body: { email: string; password: string; deviceName: string },
  ): Promise<SessionResponse> =>
    callApi(serverUrl, 'POST', '/api/auth/login', sessionResponse, body),
  join: (
    serverUrl: string,
    body: { inviteCode: string; name: string; email: string; password: string; deviceName: string },
  ): Promise<SessionResponse> =>
    callApi(serverUrl, 'POST', '/api/auth/join', sessionResponse, body),
  refresh: (serverUrl: string, refreshToken: string): Promise<SessionResponse> =>
    callApi(serverUrl, 'POST', '/api/auth/refresh', sessionResponse, { refreshToken }),
  logout: (serverUrl: string, refreshToken: string): Promise<unknown> =>
    callApi(serverUrl, 'POST', '/api/auth/logout', z.unknown(), { refreshToken }),
};

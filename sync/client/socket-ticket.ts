import { apiErrorResponse, SOCKET_TICKETS_PATH, socketTicketResponse } from '@shared/sync';

/** POSTs for a ticket: the global fetch in the app and in Node; a fake in unit tests. */
export type TicketRequester = (serverUrl: string, accessToken: string) => Promise<string>;

/**
 * The server will not give this device a socket ticket (401 after a token refresh, 403), or there is no
 * session to ask with (`signed_out`): retrying the same way will not help. Anything else that fails (no
 * network, 5xx, 429) is a plain Error and worth retrying.
 */
export class SocketTicketRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SocketTicketRefused';
  }
  /** The device was revoked or its user deactivated: its replica is wiped, as after close code 4410. */
  get revoked(): boolean {
    return this.code === 'device_revoked' || this.code === 'user_inactive';
  }
}

class TicketUnauthorized extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * POST /api/socket-tickets with the access token: a single-use ticket for one WebSocket upgrade. The answer is
 * parsed with the shared schema; throws TicketUnauthorized (401), SocketTicketRefused (403) or Error.
 */
export const requestSocketTicket: TicketRequester = async (serverUrl, accessToken) => {
  const response = await fetch(new URL(SOCKET_TICKETS_PATH, serverUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201) {
    const parsed = socketTicketResponse.safeParse(body);
    if (parsed.success) return parsed.data.ticket;
    throw new Error('the server answered a socket ticket request with something else');
  }
  const error = apiErrorResponse.safeParse(body);
  const code = error.success ? error.data.error.code : `http_${response.status}`;
  if (response.status === 401) throw new TicketUnauthorized(code);
  if (response.status === 403)
    throw new SocketTicketRefused(code, error.success ? error.data.error.message : code);
  throw new Error(`socket ticket: HTTP ${response.status} ${code}`);
};

export interface SocketTicketSourceOptions {
  serverUrl: string;
  getAccessToken: () => Promise<string>;
  /** Exchanges the refresh token (the server said the access token no longer holds). */
  refreshAccessToken: () => Promise<void>;
  requestTicket?: TicketRequester;
}

/**
 * A fresh ticket for every socket a client opens (sync and documents), so no URL ever carries the access token.
 * A 401 refreshes the access token once and asks again; what still fails is SocketTicketRefused.
 */
export function socketTicketSource(options: SocketTicketSourceOptions): () => Promise<string> {
  const request = options.requestTicket ?? requestSocketTicket;
  const session = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch {
      throw new SocketTicketRefused('signed_out', 'No valid session to open a socket with');
    }
  };
  return async () => {
    try {
      return await request(options.serverUrl, await session(options.getAccessToken));
    } catch (error) {
      if (!(error instanceof TicketUnauthorized)) throw error;
    }
    await session(options.refreshAccessToken);
    try {
      return await request(options.serverUrl, await session(options.getAccessToken));
    } catch (error) {
      if (error instanceof TicketUnauthorized)
        throw new SocketTicketRefused(error.code, 'The server refused this session');
      throw error;
    }
  };
}

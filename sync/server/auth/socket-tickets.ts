import { randomBytes } from 'node:crypto';
import type { Principal } from '@shared/sync';
import type { Sql } from '../db/sql';
import { hashToken } from './tokens';

/** How long a socket ticket may wait for its upgrade: enough for a slow network, too short to be worth stealing. */
export const SOCKET_TICKET_TTL_MS = 30_000;

/** Whose socket a redeemed ticket opens. */
export interface TicketHolder {
  userId: string;
  deviceId: string;
  workspaceId: string;
}

/**
 * Short-lived, single-use tickets that open one WebSocket (`/sync?ticket=…`, `/yjs/<doc>?ticket=…`), so the
 * access token never travels in a URL (URLs end up in console errors and proxy logs). Kept hashed in the
 * database: a ticket issued by one node opens a socket on any node of the deployment, and the DELETE …
 * RETURNING that redeems it lets exactly one upgrade through, on every node.
 */
export class SocketTickets {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now,
    private readonly ttlMs: number = SOCKET_TICKET_TTL_MS,
  ) {}

  /** A new ticket for this person's device, valid for one upgrade within the TTL. */
  async issue(principal: Principal): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = now + this.ttlMs;
    // Expired tickets go as new ones come: the table holds about one TTL's worth of tickets.
    await this.sql.query('DELETE FROM socket_tickets WHERE expires_at < $1', [now]);
    await this.sql.query(
      'INSERT INTO socket_tickets (hash, user_id, device_id, workspace_id, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [hashToken(ticket), principal.userId, principal.deviceId, principal.workspaceId, expiresAt],
    );
    return { ticket, expiresAt };
  }

  /** Spends a ticket: its holder, or null when it is unknown, already used or expired. */
  async redeem(ticket: string): Promise<TicketHolder | null> {
    const [row] = await this.sql.query<{
      user_id: string;
      device_id: string;
      workspace_id: string;
      expires_at: number;
    }>(
      'DELETE FROM socket_tickets WHERE hash = $1 RETURNING user_id, device_id, workspace_id, expires_at',
      [hashToken(ticket)],
    );
    if (!row || Number(row.expires_at) < this.now()) return null;
    return { userId: row.user_id, deviceId: row.device_id, workspaceId: row.workspace_id };
  }
}

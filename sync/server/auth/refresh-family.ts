import type { Sql } from '../db/sql';
import { REFRESH_TOKEN_TTL_MS, hashToken, newRefreshToken } from './tokens';

/** The device session a refresh token belongs to (its "family": every token rotated from one sign-in). */
export interface RefreshFamily {
  deviceId: string;
  userId: string;
}

/** What presenting a refresh token led to. */
export type RotationOutcome =
  | { kind: 'rotated'; family: RefreshFamily; next: string }
  /** Not a current token, nor one we remember spending (unknown or long expired). */
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'device_revoked' }
  /** A token that was already rotated out came back: the family is ended now (or was before). */
  | { kind: 'reused' };

interface DeviceRow {
  id: string;
  user_id: string;
  refresh_expires_at: number;
  revoked_at: number | null;
  refresh_reused_at: number | null;
}

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP, "refresh token rotation"): each token
 * is spent once and remembered until it would have expired. A spent token presented again means two parties
 * hold the family, and the server cannot tell which is the rightful one, so the whole family ends: its newest
 * refresh token and its access tokens stop working, and the device signs in again. The device is not
 * "revoked" (that would wipe its replica and lose unsynced work of someone who did nothing wrong).
 */
export async function rotateRefreshToken(
  sql: Sql,
  presented: string,
  now: number,
): Promise<RotationOutcome> {
  const hash = hashToken(presented);
  const [device] = await sql.query<DeviceRow>(
    'SELECT id, user_id, refresh_expires_at, revoked_at, refresh_reused_at FROM devices WHERE refresh_hash = $1',
    [hash],
  );
  if (!device)
    return (await endFamilyOfSpent(sql, hash, now)) ? { kind: 'reused' } : { kind: 'unknown' };
  if (Number(device.refresh_expires_at) < now) return { kind: 'expired' };
  if (device.revoked_at !== null) return { kind: 'device_revoked' };
  if (device.refresh_reused_at !== null) return { kind: 'reused' };

  const next = newRefreshToken();
  const swapped = await sql.transaction(async (tx) => {
    // Compare-and-swap: of two requests racing with the same token, only one rotates it.
    const rows = await tx.query(
      'UPDATE devices SET refresh_hash = $3, refresh_expires_at = $4, last_seen_at = $5 WHERE id = $1 AND refresh_hash = $2 AND refresh_reused_at IS NULL RETURNING id',
      [device.id, hash, hashToken(next), now + REFRESH_TOKEN_TTL_MS, now],
    );
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM spent_refresh_tokens WHERE device_id = $1 AND expires_at < $2', [
      device.id,
      now,
    ]);
    await tx.query(
      'INSERT INTO spent_refresh_tokens (hash, device_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
      [hash, device.id, Number(device.refresh_expires_at)],
    );
    return true;
  });
  // Lost the race: the same token was spent twice at once, which is reuse too.
  if (!swapped)
    return (await endFamilyOfSpent(sql, hash, now)) ? { kind: 'reused' } : { kind: 'unknown' };
  return { kind: 'rotated', family: { deviceId: device.id, userId: device.user_id }, next };
}

/** Ends the family of `hash` when it is a spent token that has not expired yet; true when it was one. */
async function endFamilyOfSpent(sql: Sql, hash: string, now: number): Promise<boolean> {
  const [spent] = await sql.query<{ device_id: string }>(
    'SELECT device_id FROM spent_refresh_tokens WHERE hash = $1 AND expires_at >= $2',
    [hash, now],
  );
  if (!spent) return false;
  await sql.query(
    'UPDATE devices SET refresh_reused_at = $2 WHERE id = $1 AND refresh_reused_at IS NULL',
    [spent.device_id, now],
  );
  return true;
}

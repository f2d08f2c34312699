import { randomUUID } from 'node:crypto';
import { MEMBER_ROLES, type MemberRole } from '@shared/domain';
import {
  scopeFor,
  type Principal,
  type Scope,
  type SessionResponse,
  type TeamNode,
} from '@shared/sync';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { rotateRefreshToken } from './refresh-family';
import { SignInLockout } from './sign-in-lockout';
import { SocketTickets } from './socket-tickets';
import {
  ACCESS_TOKEN_TTL_MS,
  REFRESH_TOKEN_TTL_MS,
  hashToken,
  newRefreshToken,
  newSecret,
  signAccessToken,
  verifyAccessToken,
} from './tokens';

interface UserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  team_ids: string[];
  read_only_team_ids: string[];
  active: boolean;
}

function asRole(role: string): MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(role) ? (role as MemberRole) : 'rep';
}

/**
 * Sign-in and sessions: slow password hashes, short access tokens, rotating refresh tokens bound to a
 * device, and device revocation (the revoked device is told to wipe its replica on its next connection).
 */
export class AuthService {
  private secret = '';
  private readonly tickets: SocketTickets;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => number = Date.now,
    private readonly lockout: SignInLockout = new SignInLockout(undefined, now),
  ) {
    this.tickets = new SocketTickets(sql, now);
  }

  /** Loads the shared signing secret (or creates it once; every node of a deployment reads the same). */
  async init(configuredSecret?: string): Promise<void> {
    if (configuredSecret) {
      this.secret = configuredSecret;
      return;
    }
    await this.sql.query(
      `INSERT INTO server_settings (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`,
      [newSecret()],
    );
    const [row] = await this.sql.query<{ value: string }>(
      `SELECT value FROM server_settings WHERE key = 'token_secret'`,
    );
    this.secret = row.value;
  }

  async hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  /**
   * Signs in with e-mail and password. Throws ApiFailure 401 on a wrong password, 429 `account_locked`
   * after too many of them for this e-mail (see SignInLockout), 429 `busy` when hashing is saturated.
   */
  async login(email: string, password: string, deviceName: string): Promise<SessionResponse> {
    // A locked address is refused before its password is hashed: the lock also sheds that work.
    this.lockout.assertOpen(email);
    const [user] = await this.sql.query<UserRow>('SELECT * FROM users WHERE email = $1', [
      email.toLowerCase(),
    ]);
    // Always hash, so timing does not reveal which e-mails exist.
    const ok = user
      ? await verifyPassword(password, user.password_hash)
      : (await hashPassword(password), false);
    if (!user || !ok) {
      this.lockout.recordFailure(email);
      throw new ApiFailure(401, 'invalid_credentials', 'E-mail or password is wrong');
    }
    this.lockout.recordSuccess(email);
    if (!user.active)
      throw new ApiFailure(403, 'user_inactive', 'This account has been deactivated by an admin');
    return this.openSession(user, deviceName);
  }

  async openSession(user: UserRow, deviceName: string): Promise<SessionResponse> {
    const deviceId = randomUUID();
    const refreshToken = newRefreshToken();
    const now = this.now();
    await this.sql.query(
      'INSERT INTO devices (id, user_id, name, refresh_hash, refresh_expires_at, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
      [deviceId, user.id, deviceName, hashToken(refreshToken), now + REFRESH_TOKEN_TTL_MS, now],
    );
    return this.sessionFor(user, deviceId, refreshToken);
  }

  private async sessionFor(
    user: UserRow,
    deviceId: string,
    refreshToken: string,
  ): Promise<SessionResponse> {
    const [workspace] = await this.sql.query<{ id: string; name: string }>(
      'SELECT id, name FROM workspaces WHERE id = $1',
      [user.workspace_id],
    );
    const accessExpiresAt = this.now() + ACCESS_TOKEN_TTL_MS;
    return {
      accessToken: await signAccessToken(this.secret, {
        sub: user.id,
        ws: user.workspace_id,
        dev: deviceId,
        exp: accessExpiresAt,
      }),
      refreshToken,
      accessExpiresAt,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: asRole(user.role),
        teamIds: user.team_ids,
        readOnlyTeamIds: user.read_only_team_ids,
      },
      workspace: { id: workspace.id, name: workspace.name },
      deviceId,
    };
  }

  /**
   * Exchanges a refresh token for a new pair (the old refresh token stops working). A rotated-out token that
   * comes back ends its whole device session (refresh-family.ts).
   */
  async refresh(refreshToken: string): Promise<SessionResponse> {
    const outcome = await rotateRefreshToken(this.sql, refreshToken, this.now());
    if (outcome.kind === 'device_revoked')
      throw new ApiFailure(401, 'device_revoked', 'This device was signed out by an admin');
    if (outcome.kind === 'reused')
      throw new ApiFailure(
        401,
        'refresh_token_reused',
        'This sign-in was ended because its refresh token was used twice: sign in again',
      );
    if (outcome.kind !== 'rotated')
      throw new ApiFailure(401, 'invalid_refresh_token', 'Sign in again');
    const [user] = await this.sql.query<UserRow>('SELECT * FROM users WHERE id = $1', [
      outcome.family.userId,
    ]);
    if (!user?.active)
      throw new ApiFailure(403, 'user_inactive', 'This account has been deactivated by an admin');
    return this.sessionFor(user, outcome.family.deviceId, outcome.next);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.sql.query(
      'UPDATE devices SET revoked_at = $2 WHERE refresh_hash = $1 AND revoked_at IS NULL',
      [hashToken(refreshToken), this.now()],
    );
  }

  /**
   * Resolves an access token to the acting person, checking the device and user are still allowed.
   * Throws ApiFailure 401 (code says why: expired, device_revoked …).
   */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw new ApiFailure(401, 'missing_token', 'Sign in first');
    const check = await verifyAccessToken(this.secret, token, this.now());
    if (!check.ok)
      throw new ApiFailure(
        401,
        check.reason === 'expired' ? 'token_expired' : 'invalid_token',
        'The session is not valid: sign in again',
      );
    return this.principalFor(check.payload.sub, check.payload.dev);
  }

  /** A single-use ticket that opens one socket as this person's device (POST /api/socket-tickets). */
  issueSocketTicket(principal: Principal): Promise<{ ticket: string; expiresAt: number }> {
    return this.tickets.issue(principal);
  }

  /**
   * The person opening a WebSocket, from its URL: `?ticket=` (spent here), or the access token in `?token=`
   * that clients before socket tickets send (deprecated: accepted for one more release). Throws ApiFailure
   * like `authenticate`; 401 `invalid_ticket` for a ticket unknown, used or expired.
   */
  async authenticateSocket(query: URLSearchParams): Promise<Principal> {
    const ticket = query.get('ticket');
    if (ticket === null) return this.authenticate(query.get('token') ?? undefined);
    const holder = await this.tickets.redeem(ticket);
    if (!holder)
      throw new ApiFailure(401, 'invalid_ticket', 'The socket ticket is unknown, used or expired');
    const principal = await this.principalFor(holder.userId, holder.deviceId);
    if (principal.workspaceId !== holder.workspaceId)
      throw new ApiFailure(401, 'invalid_ticket', 'The socket ticket is not for this workspace');
    return principal;
  }

  /** Checks that a user and device may still act (device not revoked, session not ended, user active). */
  private async principalFor(userId: string, deviceId: string): Promise<Principal> {
    const [row] = await this.sql.query<
      UserRow & { revoked_at: number | null; refresh_reused_at: number | null }
    >(
      'SELECT u.*, d.revoked_at, d.refresh_reused_at FROM users u JOIN devices d ON d.user_id = u.id WHERE u.id = $1 AND d.id = $2',
      [userId, deviceId],
    );
    if (!row) throw new ApiFailure(401, 'invalid_token', 'The session is not valid: sign in again');
    if (row.revoked_at !== null)
      throw new ApiFailure(401, 'device_revoked', 'This device was signed out by an admin');
    // Its refresh-token family was ended: the access tokens issued to it end with it.
    if (row.refresh_reused_at !== null)
      throw new ApiFailure(401, 'session_ended', 'This sign-in was ended: sign in again');
    if (!row.active)
      throw new ApiFailure(403, 'user_inactive', 'This account has been deactivated by an admin');
    return {
      userId: row.id,
      workspaceId: row.workspace_id,
      role: asRole(row.role),
      teamIds: row.team_ids,
      readOnlyTeamIds: row.read_only_team_ids,
      deviceId,
    };
  }

  async scopeOf(principal: Principal): Promise<Scope> {
    const teams = await this.sql.query<{ id: string; parent_team_id: string }>(
      'SELECT id, parent_team_id FROM teams WHERE workspace_id = $1',
      [principal.workspaceId],
    );
    const nodes: TeamNode[] = teams.map((t) => ({ id: t.id, parentTeamId: t.parent_team_id }));
    return scopeFor(principal, nodes);
  }

  /**
   * Re-reads the rights of a person already connected (role, teams, active; the device not revoked), for
   * sockets whose rights must follow an admin's change. Throws ApiFailure like `authenticate`.
   */
  async reload(principal: Principal): Promise<Principal> {
    const [row] = await this.sql.query<UserRow & { revoked_at: number | null }>(
      'SELECT u.*, d.revoked_at FROM users u JOIN devices d ON d.user_id = u.id WHERE u.id = $1 AND d.id = $2',
      [principal.userId, principal.deviceId],
    );
    if (!row) throw new ApiFailure(401, 'invalid_token', 'The session is not valid: sign in again');
    if (row.revoked_at !== null)
      throw new ApiFailure(401, 'device_revoked', 'This device was signed out by an admin');
    if (!row.active)
      throw new ApiFailure(403, 'user_inactive', 'This account has been deactivated by an admin');
    return {
      ...principal,
      role: asRole(row.role),
      teamIds: row.team_ids,
      readOnlyTeamIds: row.read_only_team_ids,
    };
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  MEMBER_ROLES,
  type Member,
  type MemberRole,
} from '@shared/domain';
import type { Principal, SessionResponse } from '@shared/sync';
import type { Sql } from '../db/sql';
import { ApiFailure } from '../errors';
import type { AuthService } from '../auth/auth-service';
import type { RecordStore } from '../records/record-store';
import type { ChangeBus } from '../fanout';
import type { WorkspaceCreationMode } from '../config';
import { mayCreateWorkspace, type CreationCaller } from './workspace-creation';

const creationClosed = () =>
  new ApiFailure(
    403,
    'workspace_creation_closed',
    'This server does not let you create a workspace: ask an admin of a workspace on this server',
  );
/** The same answer for an invite that cannot be used and for an e-mail that already has an account. */
const invalidInvite = () =>
  new ApiFailure(
    400,
    'invalid_invite',
    'This invite code cannot be used (used, expired or mistyped); if you already have an account, sign in',
  );

interface TeamRow {
  id: string;
  workspace_id: string;
  name: string;
  parent_team_id: string;
  created_at: number;
}
interface UserRow {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
  team_ids: string[];
  read_only_team_ids: string[];
  active: boolean;
  created_at: number;
}

/**
 * Workspace administration: the first person creates a workspace and becomes its admin; admins invite
 * others (a code), arrange teams in a tree, set roles and revoke devices. Users and teams are mirrored
 * into the `members` collection so every replica can show owners and teams by name.
 */
export class AdminService {
  constructor(
    private readonly sql: Sql,
    private readonly auth: AuthService,
    private readonly records: RecordStore,
    private readonly bus: ChangeBus,
    private readonly creationMode: WorkspaceCreationMode = 'first',
  ) {}

  /**
   * Creates a workspace with its first admin and signs that person in, if the server's setting lets `caller`
   * (403 `workspace_creation_closed` otherwise, decided before the e-mail is looked at).
   */
  async createWorkspace(
    input: {
      workspaceName: string;
      name: string;
      email: string;
      password: string;
      deviceName: string;
    },
    caller: CreationCaller = { kind: 'anonymous', fromThisMachine: false },
  ): Promise<SessionResponse> {
    const workspaceId = `ws-${randomUUID()}`;
    const teamId = `team-${randomUUID()}`;
    const userId = `user-${randomUUID()}`;
    const now = Date.now();
    const anyWorkspace = async (sql: Pick<Sql, 'query'>) =>
      (await sql.query('SELECT 1 FROM workspaces LIMIT 1')).length > 0;
    // Refused before any password is hashed: a closed server spends nothing on strangers.
    if (!mayCreateWorkspace(this.creationMode, caller, await anyWorkspace(this.sql)))
      throw creationClosed();
    const passwordHash = await this.auth.hashPassword(input.password);
    await this.sql.transaction(async (tx) => {
      // Two strangers racing for a fresh server: one creates the first workspace, the other is refused.
      if (this.creationMode !== 'open') {
        await tx.query('LOCK TABLE workspaces IN SHARE ROW EXCLUSIVE MODE');
        if (!mayCreateWorkspace(this.creationMode, caller, await anyWorkspace(tx)))
          throw creationClosed();
      }
      const [taken] = await tx.query('SELECT 1 FROM users WHERE email = $1', [input.email]);
      if (taken)
        throw new ApiFailure(
          409,
          'email_taken',
          'This e-mail already has an account: sign in instead',
        );
      await tx.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [
        workspaceId,
        input.workspaceName,
        now,
      ]);
      await tx.query(
        'INSERT INTO teams (id, workspace_id, name, parent_team_id, created_at) VALUES ($1, $2, $3, $4, $5)',
        [teamId, workspaceId, input.workspaceName, '', now],
      );
      await tx.query(
        'INSERT INTO users (id, workspace_id, email, name, password_hash, role, team_ids, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)',
        [
          userId,
          workspaceId,
          input.email,
          input.name,
          passwordHash,
          'admin',
          JSON.stringify([teamId]),
          now,
        ],
      );
    });
    await this.mirrorTeam(teamId);
    await this.mirrorUser(userId);
    await this.records.writeAsServer(workspaceId, 'settings', {
      id: DEFAULT_PIPELINE_ID,
      workspaceId,
      teamId: '',
      ownerId: userId,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
      updatedBy: userId,
      deleted: false,
      kind: 'pipeline',
      key: DEFAULT_PIPELINE_ID,
      value: DEFAULT_PIPELINE,
    });
    return this.auth.login(input.email, input.password, input.deviceName);
  }

  async createInvite(
    admin: Principal,
    input: { role: MemberRole; teamId: string; expiresInDays: number },
  ): Promise<{ code: string; expiresAt: number }> {
    this.requireAdmin(admin);
    if (input.teamId) await this.requireTeam(admin.workspaceId, input.teamId);
    const code = randomBytes(9).toString('base64url');
    const expiresAt = Date.now() + input.expiresInDays * 86_400_000;
    await this.sql.query(
      'INSERT INTO invites (code, workspace_id, role, team_id, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [code, admin.workspaceId, input.role, input.teamId, admin.userId, expiresAt],
    );
    return { code, expiresAt };
  }

  async join(input: {
    inviteCode: string;
    name: string;
    email: string;
    password: string;
    deviceName: string;
  }): Promise<SessionResponse> {
    const passwordHash = await this.auth.hashPassword(input.password);
    const userId = `user-${randomUUID()}`;
    const joined = await this.sql.transaction(async (tx) => {
      const [invite] = await tx.query<{
        workspace_id: string;
        role: string;
        team_id: string;
        expires_at: number;
        used_by: string | null;
        used_at: number | null;
      }>('SELECT * FROM invites WHERE code = $1 FOR UPDATE', [input.inviteCode]);
      if (!invite || invite.used_by || invite.used_at || Number(invite.expires_at) < Date.now())
        return false;
      const [taken] = await tx.query('SELECT 1 FROM users WHERE email = $1', [input.email]);
      if (taken) {
        // Answered like a spent invite, and the invite is spent: whoever holds one learns at most once
        // whether an address is registered (an unspent code would let them try address after address).
        await tx.query('UPDATE invites SET used_at = $2 WHERE code = $1', [
          input.inviteCode,
          Date.now(),
        ]);
        return false;
      }
      let teamId = invite.team_id;
      if (!teamId) {
        const [root] = await tx.query<{ id: string }>(
          `SELECT id FROM teams WHERE workspace_id = $1 AND parent_team_id = '' ORDER BY created_at LIMIT 1`,
          [invite.workspace_id],
        );
        teamId = root?.id ?? '';
      }
      await tx.query(
        'INSERT INTO users (id, workspace_id, email, name, password_hash, role, team_ids, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)',
        [
          userId,
          invite.workspace_id,
          input.email,
          input.name,
          passwordHash,
          invite.role,
          JSON.stringify(teamId ? [teamId] : []),
          Date.now(),
        ],
      );
      await tx.query('UPDATE invites SET used_by = $2, used_at = $3 WHERE code = $1', [
        input.inviteCode,
        userId,
        Date.now(),
      ]);
      return true;
    });
    if (!joined) throw invalidInvite();
    await this.mirrorUser(userId);
    return this.auth.login(input.email, input.password, input.deviceName);
  }

  async listTeams(principal: Principal): Promise<TeamRow[]> {
    return this.sql.query<TeamRow>(
      'SELECT * FROM teams WHERE workspace_id = $1 ORDER BY created_at',
      [principal.workspaceId],
    );
  }

  async createTeam(
    admin: Principal,
    input: { name: string; parentTeamId: string },
  ): Promise<TeamRow> {
    this.requireAdmin(admin);
    if (input.parentTeamId) await this.requireTeam(admin.workspaceId, input.parentTeamId);
    const id = `team-${randomUUID()}`;
    await this.sql.query(
      'INSERT INTO teams (id, workspace_id, name, parent_team_id, created_at) VALUES ($1, $2, $3, $4, $5)',
      [id, admin.workspaceId, input.name, input.parentTeamId, Date.now()],
    );
    await this.mirrorTeam(id);
    // Sockets keep each connection's scope; a new branch of the tree widens managers' scopes.
    await this.bus.publish({ kind: 'teams-changed', workspaceId: admin.workspaceId });
    return await this.requireTeam(admin.workspaceId, id);
  }

  async listUsers(principal: Principal): Promise<Omit<UserRow, 'password_hash'>[]> {
    return this.sql.query(
      'SELECT id, workspace_id, email, name, role, team_ids, read_only_team_ids, active, created_at FROM users WHERE workspace_id = $1 ORDER BY created_at',
      [principal.workspaceId],
    );
  }

  async updateUser(
    admin: Principal,
    userId: string,
    patch: { role?: MemberRole; teamIds?: string[]; readOnlyTeamIds?: string[]; active?: boolean },
  ): Promise<void> {
    this.requireAdmin(admin);
    const [user] = await this.sql.query<UserRow>(
      'SELECT * FROM users WHERE id = $1 AND workspace_id = $2',
      [userId, admin.workspaceId],
    );
    if (!user) throw new ApiFailure(404, 'not_found', 'No such user in this workspace');
    for (const teamId of [...(patch.teamIds ?? []), ...(patch.readOnlyTeamIds ?? [])])
      await this.requireTeam(admin.workspaceId, teamId);
    await this.sql.query(
      'UPDATE users SET role = $2, team_ids = $3, read_only_team_ids = $4, active = $5 WHERE id = $1',
      [
        userId,
        patch.role ?? user.role,
        JSON.stringify(patch.teamIds ?? user.team_ids),
        JSON.stringify(patch.readOnlyTeamIds ?? user.read_only_team_ids),
        patch.active ?? user.active,
      ],
    );
    await this.userChanged(admin.workspaceId, userId);
  }

  /**
   * After a user's row changed (here, or in a handover that deactivated them): the `members` mirror follows,
   * and their open sockets (on every node) re-read their rights before the next message.
   */
  async userChanged(workspaceId: string, userId: string): Promise<void> {
    await this.mirrorUser(userId);
    await this.bus.publish({ kind: 'user-changed', workspaceId, userId });
  }

  async listDevices(admin: Principal): Promise<
    {
      id: string;
      user_id: string;
      name: string;
      created_at: number;
      last_seen_at: number;
      revoked_at: number | null;
    }[]
  > {
    this.requireAdmin(admin);
    return this.sql.query(
      'SELECT d.id, d.user_id, d.name, d.created_at, d.last_seen_at, d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id WHERE u.workspace_id = $1 ORDER BY d.created_at',
      [admin.workspaceId],
    );
  }

  /** Signs a device out for good: its tokens stop working and it wipes its replica when it next connects. */
  async revokeDevice(admin: Principal, deviceId: string): Promise<void> {
    this.requireAdmin(admin);
    const rows = await this.sql.query(
      'UPDATE devices d SET revoked_at = $3 FROM users u WHERE d.id = $1 AND u.id = d.user_id AND u.workspace_id = $2 RETURNING d.id',
      [deviceId, admin.workspaceId, Date.now()],
    );
    if (rows.length === 0)
      throw new ApiFailure(404, 'not_found', 'No such device in this workspace');
    await this.bus.publish({ kind: 'device-revoked', workspaceId: admin.workspaceId, deviceId });
  }

  private requireAdmin(principal: Principal): void {
    if (principal.role !== 'admin')
      throw new ApiFailure(403, 'admin_only', 'Only an admin can do this');
  }

  private async requireTeam(workspaceId: string, teamId: string): Promise<TeamRow> {
    const [team] = await this.sql.query<TeamRow>(
      'SELECT * FROM teams WHERE id = $1 AND workspace_id = $2',
      [teamId, workspaceId],
    );
    if (!team) throw new ApiFailure(400, 'unknown_team', `No team ${teamId} in this workspace`);
    return team;
  }

  private async mirrorTeam(teamId: string): Promise<void> {
    const [team] = await this.sql.query<TeamRow>('SELECT * FROM teams WHERE id = $1', [teamId]);
    if (!team) return;
    const now = Date.now();
    const member: Member = {
      id: team.id,
      workspaceId: team.workspace_id,
      teamId: team.id,
      ownerId: '',
      createdAt: Number(team.created_at),
      updatedAt: now,
      createdBy: '',
      updatedBy: '',
      deleted: false,
      kind: 'team',
      name: team.name,
      email: '',
      role: '',
      parentTeamId: team.parent_team_id,
      teamIds: [],
      active: true,
    };
    await this.records.writeAsServer(team.workspace_id, 'members', member);
  }

  private async mirrorUser(userId: string): Promise<void> {
    const [user] = await this.sql.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
    if (!user) return;
    const role = MEMBER_ROLES.find((r) => r === user.role) ?? 'rep';
    const member: Member = {
      id: user.id,
      workspaceId: user.workspace_id,
      teamId: user.team_ids[0] ?? '',
      ownerId: user.id,
      createdAt: Number(user.created_at),
      updatedAt: Date.now(),
      createdBy: '',
      updatedBy: '',
      deleted: false,
      kind: 'user',
      name: user.name,
      email: user.email,
      role,
      parentTeamId: '',
      teamIds: user.team_ids,
      readOnlyTeamIds: user.read_only_team_ids,
      active: user.active,
    };
    await this.records.writeAsServer(user.workspace_id, 'members', member);
  }
}

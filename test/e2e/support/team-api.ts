import { expect, type APIRequestContext } from '@playwright/test';
import { buildDeal, buildLead, buildTicket, type DealFields } from '../../support/factories';
import { buildAccount, type AccountFields } from './factories';

/** The password every journey user signs up with. */
export const JOURNEY_PASSWORD = 'correct horse battery';

export interface JourneySession {
  accessToken: string;
  user: { id: string; email: string; teamIds: string[] };
  workspace: { id: string };
}

/**
 * Set-up of a journey through the sync server's REST API (what an admin would do elsewhere, not what the
 * journey is about): workspaces, teams, invites, records, users.
 */
export class TeamApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly serverUrl: string,
  ) {}

  private async send<T>(
    method: 'get' | 'post' | 'patch',
    path: string,
    options: { token?: string; data?: unknown; status?: number } = {},
  ): Promise<T> {
    const response = await this.request[method](`${this.serverUrl}${path}`, {
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      data: options.data,
    });
    expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(
      options.status ?? (method === 'post' ? 201 : 200),
    );
    return (await response.json()) as T;
  }

  /** Creates a workspace; its creator is the admin. */
  createWorkspace(data: {
    workspaceName: string;
    name: string;
    email: string;
  }): Promise<JourneySession> {
    return this.send('post', '/api/workspaces', {
      data: { ...data, password: JOURNEY_PASSWORD },
    });
  }

  signIn(email: string): Promise<JourneySession> {
    return this.send('post', '/api/auth/login', {
      data: { email, password: JOURNEY_PASSWORD },
      status: 200,
    });
  }

  async createTeam(admin: JourneySession, name: string): Promise<string> {
    return (
      await this.send<{ id: string }>('post', '/api/teams', {
        token: admin.accessToken,
        data: { name },
      })
    ).id;
  }

  async invite(
    admin: JourneySession,
    role: 'rep' | 'manager' | 'admin' | 'viewer',
    teamId: string,
  ) {
    return (
      await this.send<{ code: string }>('post', '/api/invites', {
        token: admin.accessToken,
        data: { role, teamId },
      })
    ).code;
  }

  /** Creates an account (the shared factory's defaults, these fields over them). */
  async createAccount(
    session: JourneySession,
    fields: Partial<AccountFields> & { teamId?: string },
  ): Promise<{ id: string }> {
    return this.send('post', '/api/records/accounts', {
      token: session.accessToken,
      data: buildAccount(fields),
    });
  }

  /** Creates a deal (the shared factory's defaults, these fields over them). */
  async createDeal(
    session: JourneySession,
    fields: Partial<DealFields> & { teamId?: string; ownerId?: string },
  ): Promise<{ id: string }> {
    return this.send('post', '/api/records/deals', {
      token: session.accessToken,
      data: buildDeal(fields),
    });
  }

  /** Creates any record through the REST API (e.g. a settings record such as a product of the price list). */
  async createRecord(
    session: JourneySession,
    collection: string,
    data: Record<string, unknown>,
  ): Promise<{ id: string }> {
    return this.send('post', `/api/records/${collection}`, { token: session.accessToken, data });
  }

  /** Creates a lead (the shared factory's defaults, these fields over them). */
  async createLead(
    session: JourneySession,
    fields: Parameters<typeof buildLead>[0],
  ): Promise<{ id: string }> {
    return this.send('post', '/api/records/leads', {
      token: session.accessToken,
      data: buildLead(fields),
    });
  }

  /** Creates a ticket (the shared factory's defaults, these fields over them). */
  async createTicket(
    session: JourneySession,
    fields: Parameters<typeof buildTicket>[0],
  ): Promise<{ id: string; createdAt: number }> {
    return this.send('post', '/api/records/tickets', {
      token: session.accessToken,
      data: buildTicket(fields),
    });
  }

  async accountNames(session: JourneySession): Promise<string[]> {
    const page = await this.send<{ documents: { name: string }[] }>(
      'get',
      '/api/records/accounts?since=0&limit=100',
      { token: session.accessToken },
    );
    return page.documents.map((d) => d.name);
  }

  /** Someone joins the workspace with an invite (as they would from the app's first-run screen). */
  join(data: { inviteCode: string; name: string; email: string }): Promise<JourneySession> {
    return this.send('post', '/api/auth/join', {
      data: { ...data, password: JOURNEY_PASSWORD, deviceName: 'journey set-up' },
    });
  }

  users(admin: JourneySession): Promise<{ id: string; email: string }[]> {
    return this.send('get', '/api/users', { token: admin.accessToken });
  }

  async moveUserToTeams(admin: JourneySession, userId: string, teamIds: string[]): Promise<void> {
    await this.send('patch', `/api/users/${userId}`, {
      token: admin.accessToken,
      data: { teamIds },
    });
  }
}

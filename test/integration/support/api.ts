import type { MemberRole } from '../../../shared/domain';
import type { SessionResponse } from '../../../shared/sync';
import { uniqueEmail } from '../../support/factories';

/** The password every test user signs up with. */
export const TEST_PASSWORD = 'correct horse';

/** One JSON request to the REST API; the body is parsed whatever the status. */
export async function api<T>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Creates a workspace and signs its first admin in. */
export async function createWorkspace(
  server: { url: string },
  name = '测试公司',
): Promise<SessionResponse> {
  const res = await api<SessionResponse>(server, 'POST', '/api/workspaces', {
    workspaceName: name,
    name: '管理员',
    email: uniqueEmail('admin'),
    password: TEST_PASSWORD,
    deviceName: 'test',
  });
  if (res.status !== 201)
    throw new Error(`createWorkspace: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Invites and signs up a user with a role in a team. */
export async function addUser(
  server: { url: string },
  admin: SessionResponse,
  role: MemberRole,
  teamId: string,
  name: string,
): Promise<SessionResponse> {
  const invite = await api<{ code: string }>(
    server,
    'POST',
    '/api/invites',
    { role, teamId },
    admin.accessToken,
  );
  const joined = await api<SessionResponse>(server, 'POST', '/api/auth/join', {
    inviteCode: invite.body.code,
    name,
    email: uniqueEmail(name),
    password: TEST_PASSWORD,
    deviceName: 'test',
  });
  if (joined.status !== 201)
    throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  return joined.body;
}

/** Creates a team (under `parentTeamId`, or at the top) and returns its id. */
export async function createTeam(
  server: { url: string },
  admin: SessionResponse,
  name: string,
  parentTeamId = '',
): Promise<string> {
  const res = await api<{ id: string }>(
    server,
    'POST',
    '/api/teams',
    { name, parentTeamId },
    admin.accessToken,
  );
  if (res.status !== 201) throw new Error(`createTeam: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

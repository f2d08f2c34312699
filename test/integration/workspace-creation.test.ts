import { afterEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import type { WorkspaceCreationMode } from '../../sync/server/config';
import type { RunningServer } from '../../sync/server/server';
import { uniqueEmail } from '../support/factories';
import {
  addUser,
  api,
  createTeam,
  createTestDatabase,
  engineName,
  startServer,
  TEST_PASSWORD,
  useTestServer,
} from './support/harness';

type ErrorBody = { error: { code: string; message: string } };

const workspace = (email = uniqueEmail('founder')) => ({
  workspaceName: '新公司',
  name: '创始人',
  email,
  password: TEST_PASSWORD,
  deviceName: 'test',
});

/**
 * `--workspace-creation`: who may POST /api/workspaces, and that a refusal never depends on the e-mail (so it
 * cannot tell a stranger whether an address is registered). Each case starts its own server on a fresh database.
 */
describe(`workspace creation setting (${engineName})`, { timeout: 120_000 }, () => {
  const started: { server: RunningServer; drop: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const { server, drop } of started.splice(0)) {
      await server.stop();
      await drop();
    }
  });
  const fresh = async (mode?: WorkspaceCreationMode, trustProxy?: string[]) => {
    const database = await createTestDatabase();
    const server = await startServer(
      database,
      {},
      { ...(mode ? { workspaceCreation: mode } : {}), ...(trustProxy ? { trustProxy } : {}) },
    );
    started.push({ server, drop: () => database.drop() });
    return server;
  };
  /** POST /api/workspaces, optionally with a token, or as if from another machine (through a trusted proxy). */
  const create = async (
    server: RunningServer,
    body: ReturnType<typeof workspace>,
    options: { token?: string; from?: string } = {},
  ) => {
    const response = await fetch(`${server.url}/api/workspaces`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('first (default): a stranger creates the first workspace; then only an admin of the server may, and strangers get one answer whatever the e-mail', async () => {
    const server = await fresh();
    const first = await create(server, workspace());
    expect(first.status).toBe(201);
    const founder = first.body as SessionResponse;

    const registered = await create(server, workspace(founder.user.email));
    const unknown = await create(server, workspace(uniqueEmail('stranger')));
    expect(registered.status).toBe(403);
    expect((registered.body as ErrorBody).error.code).toBe('workspace_creation_closed');
    expect(unknown).toEqual(registered);

    const team = await createTeam(server, founder, '华东');
    const rep = await addUser(server, founder, 'rep', team, 'rep');
    expect(await create(server, workspace(), { token: rep.accessToken })).toMatchObject({
      status: 403,
      body: { error: { code: 'workspace_creation_closed' } },
    });
    expect((await create(server, workspace(), { token: 'forged.token' })).status).toBe(401);

    const second = await create(server, workspace(), { token: founder.accessToken });
    expect(second.status).toBe(201);
    expect((second.body as SessionResponse).workspace.id).not.toBe(founder.workspace.id);
    expect((second.body as SessionResponse).user.role).toBe('admin');
  });

  it('first: two strangers racing on a fresh server create one workspace; the other is refused', async () => {
    const server = await fresh('first');
    const answers = await Promise.all([create(server, workspace()), create(server, workspace())]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 403]);
  });

  it('admin: the first workspace only from the server machine, then only admins', async () => {
    // The test talks to the server through a "proxy" on 127.0.0.1 that names the real client.
    const server = await fresh('admin', ['127.0.0.1']);
    expect(await create(server, workspace(), { from: '203.0.113.9' })).toMatchObject({
      status: 403,
      body: { error: { code: 'workspace_creation_closed' } },
    });
    const first = await create(server, workspace(), { from: '127.0.0.1' });
    expect(first.status).toBe(201);
    expect((await create(server, workspace(), { from: '127.0.0.1' })).status).toBe(403);
    const admin = first.body as SessionResponse;
    expect(
      (await create(server, workspace(), { token: admin.accessToken, from: '203.0.113.9' })).status,
    ).toBe(201);
  });

  it('open: a second stranger creates a workspace too (a hosted trial), where first refuses them', async () => {
    const open = await fresh('open');
    const first = await fresh('first');
    for (const server of [open, first])
      expect((await create(server, workspace())).status).toBe(201);
    expect((await create(open, workspace())).status).toBe(201);
    expect((await create(first, workspace())).status).toBe(403);
  });
});

describe(`joining with an invite tells nothing about registered e-mails (${engineName})`, () => {
  const env = useTestServer();
  const invite = async () =>
    (
      await api<{ code: string }>(
        env.server,
        'POST',
        '/api/invites',
        { role: 'rep' },
        env.admin.accessToken,
      )
    ).body.code;
  const join = (inviteCode: string, email: string) =>
    api<unknown>(env.server, 'POST', '/api/auth/join', {
      inviteCode,
      name: '新同事',
      email,
      password: TEST_PASSWORD,
      deviceName: 'test',
    });

  it('answers a registered e-mail exactly like a spent invite, and spends the invite', async () => {
    const spent = await invite();
    expect((await join(spent, uniqueEmail('first'))).status).toBe(201);
    const spentAnswer = await join(spent, uniqueEmail('late'));

    const code = await invite();
    const registered = await join(code, env.admin.user.email);
    expect(registered).toEqual(spentAnswer);
    expect(registered).toMatchObject({ status: 400, body: { error: { code: 'invalid_invite' } } });
    // Spent: its holder cannot go on trying addresses with it.
    expect(await join(code, uniqueEmail('next'))).toEqual(spentAnswer);
  });
});

import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { uniqueEmail } from '../support/factories';
import { api, engineName, TEST_PASSWORD, useTestServer } from './support/harness';

/** Raw answers of the REST API where the status or the headers are the point. */
describe(`REST answers on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer();

  const post = (path: string, body: unknown, token?: string) =>
    fetch(env.server.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const expectNotStored = (response: Response) => {
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  };

  it('answers that carry tokens may not be stored by any cache (create workspace, sign in, join, refresh)', async () => {
    // The server has a workspace already: creating another takes an admin's token (--workspace-creation first).
    const created = await post(
      '/api/workspaces',
      {
        workspaceName: '缓存测试',
        name: '管理员',
        email: uniqueEmail('cache-admin'),
        password: TEST_PASSWORD,
        deviceName: 'test',
      },
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    expectNotStored(created);

    const login = await post('/api/auth/login', {
      email: env.admin.user.email,
      password: TEST_PASSWORD,
      deviceName: 'cli',
    });
    expect(login.status).toBe(200);
    expectNotStored(login);
    const session = (await login.json()) as SessionResponse;

    const refreshed = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expectNotStored(refreshed);

    const invite = await api<{ code: string }>(
      env.server,
      'POST',
      '/api/invites',
      { role: 'rep', teamId: '' },
      env.admin.accessToken,
    );
    expect(invite.status).toBe(201);
    const joined = await post('/api/auth/join', {
      inviteCode: invite.body.code,
      name: '新同事',
      email: uniqueEmail('cache-join'),
      password: TEST_PASSWORD,
      deviceName: 'test',
    });
    expect(joined.status).toBe(201);
    expectNotStored(joined);
    // Only those: answers without tokens keep the default caching rules.
    expect((await fetch(`${env.server.url}/health`)).headers.get('pragma')).toBeNull();
  });

  it('answers 400 to a `since` beyond the exact integers or below zero, and pages from a valid one', async () => {
    const list = (since: string) =>
      api<{ error?: { code: string } }>(
        env.server,
        'GET',
        `/api/records/accounts?since=${since}`,
        undefined,
        env.admin.accessToken,
      );
    for (const since of ['9223372036854775808', '9007199254740992', '-1', '1e400', 'NaN']) {
      const res = await list(since);
      expect({ since, status: res.status }).toEqual({ since, status: 400 });
    }
    expect((await list('9007199254740991')).status).toBe(200);
    expect((await list('0')).status).toBe(200);
  });
});

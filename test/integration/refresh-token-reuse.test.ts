import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { api, engineName, TEST_PASSWORD, useTestServer } from './support/harness';

interface ErrorReply {
  error: { code: string };
}

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 security BCP): a refresh token is spent once; when a
 * spent one comes back, someone holds a copy, so the whole family (every token of that device session) dies.
 */
describe(`refresh-token reuse on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer();

  let email = '';
  beforeAll(async () => {
    const teamId = await env.createTeam('North');
    email = (await env.addUser('rep', teamId, 'Rep')).user.email;
  });

  /** A new device session of the rep (its own refresh-token family). */
  const signIn = async (): Promise<SessionResponse> => {
    const res = await api<SessionResponse>(env.server, 'POST', '/api/auth/login', {
      email,
      password: TEST_PASSWORD,
      deviceName: 'laptop',
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const refresh = (refreshToken: string) =>
    api<SessionResponse & ErrorReply>(env.server, 'POST', '/api/auth/refresh', { refreshToken });

  it('a refreshed session keeps rotating while no spent token comes back', async () => {
    const a = await signIn();
    const b = await refresh(a.refreshToken);
    expect(b.status).toBe(200);
    const c = await refresh(b.body.refreshToken);
    expect(c.status).toBe(200);
    expect(c.body.deviceId).toBe(a.deviceId);
    const me = await api(env.server, 'GET', '/api/records/accounts', undefined, c.body.accessToken);
    expect(me.status).toBe(200);
  });

  it('reusing a rotated token revokes the whole family: the newest token and its access token stop working', async () => {
    const a = await signIn();
    const b = await refresh(a.refreshToken);
    expect(b.status).toBe(200);

    const reuse = await refresh(a.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('refresh_token_reused');

    const newest = await refresh(b.body.refreshToken);
    expect(newest.status).toBe(401);
    // Not device_revoked: that code tells the laptop to wipe its replica, and this laptop did nothing wrong.
    expect(newest.body.error.code).not.toBe('device_revoked');
    const read = await api<ErrorReply>(
      env.server,
      'GET',
      '/api/records/accounts',
      undefined,
      b.body.accessToken,
    );
    expect(read.status).toBe(401);
    expect(read.body.error.code).not.toBe('device_revoked');

    // The person signs in again and works as before; other sessions were never touched.
    const again = await signIn();
    expect((await refresh(again.refreshToken)).status).toBe(200);
    const admin = await api(
      env.server,
      'GET',
      '/api/records/accounts',
      undefined,
      env.admin.accessToken,
    );
    expect(admin.status).toBe(200);
  });

  it('two requests racing with the same token: one rotates it, the other is reuse and ends the family', async () => {
    const a = await signIn();
    const answers = await Promise.all([refresh(a.refreshToken), refresh(a.refreshToken)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = answers.find((r) => r.status === 200)!;
    expect((await refresh(winner.body.refreshToken)).status).toBe(401);
  });
});

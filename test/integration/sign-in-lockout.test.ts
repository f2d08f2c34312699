import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningServer } from '../../sync/server/server';
import { DEFAULT_LOCKOUT_POLICY, SignInLockout } from '../../sync/server/auth/sign-in-lockout';
import {
  addUser,
  createTeam,
  createTestDatabase,
  createWorkspace,
  engineName,
  TEST_PASSWORD,
  type TestDatabase,
} from './support/harness';

/**
 * Per-account sign-in lockout over REST, with the per-IP limit off (`authRateLimit: 0`) so only the
 * account's count decides. The lockout runs on a clock the test moves, so nothing sleeps.
 */
describe(`sign-in lockout on ${engineName}`, { timeout: 60_000 }, () => {
  const clock = { now: Date.now() };
  let database: TestDatabase;
  let server: RunningServer;
  let email = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startSyncServer(
      {
        host: '127.0.0.1',
        port: 0,
        dataDir: database.dataDir,
        databaseUrl: database.databaseUrl,
        logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
        authRateLimit: 0,
      },
      { signInLockout: new SignInLockout(DEFAULT_LOCKOUT_POLICY, () => clock.now) },
    );
    const admin = await createWorkspace(server);
    const teamId = await createTeam(server, admin, 'North');
    email = (await addUser(server, admin, 'rep', teamId, 'Rep')).user.email;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const signIn = async (password: string, who = email) => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who, password, deviceName: 'laptop' }),
    });
    const body = (await response.json()) as { error?: { code: string } };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  };

  it('after 10 wrong passwords even the right one is refused with 429 and Retry-After until the delay has passed', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('wrong horse')).status).toBe(401);

    const locked = await signIn(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.code).toBe('account_locked');
    expect(Number(locked.retryAfter)).toBe(60);

    // Another account is not affected.
    expect((await signIn('wrong horse', 'someone.else@example.com')).status).toBe(401);

    clock.now += 59_000;
    expect((await signIn(TEST_PASSWORD)).status).toBe(429);
    clock.now += 1_000;
    expect((await signIn(TEST_PASSWORD)).status).toBe(200);

    // The successful sign-in cleared the count: 9 more wrong passwords do not lock.
    for (let i = 0; i < 9; i++) expect((await signIn('wrong horse')).status).toBe(401);
    expect((await signIn(TEST_PASSWORD)).status).toBe(200);
  });

  it('a burst of sign-ins beyond the hashing queue is refused at once with 429 busy, not queued', async () => {
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn('wrong horse', `nobody${i}@example.com`)),
    );
    const busy = burst.filter((answer) => answer.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(answer.body.error?.code).toBe('busy');
      expect(answer.retryAfter).toBe('1');
    }
    expect(burst.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    // Once the burst is through, a real sign-in is answered.
    expect((await signIn(TEST_PASSWORD)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningServer } from '../../sync/server/server';
import { freshDatabase } from './test-database';

/** Rate limits, the CORS allow-list and security headers, on a real server with a small sign-in limit. */
let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
let server: RunningServer;
const WEB_ORIGIN = 'http://127.0.0.1:4999';

beforeAll(async () => {
  database = await freshDatabase('crm-policies');
  server = await startSyncServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: database.dataDir,
    databaseUrl: database.databaseUrl,
    logLevel: 'silent',
    authRateLimit: 3,
    corsOrigins: [WEB_ORIGIN],
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const signIn = (forwardedFor?: string, url = server.url) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong password' }),
  });

describe('HTTP policies', () => {
  it('limits sign-in calls per address: 429 with Retry-After once the limit is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // No proxy is trusted here: a forged X-Forwarded-For does not buy a fresh budget.
    expect((await signIn('203.0.113.9')).status).toBe(429);
    // Other routes keep their own budget: refresh is limited separately, /health not at all.
    const refresh = await fetch(`${server.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: 'x'.repeat(40) }),
    });
    expect(refresh.status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('lets the desktop app and configured web origins read answers, and no one else', async () => {
    for (const origin of ['app://crm', WEB_ORIGIN]) {
      const preflight = await fetch(`${server.url}/api/auth/login`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    }
    const stranger = await fetch(`${server.url}/health`, {
      headers: { origin: 'http://evil.example.com' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const defaultWebPort = await fetch(`${server.url}/health`, {
      headers: { origin: 'http://127.0.0.1:5173' },
    });
    // Configured origins replace the defaults.
    expect(defaultWebPort.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('counts the client a trusted proxy names, and only a trusted proxy', async () => {
    const proxied = await freshDatabase('crm-policies-proxy');
    const behindProxy = await startSyncServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: proxied.dataDir,
      databaseUrl: proxied.databaseUrl,
      logLevel: 'silent',
      authRateLimit: 2,
      trustProxy: ['127.0.0.1'],
    });
    try {
      const statuses = async (client: string, calls: number) => {
        const seen: number[] = [];
        for (let i = 0; i < calls; i++) seen.push((await signIn(client, behindProxy.url)).status);
        return seen;
      };
      // Two people behind the same proxy keep their own budgets.
      expect(await statuses('198.51.100.1', 3)).toEqual([401, 401, 429]);
      expect(await statuses('198.51.100.2', 2)).toEqual([401, 401]);
    } finally {
      await behindProxy.stop();
      await proxied.drop();
    }
    // It starts a server of its own (PGlite's WASM starts slowly on a busy machine).
  }, 60_000);
});

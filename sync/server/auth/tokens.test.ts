import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { signAccessToken, verifyAccessToken } from './tokens';

describe('access tokens', () => {
  const payload = { sub: 'user-1', ws: 'ws-1', dev: 'dev-1', exp: 2_000 };
  it('verifies a token signed with the same secret until it expires', async () => {
    const token = await signAccessToken('secret', payload);
    expect(token.split('.')).toHaveLength(3); // a compact JWT
    expect(await verifyAccessToken('secret', token, 1_000)).toEqual({ ok: true, payload });
    expect(await verifyAccessToken('secret', token, 2_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
  it('refuses another secret, tampering, "alg: none" and garbage', async () => {
    const token = await signAccessToken('secret', payload);
    expect(await verifyAccessToken('other', token, 1_000)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const [header, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(await verifyAccessToken('secret', `${header}.${forged}.${signature}`, 1_000)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await verifyAccessToken('secret', `${none}.${body}.`, 1_000)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await verifyAccessToken('secret', body, 1_000)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(await verifyAccessToken('secret', 'a.b.c', 1_000)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('password hashes', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('wrong horse', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

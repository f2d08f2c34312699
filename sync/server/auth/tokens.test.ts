import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { signAccessToken, verifyAccessToken } from './tokens';

describe('access tokens', () => {
  const payload = { sub: 'user-1', ws: 'ws-1', dev: 'dev-1', exp: 2_000 };
  it('verifies a token signed with the same secret until it expires', () => {
    const token = signAccessToken('secret', payload);
    expect(verifyAccessToken('secret', token, 1_000)).toEqual({ ok: true, payload });
    expect(verifyAccessToken('secret', token, 2_000)).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses another secret, tampering and garbage', () => {
    const token = signAccessToken('secret', payload);
    expect(verifyAccessToken('other', token, 1_000)).toEqual({ ok: false, reason: 'signature' });
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'admin' })).toString('base64url');
    expect(verifyAccessToken('secret', `${forged}.${sig}`, 1_000)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyAccessToken('secret', `${body}`, 1_000)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyAccessToken('secret', 'a.b.c', 1_000)).toEqual({ ok: false, reason: 'malformed' });
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

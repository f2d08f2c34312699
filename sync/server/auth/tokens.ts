import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Access tokens: short-lived, HMAC-SHA256 signed `payload.signature` (base64url), verified without a
 * database round trip. Refresh tokens: random, stored only as a hash, rotated on every use, revocable
 * per device. The signing secret is shared by every node (server_settings or CRM_TOKEN_SECRET).
 */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 60 * 24 * 60 * 60_000;

const payloadSchema = z.object({
  sub: z.string(),
  ws: z.string(),
  dev: z.string(),
  exp: z.number(),
});
export type AccessTokenPayload = z.infer<typeof payloadSchema>;

export function signAccessToken(secret: string, payload: AccessTokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}

export type TokenCheck =
  | { ok: true; payload: AccessTokenPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyAccessToken(secret: string, token: string, now = Date.now()): TokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(body).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, reason: 'signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const payload = payloadSchema.safeParse(parsed);
  if (!payload.success) return { ok: false, reason: 'malformed' };
  if (payload.data.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload.data };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newSecret(): string {
  return randomBytes(48).toString('base64url');
}

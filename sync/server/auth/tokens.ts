import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/**
 * Access tokens: short-lived JWTs (HS256, signed and checked by `jose`), verified without a database round
 * trip. A standard format means any JWT tool can read one and the checks that matter (algorithm pinned,
 * expiry, issuer) come from a maintained library rather than our own parser. Refresh tokens: random,
 * stored only as a hash, rotated on every use, revocable per device (opaque on purpose: they are only
 * ever looked up). The signing secret is shared by every node (server_settings or CRM_TOKEN_SECRET).
 */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 60 * 24 * 60 * 60_000;

const ALGORITHM = 'HS256';
const ISSUER = 'field-crm-sync';

const claimsSchema = z.object({
  sub: z.string(),
  ws: z.string(),
  dev: z.string(),
  exp: z.number(),
});
/** What an access token says; `exp` in epoch milliseconds (the JWT carries seconds). */
export type AccessTokenPayload = z.infer<typeof claimsSchema>;

const keys = new Map<string, KeyObject>();
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Signs an access token for a person on a device, valid until `payload.exp` (ms, rounded down to s). */
export function signAccessToken(secret: string, payload: AccessTokenPayload): Promise<string> {
  return new SignJWT({ ws: payload.ws, dev: payload.dev })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(payload.sub)
    .setIssuer(ISSUER)
    .setExpirationTime(Math.floor(payload.exp / 1000))
    .sign(keyFor(secret));
}

export type TokenCheck =
  | { ok: true; payload: AccessTokenPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/** Checks signature, algorithm, issuer and expiry (at `now`, ms); never throws. */
export async function verifyAccessToken(
  secret: string,
  token: string,
  now = Date.now(),
): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp'],
    });
    const claims = claimsSchema.safeParse({ ...payload, exp: (payload.exp ?? 0) * 1000 });
    return claims.success ? { ok: true, payload: claims.data } : { ok: false, reason: 'malformed' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return { ok: false, reason: 'signature' };
    return { ok: false, reason: 'malformed' };
  }
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

import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { DEFAULT_MAX_WAITING_HASHES, HashQueue, defaultHashConcurrency } from './hash-queue';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt with N=2^15: slow on purpose, so a stolen table is expensive to attack. */
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** Every scrypt of this process goes through one bounded queue (see HashQueue). */
const hashQueue = new HashQueue(defaultHashConcurrency(), DEFAULT_MAX_WAITING_HASHES);

/**
 * Hashes `password` with a fresh salt. Throws ApiFailure 429 `busy` when too many hashes are waiting.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await hashQueue.run(() => scrypt(password, salt, KEY_LENGTH, PARAMS));
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` matches the stored hash. Throws ApiFailure 429 `busy` like `hashPassword`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await hashQueue.run(() =>
    scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: PARAMS.maxmem,
    }),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

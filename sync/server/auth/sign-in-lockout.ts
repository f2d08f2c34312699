import { ApiFailure } from '../errors';

/** When an e-mail address is locked and for how long. */
export interface LockoutPolicy {
  /** Wrong passwords for one e-mail within `windowMs` that lock it. */
  maxFailures: number;
  /** How long failures are remembered. */
  windowMs: number;
  /** The first lock; each further lock (without a successful sign-in between) doubles it … */
  firstLockMs: number;
  /** … up to this, so an attacker can delay a real user but never lock them out for good. */
  maxLockMs: number;
  /** E-mail addresses tracked at most; beyond that the oldest are forgotten, so memory stays bounded. */
  maxTracked: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 10,
  windowMs: 15 * 60_000,
  firstLockMs: 60_000,
  maxLockMs: 15 * 60_000,
  maxTracked: 100_000,
};

interface Attempts {
  failures: number;
  windowStart: number;
  lockedUntil: number;
  /** Locks so far; sets the length of the next one. */
  locks: number;
  lastFailure: number;
}

/**
 * Per-account sign-in lockout, counted in memory on this node: after `maxFailures` wrong passwords for one
 * e-mail address, sign-ins for it are refused (429 `account_locked` with Retry-After) without checking the
 * password, for a delay that grows with each lock but is capped. A successful sign-in clears the count.
 * Unknown addresses are counted the same way, so a lock never tells whether an account exists.
 */
export class SignInLockout {
  private readonly attempts = new Map<string, Attempts>();

  constructor(
    readonly policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws ApiFailure 429 `account_locked` (with Retry-After) while `email` is locked. */
  assertOpen(email: string): void {
    const entry = this.attempts.get(normalize(email));
    const remaining = entry ? entry.lockedUntil - this.now() : 0;
    if (remaining > 0)
      throw new ApiFailure(
        429,
        'account_locked',
        'Too many wrong passwords for this account; try again later',
        undefined,
        Math.ceil(remaining / 1000),
      );
  }

  /** Counts a wrong password for `email`, locking it when the count reaches the policy's limit. */
  recordFailure(email: string): void {
    const key = normalize(email);
    const now = this.now();
    const { maxFailures, windowMs, firstLockMs, maxLockMs } = this.policy;
    let entry = this.attempts.get(key);
    if (!entry) {
      this.makeRoom(now);
      entry = { failures: 0, windowStart: now, lockedUntil: 0, locks: 0, lastFailure: now };
      this.attempts.set(key, entry);
    } else if (now - entry.windowStart > windowMs) {
      // A quiet window since the last failure also forgets earlier locks: the next lock starts short again.
      if (now - entry.lastFailure > windowMs) entry.locks = 0;
      entry.failures = 0;
      entry.windowStart = now;
    }
    entry.failures += 1;
    entry.lastFailure = now;
    if (entry.failures >= maxFailures) {
      entry.lockedUntil = now + Math.min(firstLockMs * 2 ** entry.locks, maxLockMs);
      entry.locks += 1;
      entry.failures = 0;
      entry.windowStart = now;
    }
  }

  /** A right password: `email` starts from scratch. */
  recordSuccess(email: string): void {
    this.attempts.delete(normalize(email));
  }

  /** E-mail addresses tracked now (for tests and metrics). */
  get tracked(): number {
    return this.attempts.size;
  }

  /** Drops finished entries, then the oldest ones, until a new entry fits under `maxTracked`. */
  private makeRoom(now: number): void {
    if (this.attempts.size < this.policy.maxTracked) return;
    for (const [key, entry] of this.attempts)
      if (entry.lockedUntil <= now && now - entry.lastFailure > this.policy.windowMs)
        this.attempts.delete(key);
    for (const key of this.attempts.keys()) {
      if (this.attempts.size < this.policy.maxTracked) break;
      this.attempts.delete(key);
    }
  }
}

function normalize(email: string): string {
  return email.trim().toLowerCase();
}

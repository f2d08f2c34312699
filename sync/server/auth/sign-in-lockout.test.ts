import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../errors';
import { DEFAULT_LOCKOUT_POLICY, SignInLockout } from './sign-in-lockout';

const MINUTE = 60_000;

/** A lockout with the default policy on a clock the test moves. */
function lockoutAt(start = 1_000_000, policy = DEFAULT_LOCKOUT_POLICY) {
  const clock = { now: start };
  const lockout = new SignInLockout(policy, () => clock.now);
  const fail = (email: string, times: number) => {
    for (let i = 0; i < times; i++) lockout.recordFailure(email);
  };
  const refusal = (email: string): ApiFailure | null => {
    try {
      lockout.assertOpen(email);
      return null;
    } catch (error) {
      if (error instanceof ApiFailure) return error;
      throw error;
    }
  };
  return { clock, lockout, fail, refusal };
}

describe('SignInLockout', () => {
  it('locks an address after 10 wrong passwords, for one minute, with Retry-After', () => {
    const { clock, fail, refusal } = lockoutAt();
    fail('Ann@Example.com', 9);
    expect(refusal('ann@example.com')).toBeNull();
    fail('ann@example.com', 1);
    expect(refusal('ANN@example.com')).toMatchObject({
      status: 429,
      code: 'account_locked',
      retryAfterSeconds: 60,
    });
    expect(refusal('bob@example.com')).toBeNull();
    clock.now += MINUTE - 1000;
    expect(refusal('ann@example.com')?.retryAfterSeconds).toBe(1);
    clock.now += 1000;
    expect(refusal('ann@example.com')).toBeNull();
  });

  it('doubles each further lock up to 15 minutes, and a right password starts from scratch', () => {
    const { clock, lockout, fail, refusal } = lockoutAt();
    const seconds: number[] = [];
    for (let lock = 0; lock < 6; lock++) {
      fail('ann@example.com', 10);
      const retryAfter = refusal('ann@example.com')?.retryAfterSeconds ?? 0;
      seconds.push(retryAfter);
      clock.now += retryAfter * 1000;
    }
    expect(seconds).toEqual([60, 120, 240, 480, 900, 900]);
    lockout.recordSuccess('ann@example.com');
    fail('ann@example.com', 10);
    expect(refusal('ann@example.com')?.retryAfterSeconds).toBe(60);
  });

  it('forgets failures older than the window', () => {
    const { clock, fail, refusal } = lockoutAt();
    fail('ann@example.com', 9);
    clock.now += 15 * MINUTE + 1;
    fail('ann@example.com', 9);
    expect(refusal('ann@example.com')).toBeNull();
  });

  it('tracks a bounded number of addresses', () => {
    const { lockout, fail } = lockoutAt(0, { ...DEFAULT_LOCKOUT_POLICY, maxTracked: 3 });
    for (let i = 0; i < 10; i++) fail(`user${i}@example.com`, 1);
    expect(lockout.tracked).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../errors';
import { HashQueue, defaultHashConcurrency } from './hash-queue';

/** A task that stays running until the test releases it. */
function gate(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('HashQueue', () => {
  it('never runs more tasks at once than its bound, and runs every accepted one', async () => {
    const queue = new HashQueue(2, 10);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 8 }, () => gate());
    const results = gates.map((g, i) =>
      queue.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await g.promise;
        running -= 1;
        return i;
      }),
    );
    expect(queue.active).toBe(2);
    expect(queue.queued).toBe(6);
    for (const g of gates) g.release();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(2);
    expect(queue.active).toBe(0);
    expect(queue.queued).toBe(0);
  });

  it('refuses a task at once with 429 busy and Retry-After when the waiting line is full', async () => {
    const queue = new HashQueue(1, 2);
    const g = gate();
    const accepted = [0, 1, 2].map(() => queue.run(() => g.promise));
    const refused = await queue
      .run(() => Promise.resolve())
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(ApiFailure);
    expect(refused).toMatchObject({ status: 429, code: 'busy', retryAfterSeconds: 1 });
    g.release();
    await Promise.all(accepted);
    // With the line drained, new work is accepted again.
    await expect(queue.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('frees the slot of a task that fails', async () => {
    const queue = new HashQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it('derives 2 to 4 concurrent hashes from the cores', () => {
    expect(defaultHashConcurrency(1)).toBe(2);
    expect(defaultHashConcurrency(3)).toBe(3);
    expect(defaultHashConcurrency(64)).toBe(4);
  });
});

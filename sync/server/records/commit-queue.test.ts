import { describe, expect, it } from 'vitest';
import { CommitQueue, type JobOutcome } from './commit-queue';

interface Job {
  name: string;
  size: number;
  fail?: boolean;
}

/** A queue whose commits the test releases one by one, recording every group and every announcement. */
function harness(options: { maxJobs?: number; maxSize?: number } = {}) {
  const groups: string[][] = [];
  const log: string[] = [];
  const releases: (() => void)[] = [];
  let started: () => void = () => undefined;
  const queue = new CommitQueue<Job, string>({
    maxJobs: options.maxJobs ?? 10,
    maxSize: options.maxSize ?? 100,
    sizeOf: (job) => job.size,
    commit: async (jobs) => {
      groups.push(jobs.map((j) => j.name));
      const gate = new Promise<void>((resolve) => releases.push(resolve));
      started();
      await gate;
      if (jobs.some((j) => j.fail)) throw new Error('group failed');
      return jobs.map((job): JobOutcome<string> => ({
        result: `ok:${job.name}`,
        announce: () => {
          log.push(`announce ${job.name}`);
          return Promise.resolve();
        },
      }));
    },
  });
  /** Resolves when the next commit has started. */
  const nextCommit = () => new Promise<void>((resolve) => (started = resolve));
  const releaseNext = () => releases.shift()?.();
  const track = (p: Promise<string>, name: string) =>
    p.then(
      (r) => {
        log.push(`resolve ${name}`);
        return r;
      },
      (e: unknown) => {
        log.push(`reject ${name}`);
        throw e;
      },
    );
  return { queue, groups, log, nextCommit, releaseNext, track };
}

describe('CommitQueue', () => {
  it('commits an idle key’s first job at once, and jobs arriving meanwhile together, in order', async () => {
    const h = harness();
    let commit = h.nextCommit();
    const a = h.track(h.queue.enqueue('k', { name: 'a', size: 1 }), 'a');
    await commit;
    const b = h.track(h.queue.enqueue('k', { name: 'b', size: 1 }), 'b');
    const c = h.track(h.queue.enqueue('k', { name: 'c', size: 1 }), 'c');
    commit = h.nextCommit();
    h.releaseNext();
    expect(await a).toBe('ok:a');
    await commit;
    h.releaseNext();
    expect(await Promise.all([b, c])).toEqual(['ok:b', 'ok:c']);
    expect(h.groups).toEqual([['a'], ['b', 'c']]);
    // Each job is announced before its caller is answered, and the next is announced after.
    expect(h.log).toEqual([
      'announce a',
      'resolve a',
      'announce b',
      'resolve b',
      'announce c',
      'resolve c',
    ]);
    expect(h.queue.activeKeys).toBe(0);
  });

  it('bounds a group by job count and by size (a bigger job goes alone)', async () => {
    const h = harness({ maxJobs: 2, maxSize: 10 });
    let commit = h.nextCommit();
    const all = [h.queue.enqueue('k', { name: 'first', size: 1 })];
    await commit;
    for (const [name, size] of [
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['big', 50],
      ['d', 5],
      ['e', 6],
    ] as const)
      all.push(h.queue.enqueue('k', { name, size }));
    for (let i = 0; i < 5; i++) {
      commit = h.nextCommit();
      h.releaseNext();
      await commit;
    }
    h.releaseNext();
    await Promise.all(all);
    expect(h.groups).toEqual([['first'], ['a', 'b'], ['c'], ['big'], ['d'], ['e']]);
  });

  it('keeps keys apart: another key’s job does not wait', async () => {
    const h = harness();
    const first = h.nextCommit();
    const a = h.queue.enqueue('k1', { name: 'a', size: 1 });
    await first;
    const second = h.nextCommit();
    const b = h.queue.enqueue('k2', { name: 'b', size: 1 });
    await second;
    expect(h.groups).toEqual([['a'], ['b']]);
    h.releaseNext();
    h.releaseNext();
    expect(await Promise.all([a, b])).toEqual(['ok:a', 'ok:b']);
  });

  it('when a group fails, commits each job again alone so only the bad one fails', async () => {
    const h = harness();
    let commit = h.nextCommit();
    const first = h.queue.enqueue('k', { name: 'first', size: 1 });
    await commit;
    const good = h.track(h.queue.enqueue('k', { name: 'good', size: 1 }), 'good');
    const bad = h.track(h.queue.enqueue('k', { name: 'bad', size: 1, fail: true }), 'bad');
    const settled = Promise.allSettled([good, bad]);
    // first; then the failing group [good, bad]; then good alone; then bad alone.
    for (let i = 0; i < 3; i++) {
      commit = h.nextCommit();
      h.releaseNext();
      await commit;
    }
    h.releaseNext();
    await first;
    const [goodResult, badResult] = await settled;
    expect(goodResult).toEqual({ status: 'fulfilled', value: 'ok:good' });
    expect(badResult.status).toBe('rejected');
    expect(h.groups).toEqual([['first'], ['good', 'bad'], ['good'], ['bad']]);
  });

  it('rejects a caller whose announcement fails, and still answers the others', async () => {
    const queue = new CommitQueue<string, string>({
      maxJobs: 10,
      maxSize: 10,
      sizeOf: () => 1,
      commit: (jobs) =>
        Promise.resolve(
          jobs.map((job) => ({
            result: job,
            announce: job === 'x' ? () => Promise.reject(new Error('bus down')) : undefined,
          })),
        ),
    });
    await expect(queue.enqueue('k', 'x')).rejects.toThrow('bus down');
    expect(await queue.enqueue('k', 'y')).toBe('y');
  });
});

/**
 * Group commit, generic over what is committed: jobs queued under the same key while a group of that key is
 * being committed wait, and are then committed together as the next group, in arrival order. Each caller gets
 * its own result. The push path (push-group.ts) queues pushes per workspace|collection.
 */

/** A job's outcome in its group: its result, and what to do (announce the commit) before it is answered. */
export interface JobOutcome<Result> {
  result: Result;
  announce?: () => Promise<void>;
}

export interface CommitQueueOptions<Job, Result> {
  /** Jobs per group at most. */
  maxJobs: number;
  /** Size per group at most (a single bigger job is committed alone). */
  maxSize: number;
  /** The size of a job (rows of a push). */
  sizeOf: (job: Job) => number;
  /**
   * Commits a group (all or nothing) and returns one outcome per job, in order. If it throws, each job of the
   * group is committed again alone, so one bad job fails only its own caller.
   */
  commit: (jobs: Job[]) => Promise<JobOutcome<Result>[]>;
}

interface Pending<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

interface Queue<Job, Result> {
  waiting: Pending<Job, Result>[];
  running: boolean;
}

export class CommitQueue<Job, Result> {
  private readonly queues = new Map<string, Queue<Job, Result>>();

  constructor(private readonly options: CommitQueueOptions<Job, Result>) {}

  /** Queues a job under `key`; an idle key's first job is committed at once. */
  enqueue(key: string, job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      let queue = this.queues.get(key);
      if (!queue) {
        queue = { waiting: [], running: false };
        this.queues.set(key, queue);
      }
      queue.waiting.push({ job, resolve, reject });
      if (!queue.running) void this.drain(key, queue);
    });
  }

  /** Keys with jobs waiting or being committed (for tests). */
  get activeKeys(): number {
    return this.queues.size;
  }

  /** Commits a queue's jobs group by group until none is waiting. */
  private async drain(key: string, queue: Queue<Job, Result>): Promise<void> {
    const { maxJobs, maxSize, sizeOf } = this.options;
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        let count = 0;
        let size = 0;
        while (
          count < queue.waiting.length &&
          count < maxJobs &&
          (count === 0 || size + sizeOf(queue.waiting[count].job) <= maxSize)
        ) {
          size += sizeOf(queue.waiting[count].job);
          count += 1;
        }
        await this.runGroup(queue.waiting.splice(0, count));
      }
    } finally {
      queue.running = false;
      if (queue.waiting.length === 0 && this.queues.get(key) === queue) this.queues.delete(key);
    }
  }

  /** Commits a group and settles each caller; never throws. */
  private async runGroup(group: Pending<Job, Result>[]): Promise<void> {
    let outcomes: JobOutcome<Result>[];
    try {
      outcomes = await this.options.commit(group.map((p) => p.job));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const pending of group) await this.runGroup([pending]);
      return;
    }
    // Announced after the commit, in order, each caller answered before the next job is announced, as when they
    // ran one after another: a client must get its push reply before the documents of a later write to the same
    // record (else it would take its own, overwritten state for the stored one). The caller's reply is sent in
    // the microtasks that follow the resolve; a macrotask turn lets it go out first.
    for (let i = 0; i < group.length; i++) {
      const { result, announce } = outcomes[i];
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        if (announce) await announce();
        group[i].resolve(result);
      } catch (error) {
        group[i].reject(error);
      }
    }
  }
}

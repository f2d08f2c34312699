import { availableParallelism } from 'node:os';
import { ApiFailure } from '../errors';

/** How long a refused caller is told to wait before trying again (seconds). */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Runs slow password hashes a few at a time with a bounded line of waiting ones: a burst of sign-ins
 * (each a scrypt hash) cannot make a real one wait behind hundreds, and when the line is full the caller
 * is refused at once (429 `busy` with Retry-After) instead of queueing forever.
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!(concurrency >= 1)) throw new Error('HashQueue: concurrency must be at least 1');
    if (!(maxWaiting >= 0)) throw new Error('HashQueue: maxWaiting must not be negative');
  }

  /** Hashes running now. */
  get active(): number {
    return this.running;
  }

  /** Hashes waiting for a free slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` when a slot is free; throws ApiFailure 429 `busy` when the waiting line is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting)
        throw new ApiFailure(
          429,
          'busy',
          'Too many sign-ins are being checked right now; try again shortly',
          undefined,
          BUSY_RETRY_AFTER_SECONDS,
        );
      // The slot is handed over by the finishing task, so `running` never exceeds the bound.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Concurrent hashes for this machine: one per core, at least 2 and at most 4 (scrypt also uses memory). */
export function defaultHashConcurrency(cores = availableParallelism()): number {
  return Math.max(2, Math.min(4, cores));
}

/** Waiting hashes allowed beyond the running ones before callers are refused. */
export const DEFAULT_MAX_WAITING_HASHES = 32;

/**
 * Which local writes have not been handed to the socket in a push yet, so the app can let the push go before it
 * spends the main thread on re-rendering its own screen (BENCHMARKS.md "B4.ui"): RxDB's upstream needs a few
 * IndexedDB callbacks between the write and the push, and each one waits behind whatever render is running.
 *
 * Only a hint for scheduling: nothing about what is pushed or merged depends on it, and every wait is capped.
 */
export class UnsentWrites {
  private readonly unsent = new Set<string>();
  private readonly waiters = new Set<() => void>();

  /** Local writes of these records were made (and a push of them is expected). */
  written(collection: string, ids: readonly string[]): void {
    for (const id of ids) this.unsent.add(`${collection}/${id}`);
  }

  /** A push carrying these records was handed to the socket (or failed to be). */
  sent(collection: string, ids: readonly string[]): void {
    for (const id of ids) this.unsent.delete(`${collection}/${id}`);
    if (this.unsent.size === 0) this.release();
  }

  /** No push will go soon (offline, stopped): forget what waits and let every waiter go. */
  clear(): void {
    this.unsent.clear();
    this.release();
  }

  get size(): number {
    return this.unsent.size;
  }

  /** Resolves when every write made so far was handed to the socket, or after `maxWaitMs` at most. */
  whenSent(maxWaitMs: number): Promise<void> {
    if (this.unsent.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      this.waiters.add(done);
    });
  }

  private release(): void {
    for (const done of [...this.waiters]) done();
  }
}

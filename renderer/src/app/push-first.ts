/**
 * A colleague sees an edit as soon as its push leaves this laptop, and the push leaves only after RxDB's upstream
 * got a few turns of the main thread (IndexedDB callbacks). A re-render of this laptop's own screen right after a
 * save would take those turns first (BENCHMARKS.md "B4.ui"), so saves and live invalidation wait for the push to
 * be handed to the socket before they let React update the screen: a few ms when the page is idle, capped.
 */
export const PUSH_FIRST_MAX_WAIT_MS = 150;

/** What the gate asks (SyncEngine.localWritesSent): kept to one method, so the engine stays out of this bundle. */
export interface LocalWritesSent {
  localWritesSent(maxWaitMs: number): Promise<void>;
}

export class PushFirst {
  private engine: LocalWritesSent | null = null;

  /** The open team workspace's engine; null for a local workspace or when none is open. */
  use(engine: LocalWritesSent | null): void {
    this.engine = engine;
  }

  /** Resolves when this laptop's local writes have left in a push (at once without any, or without sync). */
  readonly wait = (): Promise<void> =>
    this.engine ? this.engine.localWritesSent(PUSH_FIRST_MAX_WAIT_MS) : Promise.resolve();
}

import type { RxReplicationState } from 'rxdb/plugins/replication';

/**
 * The one place that reads RxDB's replication internals (CONVENTIONS.md 14). RxDB has no public way to wait
 * for the upstream (push) queue alone: `awaitInSync()` also waits for the downstream, and a pull handler that
 * called it would wait for itself. RxDB's own downstream awaits `streamQueue.up` for the same reason
 * (replication-protocol/downstream.js), so we do too. rxdb-upstream.test.ts pins the shape and the behaviour
 * against the installed RxDB: an upgrade that moves it fails there, not silently in sync.
 */
export async function awaitUpstreamSettled<Doc, Checkpoint>(
  replication: RxReplicationState<Doc, Checkpoint> | undefined,
): Promise<void> {
  const internal = replication?.internalReplicationState;
  // Not started yet: no push can be out, nothing to wait for.
  if (!internal) return;
  const up: unknown = (internal as { streamQueue?: { up?: unknown } }).streamQueue?.up;
  if (!(up instanceof Promise))
    throw new Error('RxDB replication internals changed: streamQueue.up is not a promise');
  // A failed push is retried and reported by RxDB (error$); here only its end matters.
  await up.catch(() => undefined);
}

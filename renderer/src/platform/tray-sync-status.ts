import type { SyncStatus } from '@shared/ipc/contract';

/** What the app knows about its sync, reduced to what the tray icon shows. */
export interface SyncFacts {
  /** A local-only workspace never syncs. */
  mode: 'local' | 'team';
  connection?: 'offline' | 'connecting' | 'online';
  /** Local changes not yet accepted by the server. */
  pending?: number;
  /** The first full download is running. */
  initialDownload?: unknown;
  /** The server refused the sign-in, or this device was revoked: sync has stopped until someone acts. */
  signedOut?: boolean;
  revoked?: boolean;
}

/**
 * The tray state for the sync engine's status: local-only, error (signed out / revoked), offline, syncing
 * (connecting, first download, or changes waiting while online), synced.
 */
export function traySyncStatus(facts: SyncFacts): SyncStatus {
  const pendingChanges = Math.max(0, Math.trunc(facts.pending ?? 0));
  if (facts.mode === 'local') return { state: 'local-only' };
  if (facts.signedOut || facts.revoked) return { state: 'error', pendingChanges };
  if (facts.connection === undefined || facts.connection === 'offline')
    return { state: 'offline', pendingChanges };
  if (facts.connection === 'connecting' || facts.initialDownload || pendingChanges > 0)
    return { state: 'syncing', pendingChanges };
  return { state: 'synced', pendingChanges: 0 };
}

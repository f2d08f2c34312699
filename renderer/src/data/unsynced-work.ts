import type { Workspace } from './workspace';

/** What signing out would lose: local work the server has not acknowledged yet. */
export interface UnsyncedWork {
  /** Record changes waiting for the server (the sync engine's pending list). */
  records: number;
  /** Account plans, deal and meeting notes with edits the server has not confirmed storing (the dirty list). */
  documents: number;
}

type Parts = Pick<Workspace, 'sync' | 'documents'>;

/** Counts both from their persisted lists, so edits made offline before a reload are counted too. */
export function countUnsyncedWork(workspace: Parts): UnsyncedWork {
  return {
    records: workspace.sync?.engine.pendingCount ?? 0,
    documents: workspace.documents.unsyncedCount(),
  };
}

export function hasUnsyncedWork(work: UnsyncedWork): boolean {
  return work.records > 0 || work.documents > 0;
}

/** Calls `listener` whenever either count may have changed; returns the unsubscribe. */
export function watchUnsyncedWork(workspace: Parts, listener: () => void): () => void {
  const subscription = workspace.sync?.state$.subscribe(() => listener());
  const stopDocuments = workspace.documents.onUnsyncedChange(listener);
  return () => {
    subscription?.unsubscribe();
    stopDocuments();
  };
}

/** "Sync first": reconnects the record sync and sends the unsynced documents; resolves when the attempt is over. */
export async function syncUnsyncedWork(workspace: Parts): Promise<void> {
  workspace.sync?.engine.resume();
  await workspace.documents.syncNow();
}

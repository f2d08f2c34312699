import { useContext, useMemo, useSyncExternalStore } from 'react';
import type { CollectionName } from '@shared/domain';
import type { PendingChange } from '@sync/client/pending-change';
import type { TeamSync } from '../data/team/team-sync';
import { WorkspaceContext } from './use-workspace';

const NONE: readonly PendingChange[] = [];

/**
 * Every local change the team server has not acknowledged yet (latest edit first), live from the sync engine
 * (CONVENTIONS.md 3: components read sync through hooks). Empty in a local workspace and while the replica opens.
 */
export function usePendingChanges(): readonly PendingChange[] {
  const sync = useContext(WorkspaceContext)?.sync ?? null;
  return useEnginePendingChanges(sync);
}

/** The pending changes of a given team sync (null: none). */
export function useEnginePendingChanges(sync: TeamSync | null): readonly PendingChange[] {
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => undefined;
      const subscription = sync.engine.pendingChanges$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => sync?.engine.pendingChanges$.value ?? NONE,
  );
}

/** The waiting changes of one collection by record id (list rows look theirs up); empty without a collection. */
export function usePendingByRecord(
  collection: CollectionName | undefined,
): ReadonlyMap<string, PendingChange> {
  const all = usePendingChanges();
  return useMemo(
    () => new Map(all.filter((c) => c.collection === collection).map((c) => [c.id, c])),
    [all, collection],
  );
}

/** What is waiting on one record (null: nothing). */
export function usePendingChange(collection: CollectionName, id: string): PendingChange | null {
  const all = usePendingChanges();
  return useMemo(
    () => all.find((c) => c.collection === collection && c.id === id) ?? null,
    [all, collection, id],
  );
}

/**
 * Honest totals: records waiting (the engine's pending counter) and edits waiting (its edit log). A record counted
 * before the log knew its edits counts as one edit, so the two numbers never contradict each other.
 */
export function pendingTotals(state: { pending: number; pendingEdits: number } | null): {
  edits: number;
  records: number;
} {
  if (!state) return { edits: 0, records: 0 };
  return { edits: Math.max(state.pendingEdits, state.pending), records: state.pending };
}

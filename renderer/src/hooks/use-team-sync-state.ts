import { useSyncExternalStore } from 'react';
import { useWorkspace } from './use-workspace';
import type { TeamSync, TeamSyncState } from '../data/team/team-sync';

/** The team sync state (null in a local workspace); re-renders on every change. */
export function useSyncState(): TeamSyncState | null {
  return useTeamSyncState(useWorkspace().sync);
}

/** The state of a given team sync (null: none, e.g. a local workspace or one still opening). */
export function useTeamSyncState(sync: TeamSync | null): TeamSyncState | null {
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => undefined;
      const subscription = sync.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => sync?.state$.value ?? null,
  );
}

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

/**
 * One value derived from a team sync's state (`select` must return a primitive or a stable reference): the
 * component re-renders only when that value changes, not on every status patch (counts, last sync time), which
 * would re-render a whole page right after each save, before its push leaves (BENCHMARKS.md "B4.ui").
 */
export function useTeamSyncValue<T>(
  sync: TeamSync | null,
  select: (state: TeamSyncState | null) => T,
): T {
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => undefined;
      const subscription = sync.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => select(sync?.state$.value ?? null),
  );
}

/** Whether the team server can be asked now (connected or connecting, and signed in). */
export function isSyncOnline(state: TeamSyncState | null): boolean {
  return !!state && state.connection !== 'offline' && !state.signedOut;
}

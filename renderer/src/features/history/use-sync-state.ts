import { useSyncExternalStore } from 'react';
import type { TeamSync, TeamSyncState } from '../../team/team-sync';

const noop = () => () => undefined;

/** The state of a team workspace's sync (connection, pending…), or null in a local workspace. */
export function useTeamSyncState(sync: TeamSync | null): TeamSyncState | null {
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return noop();
      const subscription = sync.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => sync?.state$.value ?? null,
  );
}

import { useSyncExternalStore } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import type { TeamSyncState } from '../../team/team-sync';

/** The team sync state (null in a local workspace); re-renders on every change. */
export function useSyncState(): TeamSyncState | null {
  const { sync } = useWorkspace();
  return useSyncExternalStore(
    (onChange) => {
      if (!sync) return () => undefined;
      const subscription = sync.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => sync?.state$.value ?? null,
  );
}

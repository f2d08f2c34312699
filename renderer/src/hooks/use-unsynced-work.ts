import { useCallback, useSyncExternalStore } from 'react';
import { countUnsyncedWork, watchUnsyncedWork, type UnsyncedWork } from '../data/unsynced-work';
import type { Workspace } from '../data/workspace';

/** Unsynced records and documents of a workspace, re-rendered whenever either count changes. */
export function useUnsyncedWork(workspace: Pick<Workspace, 'sync' | 'documents'>): UnsyncedWork {
  const subscribe = useCallback(
    (onChange: () => void) => watchUnsyncedWork(workspace, onChange),
    [workspace],
  );
  // Two numbers, each a stable snapshot (an object built per call would re-render forever).
  const records = useSyncExternalStore(subscribe, () => countUnsyncedWork(workspace).records);
  const documents = useSyncExternalStore(subscribe, () => countUnsyncedWork(workspace).documents);
  return { records, documents };
}

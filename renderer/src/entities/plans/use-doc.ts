import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DocHandle, DocSyncState } from '@sync/client';
import { useWorkspace } from '../../hooks/use-workspace';

/**
 * Opens a collaborative document for as long as the component is mounted and hands out the shared handle
 * (the Y.Doc, awareness and provider are created by the workspace's DocManager, never here).
 */
export function useDocHandle(name: string | null): DocHandle | null {
  const { documents } = useWorkspace();
  const [handle, setHandle] = useState<DocHandle | null>(null);
  useEffect(() => {
    if (!name) return undefined;
    let lease: { handle: DocHandle; release(): void } | null = null;
    let cancelled = false;
    // The engine's code loads on first use (data/documents/documents.ts); the document opens once it is there.
    void documents.engine().then(
      (docs) => {
        if (cancelled) return;
        lease = docs.open(name);
        setHandle(lease.handle);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
      setHandle(null);
      lease?.release();
    };
  }, [documents, name]);
  return handle;
}

/** The document's sync state (loaded, connection, unsynced edits, read-only); re-renders on change. */
export function useDocState(handle: DocHandle): DocSyncState {
  return useSyncExternalStore(
    (onChange) => {
      const subscription = handle.state$.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    () => handle.state$.value,
  );
}

export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

function presentUsers(handle: DocHandle): PresentUser[] {
  const users: PresentUser[] = [];
  for (const [clientId, state] of handle.awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    users.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#868e96',
      self: clientId === handle.doc.clientID,
    });
  }
  return users.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** Who is here: everyone with this document open right now (awareness), this person first. */
export function usePresence(handle: DocHandle): PresentUser[] {
  const snapshot = useRef<{ key: string; users: PresentUser[] }>({ key: '', users: [] });
  return useSyncExternalStore(
    (onChange) => {
      handle.awareness.on('change', onChange);
      return () => handle.awareness.off('change', onChange);
    },
    () => {
      const users = presentUsers(handle);
      const key = users.map((u) => `${u.clientId}:${u.name}:${u.color}`).join('|');
      if (key !== snapshot.current.key) snapshot.current = { key, users };
      return snapshot.current.users;
    },
  );
}

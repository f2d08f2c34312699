import { createContext, useContext } from 'react';
import type { Workspace } from './workspace';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside a workspace');
  return workspace;
}

/** Repositories of the open workspace: the only way features reach data (CONVENTIONS.md 2). */
export function useRepositories(): Workspace['repos'] {
  return useWorkspace().repos;
}

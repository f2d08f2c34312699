import { createContext, useContext } from 'react';
import type { Workspace } from '../data/workspace';
import type { Repositories } from '../data/repositories';

export const WorkspaceContext = createContext<Workspace | null>(null);

/**
 * The repositories pages read through: the open workspace's, or — while its replica is still opening — ones
 * whose calls wait for it (app/pending-repositories.ts), so the accounts list can render at once (B6).
 */
export const RepositoriesContext = createContext<Repositories | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside a workspace');
  return workspace;
}

/** Repositories of the workspace: the only way features reach data (CONVENTIONS.md 2). */
export function useRepositories(): Workspace['repos'] {
  const repos = useContext(RepositoriesContext);
  const workspace = useContext(WorkspaceContext);
  if (repos) return repos;
  if (!workspace) throw new Error('useRepositories outside a workspace');
  return workspace.repos;
}

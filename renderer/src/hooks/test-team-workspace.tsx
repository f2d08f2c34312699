import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { CrmDatabase } from '../data/database';
import type { Repositories } from '../data/repositories';
import type { Workspace } from '../data/workspace';
import { RepositoriesContext, WorkspaceContext } from './use-workspace';

/** u1, a rep of t1, in a team workspace (the field policy and write access apply only there). */
export function teamWorkspace(db: CrmDatabase, repos: Repositories): Workspace {
  const session = {
    mode: 'team' as const,
    workspaceId: 'w1',
    workspaceName: '华东销售部',
    userId: 'u1',
    userName: '我',
    role: 'rep' as const,
    teamId: 't1',
    serverUrl: 'http://127.0.0.1:9',
  };
  return { session, db, repos } as Partial<Workspace> as Workspace;
}

/** Renders `ui` as u1 sees it in that team workspace, at `path`, over a real test replica. */
export function renderInTeamWorkspace(
  ui: ReactNode,
  db: CrmDatabase,
  repos: Repositories,
  path = '/',
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <WorkspaceContext.Provider value={teamWorkspace(db, repos)}>
          <RepositoriesContext.Provider value={repos}>
            <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
          </RepositoriesContext.Provider>
        </WorkspaceContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

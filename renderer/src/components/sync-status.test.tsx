import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../i18n';
import { i18n } from '../i18n';
import { testTeamSync } from '../data/team/test-team-sync';
import { WorkspaceContext } from '../hooks/use-workspace';
import type { Workspace } from '../data/workspace';
import { SyncStatus } from './sync-status';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

function renderStatus(team: ReturnType<typeof testTeamSync>) {
  const workspace = { sync: team.sync } as Partial<Workspace> as Workspace;
  return render(
    <MantineProvider>
      <MemoryRouter>
        <WorkspaceContext.Provider value={workspace}>
          <SyncStatus />
        </WorkspaceContext.Provider>
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('header sync status', () => {
  it('counts edits and the records they are on, and links to the waiting changes', async () => {
    const team = testTeamSync({ connection: 'offline', pending: 2, pendingEdits: 3 });
    renderStatus(team);
    const pending = screen.getByTestId('sync-pending');
    expect(pending.textContent).toBe('3 处修改 · 2 条记录待同步');
    expect(pending.getAttribute('href')).toBe('/pending');
    expect(screen.getByTestId('sync-status').getAttribute('data-pending-edits')).toBe('3');

    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('sync-pending').textContent).toBe(
      '3 edits on 2 records waiting to sync',
    );
    act(() => team.state$.next({ ...team.state$.value, pending: 1, pendingEdits: 1 }));
    expect(screen.getByTestId('sync-pending').textContent).toBe(
      '1 edit on 1 record waiting to sync',
    );
  });

  it('never shows fewer edits than records, and nothing once all is synced', () => {
    // A record counted before the edit log knew its edits (an older version's pending set) is one edit.
    const team = testTeamSync({ connection: 'online', pending: 2, pendingEdits: 1 });
    renderStatus(team);
    expect(screen.getByTestId('sync-pending').textContent).toBe('2 处修改 · 2 条记录待同步');
    act(() => team.state$.next({ ...team.state$.value, pending: 0, pendingEdits: 0 }));
    expect(screen.queryByTestId('sync-pending')).toBeNull();
  });
});

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '@shared/domain';
import '../../../i18n';
import type { CrmDatabase } from '../../../data/database';
import type { Repositories } from '../../../data/repositories';
import { openTestReplica } from '../../../data/test-replica';
import { RepositoriesContext, WorkspaceContext } from '../../../hooks/use-workspace';
import type { Workspace } from '../../../data/workspace';
import { AccountFormModal } from './account-form-modal';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  cleanup();
  await db.close();
});

/** The replica's people: u1 (who uses the app) in t1, a colleague in t1, a rep of South and one of North. */
async function people(myRole: Member['role']) {
  const member = (
    id: string,
    name: string,
    kind: 'user' | 'team',
    role: Member['role'],
    team: string,
  ) =>
    repos.members.create({
      id,
      teamId: team,
      kind,
      name,
      email: '',
      role,
      parentTeamId: '',
      teamIds: kind === 'user' ? [team] : [],
      active: true,
    });
  for (const id of ['t1', 'south', 'north']) await member(id, id, 'team', '', id);
  await member('u1', '我', 'user', myRole, 't1');
  await member('rep-t1', '同事', 'user', 'rep', 't1');
  await member('rep-s', '华南销售', 'user', 'rep', 'south');
  await member('rep-n', '华北销售', 'user', 'rep', 'north');
}

/** u1's team workspace: the form asks it who may write (hooks/use-write-access.ts) before it offers save. */
function teamWorkspace(): Workspace {
  const session = {
    mode: 'team' as const,
    workspaceId: 'w1',
    workspaceName: '华东销售部',
    userId: 'u1',
    userName: '我',
    teamId: 't1',
    serverUrl: 'http://127.0.0.1:9',
  };
  // The form reads only the session and the replica; sync, documents and search stay out of this test.
  return { session, db, repos } as Partial<Workspace> as Workspace;
}

function renderForm() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <WorkspaceContext.Provider value={teamWorkspace()}>
          <RepositoriesContext.Provider value={repos}>
            <AccountFormModal opened onClose={() => undefined} />
          </RepositoriesContext.Provider>
        </WorkspaceContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** Opens the owner picker and returns the names it offers (once they are read from the replica). */
async function openOwnerPicker(): Promise<HTMLElement[]> {
  const input = screen
    .getAllByLabelText('负责人')
    .find((el): el is HTMLInputElement => el instanceof HTMLInputElement)!;
  fireEvent.click(input);
  // The owner's own listbox (the form has several pickers); jsdom cannot tell its transition has ended, so
  // its options count as hidden for role queries.
  return waitFor(() => {
    const listbox = document.querySelector<HTMLElement>(
      `[role="listbox"][aria-labelledby="${input.id}-label"]`,
    );
    const options = listbox ? within(listbox).getAllByRole('option', { hidden: true }) : [];
    expect(options.length).toBeGreaterThan(0);
    return options;
  });
}
const names = (options: HTMLElement[]) => options.map((option) => option.textContent ?? '');

describe('account form: the owner decides the team', { timeout: 30_000 }, () => {
  it('saves an account an admin gives to a South rep in South', async () => {
    await people('admin');
    renderForm();
    fireEvent.change(screen.getByTestId('account-name'), {
      target: { value: '广州表单负责人有限公司' },
    });
    const options = await openOwnerPicker();
    expect(names(options)).toContain('华南销售');
    fireEvent.click(options.find((option) => option.textContent === '华南销售')!);
    fireEvent.click(await screen.findByTestId('account-save'));

    await waitFor(async () => expect(await repos.accounts.count({ deleted: false })).toBe(1));
    const [saved] = await repos.accounts.find({ selector: { deleted: false }, limit: 1 });
    expect(saved).toMatchObject({ ownerId: 'rep-s', teamId: 'south' });
  });

  it("offers a rep only themselves and their team's people as owners", async () => {
    await people('rep');
    renderForm();
    expect(names(await openOwnerPicker())).toEqual(['同事', '我']);
  });
});

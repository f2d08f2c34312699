import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoverPreview, HandoverResult } from '@shared/sync';
import { i18n } from '../../../i18n';
import type { TeamSync } from '../../../data/team/team-sync';
import type { Workspace } from '../../../data/workspace';
import { WorkspaceContext } from '../../../hooks/use-workspace';
import type { TeamRow, UserRow } from '../schemas';
import { HandoverCard } from './handover-card';

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(cleanup);

// company → north → north-a; company → south. The manager (me) manages north.
const teams: TeamRow[] = [
  { id: 'company', name: '公司', parent_team_id: '' },
  { id: 'north', name: '华北', parent_team_id: 'company' },
  { id: 'north-a', name: '华北一组', parent_team_id: 'north' },
  { id: 'south', name: '华南', parent_team_id: 'company' },
];
const user = (id: string, name: string, role: string, teamIds: string[], active = true) =>
  ({
    id,
    name,
    email: `${id}@example.com`,
    role,
    team_ids: teamIds,
    read_only_team_ids: [],
    active,
  }) satisfies UserRow;
const users: UserRow[] = [
  user('me', '经理周', 'manager', ['north']),
  user('leaver', '王离职', 'rep', ['north-a']),
  user('peer', '李同组', 'rep', ['north']),
  user('south', '赵华南', 'rep', ['south']),
  user('gone', '钱已停用', 'rep', ['north'], false),
];

const preview: HandoverPreview = {
  fromUserId: 'leaver',
  toUserId: 'peer',
  counts: { accounts: 1, contacts: 0, leads: 1, deals: 0, tickets: 0, tasks: 0 },
  items: [
    { id: 'a1', kind: 'accounts', name: '苏州交接仪器有限公司' },
    { id: 'l1', kind: 'leads', name: '张先生' },
  ],
  truncated: false,
  skipped: 0,
};

/** The server stands in as a fake `call` (unit test); what the card sends is recorded. */
function renderCard() {
  const calls: { path: string; body: unknown }[] = [];
  const call = (_method: string, path: string, _schema: unknown, body: unknown) => {
    calls.push({ path, body });
    if (path === '/api/handover/preview') return Promise.resolve(preview);
    const result: HandoverResult = {
      fromUserId: 'leaver',
      toUserId: 'peer',
      moved: preview.counts,
      skipped: 0,
      deactivated: true,
      at: 1,
    };
    return Promise.resolve(result);
  };
  const workspace = {
    session: { mode: 'team', userId: 'me', role: 'manager', workspaceId: 'w1' },
    sync: { call } as unknown as TeamSync,
  } as unknown as Workspace;
  render(
    <MantineProvider>
      <ModalsProvider>
        <QueryClientProvider client={new QueryClient()}>
          <WorkspaceContext.Provider value={workspace}>
            <HandoverCard users={users} teams={teams} />
          </WorkspaceContext.Provider>
        </QueryClientProvider>
      </ModalsProvider>
    </MantineProvider>,
  );
  return calls;
}

/** Opens a picker and reads its options (Mantine's dropdown is mid-transition in jsdom: roles count as hidden). */
const optionsOf = async (testId: string) => {
  const input = screen.getByTestId(testId);
  fireEvent.click(input);
  await waitFor(() => expect(input.getAttribute('aria-controls')).toBeTruthy());
  const listbox = document.getElementById(input.getAttribute('aria-controls')!)!;
  return within(listbox)
    .getAllByRole('option', { hidden: true })
    .map((o) => o.textContent);
};
const pick = (testId: string, name: string) => {
  const listbox = document.getElementById(
    screen.getByTestId(testId).getAttribute('aria-controls')!,
  )!;
  fireEvent.click(within(listbox).getByRole('option', { name, hidden: true }));
};

describe('the handover card', () => {
  it("offers a manager their tree's people, previews, and hands over after the destructive confirm", async () => {
    const calls = renderCard();
    // Leaving person: people of the manager's tree (not the manager, not another team's rep).
    expect(await optionsOf('handover-from')).toEqual(['王离职', '李同组', '钱已停用 （已停用）']);
    pick('handover-from', '王离职');
    // Receiver: active people of the tree, the leaving person left out.
    expect(await optionsOf('handover-to')).toEqual(['经理周', '李同组']);
    pick('handover-to', '李同组');

    fireEvent.click(screen.getByTestId('handover-preview'));
    await screen.findByTestId('handover-preview-result');
    expect(screen.getByTestId('handover-count-accounts').dataset.count).toBe('1');
    expect(screen.getAllByTestId('handover-item').map((r) => r.textContent)).toEqual([
      '客户苏州交接仪器有限公司',
      '线索张先生',
    ]);
    expect(screen.getByTestId('handover-offline-note').textContent).toContain('负责人仍是接收人');
    fireEvent.click(screen.getByTestId('handover-deactivate'));
    expect(screen.getByTestId('handover-offline-note').textContent).toContain(
      '请先让 TA 的电脑完成同步',
    );

    fireEvent.click(screen.getByTestId('handover-execute'));
    fireEvent.click(await screen.findByTestId('handover-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('handover-result').textContent).toContain('2 条记录已转给 李同组'),
    );
    expect(calls.map((c) => c.path)).toEqual(['/api/handover/preview', '/api/handover']);
    expect(calls[1].body).toEqual({ fromUserId: 'leaver', toUserId: 'peer', deactivate: true });
  });
});

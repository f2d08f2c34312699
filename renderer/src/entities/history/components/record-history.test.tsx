import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BehaviorSubject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deal, LineItem } from '@shared/domain';
import type { HistoryEntry } from '@shared/sync';
import { i18n } from '../../../i18n';
import { buildAccount, buildDeal } from '../../../../../test/support/factories';
import type { CrmDatabase } from '../../../data/database';
import type { Repositories } from '../../../data/repositories';
import { openTestReplica } from '../../../data/test-replica';
import type { Workspace } from '../../../data/workspace';
import type { TeamSync, TeamSyncState } from '../../../data/team/team-sync';
import { RepositoriesContext, WorkspaceContext } from '../../../hooks/use-workspace';
import { RecordHistory } from './record-history';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
  await i18n.changeLanguage('zh-CN');
});
afterEach(async () => {
  cleanup();
  await db.close();
});

const ACCOUNT_ID = '7f3a9c1e-0b1d-4e55-9a0e-5c2f8d1b6a42';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 2, 0);

const widget: LineItem = {
  id: 'li-w',
  product: '标准版授权',
  quantity: 3,
  unitPrice: 10_000,
  discount: 0,
};
const support: LineItem = {
  id: 'li-s',
  product: '年度服务',
  quantity: 1,
  unitPrice: 5_000,
  discount: 0,
};

/** u1 (who uses the app) and u2 (a colleague on another laptop), both reps of t1. */
async function people(myRole: 'rep' | 'viewer') {
  const member = (
    id: string,
    name: string,
    kind: 'user' | 'team',
    role: 'rep' | 'viewer' = 'rep',
  ) =>
    repos.members.create({
      id,
      teamId: 't1',
      kind,
      name,
      email: '',
      role: kind === 'user' ? role : '',
      parentTeamId: '',
      teamIds: kind === 'user' ? ['t1'] : [],
      active: true,
    });
  await member('t1', '华东一组', 'team');
  await member('u1', '李雷', 'user', myRole);
  await member('u2', '王芳', 'user');
}

/** A deal of t1 with one line item now (the support line was deleted, the widget's quantity edited). */
async function dealNow(myRole: 'rep' | 'viewer' = 'rep'): Promise<Deal> {
  await people(myRole);
  await repos.accounts.create(buildAccount({ id: ACCOUNT_ID, name: '杭州云杉科技有限公司' }));
  return repos.deals.create(
    buildDeal({
      id: 'deal-1',
      name: '云杉二期',
      accountId: ACCOUNT_ID,
      lineItems: [widget],
      notes: '下周演示',
    }),
  );
}

const line = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  seq: 1,
  at: T0,
  userId: 'u1',
  userName: '李雷',
  field: 'name',
  oldValue: null,
  newValue: null,
  kind: 'change',
  ...overrides,
});

/** What the server answers for deal-1, newest first. */
function serverHistory(): HistoryEntry[] {
  const create = (field: string, newValue: unknown) =>
    line({ seq: 1, at: T0, field, newValue, kind: 'create' });
  return [
    // seq 4: u1's offline quantity lost to u2's later edit of the same item's quantity.
    line({
      seq: 4,
      at: T0 + 3 * DAY,
      userId: 'u1',
      userName: '李雷',
      field: 'lineItems',
      kind: 'merge',
      oldValue: 9,
      newValue: 3,
      merge: {
        reason: 'laterEdit',
        lostAt: T0 + DAY,
        keptAt: T0 + 2 * DAY,
        keptBy: 'u2',
        keptByName: '王芳',
        itemId: 'li-w',
        key: 'quantity',
      },
    }),
    // seq 3: u2 deleted the support line and changed the widget's quantity.
    line({
      seq: 3,
      at: T0 + 2 * DAY,
      userId: 'u2',
      userName: '王芳',
      field: 'lineItems',
      oldValue: [{ ...widget, quantity: 2 }, support],
      newValue: [widget],
    }),
    // The total followed the lines (derived: never restored on its own).
    line({
      seq: 3,
      at: T0 + 2 * DAY,
      userId: 'u2',
      userName: '王芳',
      field: 'amount',
      oldValue: 25_000,
      newValue: 30_000,
    }),
    // seq 2: notes typed offline on Monday, synced on Wednesday.
    line({
      seq: 2,
      at: T0 + 2 * DAY,
      editedAt: T0,
      userId: 'u2',
      userName: '王芳',
      field: 'notes',
      oldValue: '先报价',
      newValue: '下周演示',
    }),
    create('id', 'deal-1'),
    create('workspaceId', 'w1'),
    create('name', '云杉二期'),
    create('accountId', ACCOUNT_ID),
    create('pipelineId', 'pipeline-default'),
    create('stage', 'qualify'),
    create('amount', 35_000),
    create('rank', 1024),
    create('lineItems', [{ ...widget, quantity: 2 }, support]),
    create('createdAt', T0),
  ];
}

function teamWorkspace(role: 'rep' | 'viewer', history: HistoryEntry[]): Workspace {
  const session = {
    mode: 'team' as const,
    workspaceId: 'w1',
    workspaceName: '华东销售部',
    userId: 'u1',
    userName: '李雷',
    role,
    teamId: 't1',
    serverUrl: 'http://127.0.0.1:9',
  };
  const state$ = new BehaviorSubject<TeamSyncState>({
    connection: 'online',
    pending: 0,
    pendingEdits: 0,
    lastSyncedAt: T0,
    initialDownload: null,
    revoked: false,
    signedOut: false,
  });
  // The history comes from the server's REST API: this stands in for it (the replica is real).
  const sync = { state$, call: () => Promise.resolve(history) } as unknown as TeamSync;
  return { session, db, repos, sync } as Partial<Workspace> as Workspace;
}

function renderHistory(
  deal: Deal,
  role: 'rep' | 'viewer' = 'rep',
  history: HistoryEntry[] = serverHistory(),
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <WorkspaceContext.Provider value={teamWorkspace(role, history)}>
          <RepositoriesContext.Provider value={repos}>
            <RecordHistory collection="deals" id={deal.id} record={deal} />
          </RepositoriesContext.Provider>
        </WorkspaceContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const entry = (field: string, kind: string) =>
  screen
    .getAllByTestId('history-entry')
    .find((e) => e.dataset.field === field && e.dataset.kind === kind)!;

describe('record history reads like a person wrote it', { timeout: 30_000 }, () => {
  it('shows names, stage labels and money, and leaves ids, pipeline and rank out', async () => {
    const deal = await dealNow();
    renderHistory(deal);
    // The account's name is read from the replica after the history arrives.
    await waitFor(() =>
      expect(screen.getByTestId('record-history').textContent).toContain('杭州云杉科技有限公司'),
    );
    const text = screen.getByTestId('record-history').textContent ?? '';
    expect(text).toContain('初步接洽');
    expect(text).toContain('¥35,000');
    // Each line item of the created deal on its own line, money formatted.
    expect(within(entry('lineItems', 'create')).getAllByTestId('history-item')).toHaveLength(2);
    expect(text).toContain('年度服务 × 1 · ¥5,000');
    for (const raw of [ACCOUNT_ID, 'pipeline-default', '1024', 'deal-1', 'w1', 'li-w'])
      expect(text).not.toContain(raw);
    for (const hidden of ['rank', 'pipelineId', 'workspaceId', 'id', 'createdAt'])
      expect(screen.getAllByTestId('history-entry').some((e) => e.dataset.field === hidden)).toBe(
        false,
      );
  });

  it('says why a merge kept a value, who and when, and when an edit was made offline', async () => {
    const deal = await dealNow();
    renderHistory(deal);
    await screen.findByTestId('history-merge-why');
    const merge = entry('lineItems', 'merge');
    expect(merge.dataset.reason).toBe('laterEdit');
    expect(within(merge).getByTestId('history-merge-why').textContent).toContain(
      '在另一台电脑上更晚修改，保留了“3”',
    );
    const times = within(merge).getByTestId('history-merge-times').textContent ?? '';
    expect(times).toContain('李雷');
    expect(times).toContain('王芳');
    expect(times).toContain('“9”');
    // The line names the item and its field.
    expect(merge.textContent).toContain('标准版授权 · 数量');
    expect(screen.getByTestId('history-offline-edit').textContent).toMatch(/离线修改.*同步/);
  });

  it('explains an item kept because it was edited while deleted elsewhere', async () => {
    const deal = await dealNow();
    renderHistory(deal, 'rep', [
      line({
        seq: 5,
        at: T0 + 3 * DAY,
        userId: 'u2',
        userName: '王芳',
        field: 'lineItems[li-w]',
        kind: 'merge',
        oldValue: null,
        newValue: widget,
        merge: { reason: 'editKeepsItem', lostAt: T0 + DAY, keptAt: T0 + 2 * DAY, keptBy: 'u1' },
      }),
    ]);
    const why = await screen.findByTestId('history-merge-why');
    expect(why.textContent).toContain('保留了修改后的这一项');
    expect(screen.getByTestId('history-merge-times').textContent).toMatch(
      /王芳 于 .* 删除了这一项；李雷/,
    );
    expect(entry('lineItems', 'merge').textContent).toContain('标准版授权');
    // Restoring the losing change deletes the item after all: the button says so.
    await waitFor(() =>
      expect(within(why).getByTestId('history-restore').textContent).toBe('仍然删除这一项'),
    );
  });

  it('names a handover (离职交接) on the owner line, with both people', async () => {
    const deal = await dealNow();
    renderHistory(deal, 'rep', [
      line({
        seq: 5,
        at: T0 + 4 * DAY,
        userId: 'u1',
        userName: '李雷',
        field: 'ownerId',
        oldValue: 'u2',
        newValue: 'u1',
        handover: { fromUserId: 'u2', toUserId: 'u1' },
      }),
    ]);
    expect((await screen.findByTestId('history-handover')).textContent).toBe(
      '离职交接：王芳 → 李雷',
    );
  });

  it('reads the same in English', async () => {
    await i18n.changeLanguage('en');
    const deal = await dealNow();
    renderHistory(deal);
    const why = await screen.findByTestId('history-merge-why');
    expect(why.textContent).toContain('Kept "3": edited later on another laptop');
    expect(screen.getByTestId('record-history').textContent).toContain('Qualification');
    expect(screen.getByTestId('history-offline-edit').textContent).toContain('Edited offline at');
  });

  it('restores an overwritten value, a deleted item and a lost merge value as new edits', async () => {
    const deal = await dealNow();
    renderHistory(deal);
    await screen.findByTestId('history-merge-why');

    fireEvent.click(within(entry('notes', 'change')).getByTestId('history-restore'));
    await waitFor(async () => expect((await repos.deals.get('deal-1'))?.notes).toBe('先报价'));

    // The deleted support line comes back by id beside the widget; the total follows the lines.
    const removed = within(entry('lineItems', 'change'))
      .getAllByTestId('history-item')
      .find((e) => e.dataset.change === 'removed')!;
    fireEvent.click(within(removed).getByTestId('history-restore'));
    await waitFor(async () =>
      expect((await repos.deals.get('deal-1'))?.lineItems.map((i) => i.id)).toEqual([
        'li-w',
        'li-s',
      ]),
    );
    expect((await repos.deals.get('deal-1'))?.amount).toBe(35_000);

    fireEvent.click(within(entry('lineItems', 'merge')).getByTestId('history-restore'));
    await waitFor(async () =>
      expect((await repos.deals.get('deal-1'))?.lineItems[0]).toEqual({ ...widget, quantity: 9 }),
    );
    expect((await repos.deals.get('deal-1'))?.amount).toBe(95_000);
  });

  it('offers no restore of a total that follows the line items', async () => {
    const deal = await dealNow();
    renderHistory(deal);
    await waitFor(() => expect(screen.getByTestId('record-history').dataset.restore).toBe('true'));
    const amount = entry('amount', 'change');
    expect(amount.textContent).toContain('¥25,000');
    expect(within(amount).queryByTestId('history-restore')).toBeNull();
    expect(within(entry('notes', 'change')).getByTestId('history-restore')).toBeTruthy();
  });

  it('offers no restore to someone who may not edit the record', async () => {
    const deal = await dealNow('viewer');
    renderHistory(deal, 'viewer');
    await screen.findByTestId('history-merge-why');
    // Rights are read from the replica: once they are known there is still no button.
    await waitFor(() => expect(screen.getByTestId('record-history').dataset.restore).toBe('false'));
    expect(screen.queryAllByTestId('history-restore')).toHaveLength(0);
  });
});

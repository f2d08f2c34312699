import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../i18n';
import { pendingChange, testTeamSync } from '../../../data/team/test-team-sync';
import { WorkspaceContext } from '../../../hooks/use-workspace';
import type { Workspace } from '../../../data/workspace';
import { PendingMark, usePendingRowMark } from './pending-mark';

afterEach(cleanup);

function withSync(team: ReturnType<typeof testTeamSync>, node: React.ReactNode) {
  const workspace = { sync: team.sync } as Partial<Workspace> as Workspace;
  return render(
    <MantineProvider>
      <WorkspaceContext.Provider value={workspace}>{node}</WorkspaceContext.Provider>
    </MantineProvider>,
  );
}

/** A list's rows as the lists give them to VirtualTable (jsdom lays nothing out, so the rows are drawn here). */
function DealRows({ ids }: { ids: string[] }) {
  const mark = usePendingRowMark('deals');
  return (
    <>
      {ids.map((id) => (
        <div key={id} data-testid="row" data-marked={mark(id) ? 'true' : undefined}>
          {mark(id)}
          {id}
        </div>
      ))}
    </>
  );
}

describe('pending marks', () => {
  it("says on a record's page which fields wait and since when, and goes once synced", () => {
    const since = Date.now() - 3 * 60_000;
    const team = testTeamSync({}, [
      pendingChange('deals', 'd1', ['amount', 'stage', 'lineItems[i1].quantity'], since),
    ]);
    withSync(team, <PendingMark collection="deals" id="d1" />);
    const mark = screen.getByTestId('pending-mark');
    expect(mark.textContent).toBe('未同步：金额、阶段、报价明细 · 3 分钟前');
    expect(mark.getAttribute('data-fields')).toBe('amount,stage,lineItems');
    act(() => team.pendingChanges$.next([]));
    expect(screen.queryByTestId('pending-mark')).toBeNull();
  });

  it('marks only the waiting rows of a list', () => {
    const team = testTeamSync({}, [pendingChange('deals', 'd2', ['amount'], Date.now())]);
    withSync(team, <DealRows ids={['d1', 'd2', 'd3']} />);
    const marks = screen.getAllByTestId('pending-row-mark');
    expect(marks.map((m) => m.getAttribute('data-record-id'))).toEqual(['d2']);
    expect(marks[0].getAttribute('aria-label')).toContain('未同步：金额');
    const rows = screen.getAllByTestId('row');
    expect(rows.map((r) => r.getAttribute('data-marked'))).toEqual([null, 'true', null]);
  });

  it('shows nothing without a team sync (local workspace)', () => {
    render(
      <MantineProvider>
        <PendingMark collection="deals" id="d1" />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('pending-mark')).toBeNull();
  });
});

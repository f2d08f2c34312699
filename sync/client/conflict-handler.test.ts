import { describe, expect, it } from 'vitest';
import type { RxConflictHandlerInput } from 'rxdb';
import { createConflictHandler, RejectedRegistry } from './conflict-handler';

type Doc = Record<string, unknown> & { id: string };

const item = (id: string, quantity: number, unitPrice = 100) => ({
  id,
  productId: null,
  name: `品目${id}`,
  quantity,
  unitPrice,
  discount: 0,
});

const deal = (patch: Partial<Doc> = {}): Doc => ({
  id: 'd1',
  name: '华东年度框架',
  amount: 100,
  notes: '',
  lineItems: [item('a', 1)],
  ...patch,
});

function resolve(input: {
  assumed: Doc | null;
  real: Doc;
  mine: Doc;
  rejected?: RejectedRegistry;
}): Promise<Doc> {
  const handler = createConflictHandler<Doc>('deals', input.rejected ?? new RejectedRegistry());
  return handler.resolve(
    {
      assumedMasterState: input.assumed ?? undefined,
      realMasterState: input.real,
      newDocumentState: input.mine,
    } as unknown as RxConflictHandlerInput<Doc>,
    'test',
  );
}

describe('the client conflict handler', () => {
  it("keeps the server's decision on a path both changed and this replica's other edits", async () => {
    const merged = await resolve({
      assumed: deal(),
      real: deal({ notes: '服务器保留的备注' }),
      mine: deal({ notes: '本机的备注', name: '本机改名' }),
    });
    expect(merged).toMatchObject({ notes: '服务器保留的备注', name: '本机改名', _deleted: false });
  });

  it('merges line items item by item and derives the amount again from the merged items', async () => {
    const merged = await resolve({
      assumed: deal(),
      real: deal({ lineItems: [item('a', 1), item('b', 2)], amount: 300 }),
      mine: deal({ lineItems: [item('a', 3), item('c', 1, 50)], amount: 350 }),
    });
    const items = merged.lineItems as { id: string; quantity: number }[];
    expect(items.map((i) => [i.id, i.quantity]).sort()).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(merged.amount).toBe(300 + 200 + 50);
  });

  it("takes the server's state for a refused record", async () => {
    const rejected = new RejectedRegistry();
    rejected.mark('deals', 'd1');
    const real = deal({ notes: '服务器' });
    expect(await resolve({ assumed: deal(), real, mine: deal({ notes: '本机' }), rejected })).toBe(
      real,
    );
  });

  it("takes a merge loser's tombstone: the server carried this replica's edit to the survivor", async () => {
    const real = deal({ deleted: true, mergedIntoId: 'd9' });
    expect(await resolve({ assumed: deal(), real, mine: deal({ notes: '离线修改' }) })).toBe(real);
  });
});

describe('a lead the server assigned while it was pushed (issue 19)', () => {
  const lead = (patch: Partial<Doc> = {}): Doc => ({
    id: 'l1',
    name: '新线索',
    notes: '',
    ownerId: '',
    teamId: 'north',
    assignedAt: 0,
    ...patch,
  });
  const resolveLead = (input: { assumed: Doc | null; real: Doc; mine: Doc }) =>
    createConflictHandler<Doc>('leads', new RejectedRegistry()).resolve(
      {
        assumedMasterState: input.assumed ?? undefined,
        realMasterState: input.real,
        newDocumentState: input.mine,
      } as unknown as RxConflictHandlerInput<Doc>,
      'test',
    );

  it("takes the server's owner, team and time over the replica's unowned copy, and keeps the replica's other edits", async () => {
    const real = lead({ ownerId: 'rep-2', teamId: 'south', assignedAt: 1000 });
    const merged = await resolveLead({
      assumed: null,
      real,
      mine: lead({ notes: '路上补的备注' }),
    });
    expect(merged).toMatchObject({
      ownerId: 'rep-2',
      teamId: 'south',
      assignedAt: 1000,
      notes: '路上补的备注',
    });
  });

  it('a replica that already saw the assignment keeps its own later choice of owner', async () => {
    const real = lead({ ownerId: 'rep-2', assignedAt: 1000 });
    const merged = await resolveLead({
      assumed: real,
      real,
      mine: lead({ ownerId: 'rep-3', assignedAt: 1000 }),
    });
    expect(merged.ownerId).toBe('rep-3');
  });
});

import { describe, expect, it } from 'vitest';
import { encodeStamp, RejectReason, type Scope } from '@shared/sync';
import { decideRow, type RowInput } from './decide-row';
import { NO_OWNERS } from './record-ownership';
import { account, deal, principal, pushRow, stored } from './test-fixtures';

const teamA: Scope = new Set(['team-a']);

const at = (wall: number, node = 'dev-1') => encodeStamp({ wall, counter: 0, node });
/** The server's stamp for a row in these tests: received at 10 000 (fixtures were written at 1 000). */
const SERVER = at(10_000, 'server:n1');

function decide(overrides: Partial<RowInput> & Pick<RowInput, 'row'>) {
  return decideRow({
    principal: principal(),
    scope: teamA,
    collection: 'accounts',
    pipelines: new Map(),
    stored: null,
    ownership: NO_OWNERS,
    stamping: { incoming: overrides.row.stamps ?? {}, server: SERVER },
    ...overrides,
  });
}

describe('decideRow', () => {
  it('creates a new record, stamped with its author', () => {
    const decision = decide({ row: pushRow(account('a')) });
    expect(decision.rejected).toBeUndefined();
    expect(decision.write).toMatchObject({ kind: 'create', id: 'a', before: null });
    expect(decision.write?.kind !== 'tombstone' && decision.write?.entity.updatedBy).toBe('u-rep');
    expect(decision.write?.changes.length).toBeGreaterThan(5);
  });

  it('changes a record the client saw, listing what changed', () => {
    const base = account('a');
    const decision = decide({
      row: pushRow(account('a', { notes: 'typed', updatedAt: 2_000 }), base),
      stored: stored(base),
    });
    expect(decision.write).toMatchObject({
      kind: 'change',
      changes: [{ field: 'notes', oldValue: '', newValue: 'typed' }],
      conflicts: [],
    });
    expect(decision.conflict).toBeUndefined();
  });

  it('stamps a push that changes no field again, with no history lines', () => {
    // The app pushes an unchanged record to have it checked again (the inbox's retry); updatedAt moves on.
    const base = account('a');
    const decision = decide({ row: pushRow(base, base), stored: stored(base) });
    expect(decision.write).toMatchObject({ kind: 'change', changes: [] });
    expect(decision.write?.kind !== 'tombstone' && decision.write?.entity.updatedAt).toBe(1_001);
    expect(decision.conflict).toMatchObject({ updatedAt: 1_001 });
  });

  it('answers the merged state when it differs from what was pushed', () => {
    const base = account('a');
    const theirs = account('a', { phone: '010-1', updatedAt: 1_500 });
    const decision = decide({
      row: pushRow(account('a', { notes: 'mine', updatedAt: 2_000 }), base),
      stored: stored(theirs),
    });
    expect(decision.write?.kind).toBe('change');
    expect(decision.conflict).toMatchObject({ phone: '010-1', notes: 'mine', _deleted: false });
  });

  it('rejects an invalid record with its field issues, keeping what was typed', () => {
    const row = pushRow(account('a', { name: '' }));
    const decision = decide({ row });
    expect(decision.write).toBeUndefined();
    expect(decision.rejected).toMatchObject({
      collection: 'accounts',
      id: 'a',
      reason: RejectReason.validation,
      attempted: row.newDocumentState,
    });
    expect(decision.rejected?.issues?.[0].path).toBe('name');
  });

  it('rejects a write outside the caller’s scope and answers the stored state', () => {
    const base = account('a');
    const decision = decide({
      row: pushRow(account('a', { teamId: 'team-b' }), base),
      stored: stored(base),
    });
    expect(decision.rejected).toMatchObject({
      reason: RejectReason.outOfScope,
      params: { team: 'team-b' },
    });
    expect(decision.conflict).toEqual({ ...base, _deleted: false });
  });

  it('rejects a deal skipping a stage gate, through the shared rule', () => {
    const base = deal('d');
    const decision = decide({
      collection: 'deals',
      row: pushRow(deal('d', { stage: 'lost' }), base),
      stored: stored(base),
    });
    expect(decision.rejected).toMatchObject({
      reason: RejectReason.stageGate,
      params: { stage: 'lost', fields: 'lostReason' },
    });
    expect(
      decide({
        collection: 'deals',
        row: pushRow(deal('d', { stage: 'lost', lostReason: '预算' }), base),
        stored: stored(base),
      }).write?.kind,
    ).toBe('change');
  });

  it('stores a deal as its line items add up, and gates on what it stores', () => {
    // The app derives the amount from the line items before it pushes; a REST client or an older laptop may
    // not. The server stores the same derived amount the gate checked, so a won deal never shows 0.
    const base = deal('d', { amount: 0 });
    const lineItems = [
      { id: 'li-1', product: '数据平台许可', quantity: 2, unitPrice: 500, discount: 0 },
    ];
    const decision = decide({
      collection: 'deals',
      row: pushRow(deal('d', { stage: 'won', amount: 0, lineItems }), base),
      stored: stored(base),
    });
    expect(decision.rejected).toBeUndefined();
    expect(decision.write?.kind !== 'tombstone' && decision.write?.entity.amount).toBe(1_000);
    expect(decision.conflict).toMatchObject({ amount: 1_000, stage: 'won' });
    expect(
      decide({
        collection: 'deals',
        row: pushRow(deal('d', { stage: 'won', amount: 0 }), base),
        stored: stored(base),
      }).rejected,
    ).toMatchObject({ reason: RejectReason.stageGate, params: { stage: 'won', fields: 'amount' } });
  });

  it('turns a replication tombstone into a delete, and ignores one for nothing stored', () => {
    const base = account('a');
    const tombstone = decide({ row: pushRow(base, base, true), stored: stored(base) }).write;
    expect(tombstone).toMatchObject({
      kind: 'tombstone',
      id: 'a',
      before: base,
      changes: [{ field: '_deleted', oldValue: false, newValue: true, editedAt: 10_000 }],
      conflicts: [],
    });
    // Written before stamps: its fields keep their last write's time.
    expect(tombstone?.clocks.name).toBe(at(1_000, 'legacy'));
    expect(decide({ row: pushRow(base, null, true) })).toEqual({});
    expect(decide({ row: pushRow(base, base, true), stored: stored(base, true) })).toEqual({});
  });

  it('refuses a tombstone of a record outside the caller’s scope', () => {
    const other = account('a', { teamId: 'team-b' });
    const decision = decide({ row: pushRow(other, other, true), stored: stored(other) });
    expect(decision.rejected?.reason).toBe(RejectReason.outOfScope);
    expect(decision.write).toBeUndefined();
  });

  it('refuses a row nested too deep before the merge walks it, answering it without those fields', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5_000; i++) deep = { next: deep };
    const base = account('a');
    for (const row of [
      pushRow(account('a', { notes: deep }), base),
      pushRow(account('a', { notes: 'fine' }), account('a', { notes: deep })),
    ]) {
      const decision = decide({ row, stored: stored(account('a', { phone: '010-1' })) });
      expect(decision.write).toBeUndefined();
      expect(decision.rejected).toMatchObject({
        reason: RejectReason.validation,
        issues: [{ path: 'notes' }],
      });
      expect(() => JSON.stringify(decision)).not.toThrow();
      expect(decision.conflict).toMatchObject({ phone: '010-1' });
    }
  });

  it("stores a record in its owner's team and answers the pusher with it; refuses an owner out of scope", () => {
    const ownership = {
      teams: [
        { id: 'team-a', parentTeamId: '' },
        { id: 'team-b', parentTeamId: '' },
      ],
      owners: new Map([
        [
          'u-b',
          { id: 'u-b', role: 'rep' as const, teamId: 'team-b', teamIds: ['team-b'], active: true },
        ],
      ]),
    };
    const moved = decide({
      principal: principal({ role: 'admin' }),
      scope: 'all',
      ownership,
      row: pushRow(account('a', { ownerId: 'u-b' })),
    });
    expect(moved.write?.kind !== 'tombstone' && moved.write?.entity.teamId).toBe('team-b');
    expect(moved.conflict).toMatchObject({ id: 'a', teamId: 'team-b' });

    const refused = decide({ ownership, row: pushRow(account('b', { ownerId: 'u-b' })) });
    expect(refused.write).toBeUndefined();
    expect(refused.rejected).toMatchObject({ reason: RejectReason.ownerOutOfScope });
  });
});

describe('decideRow: the later edit wins', () => {
  const dealCollection = { collection: 'deals' as const };
  const line = (id: string, quantity = 1) => ({
    id,
    product: `产品 ${id}`,
    quantity,
    unitPrice: 100,
    discount: 0,
  });

  it("keeps Tuesday's stored value over Monday's pushed one, stores nothing new for it, and says so", () => {
    const base = account('a');
    const tuesday = {
      ...stored(account('a', { notes: 'tuesday', updatedBy: 'u-colleague' })),
      field_clocks: { notes: at(2_000, 'dev-2'), name: at(1_000, 'dev-2') },
    };
    const row = { ...pushRow(account('a', { notes: 'monday', phone: '010-9' }), base) };
    row.stamps = { notes: at(1_500), phone: at(1_600) };
    const decision = decide({ row, stored: tuesday });
    const write = decision.write;
    if (write?.kind !== 'change') throw new Error('expected a change');
    expect(write.entity).toMatchObject({ notes: 'tuesday', phone: '010-9' });
    expect(write.conflicts).toEqual([
      expect.objectContaining({
        path: 'notes',
        loser: 'incoming',
        lost: 'monday',
        kept: 'tuesday',
        keptStamp: at(2_000, 'dev-2'),
        lostStamp: at(1_500),
      }),
    ]);
    expect(write.clocks).toEqual({
      notes: at(2_000, 'dev-2'),
      name: at(1_000, 'dev-2'),
      phone: at(1_600),
    });
    expect(write.changes).toEqual([
      { field: 'phone', oldValue: '', newValue: '010-9', editedAt: 1_600 },
    ]);
    expect(decision.conflict).toMatchObject({ notes: 'tuesday' });
  });

  it('stamps a new record with the push’s stamps, and unstamped fields with the receive time', () => {
    const row = pushRow(account('a'));
    row.stamps = { name: at(3_000) };
    const write = decide({ row }).write;
    if (write?.kind !== 'create') throw new Error('expected a create');
    expect(write.clocks.name).toBe(at(3_000));
    expect(write.clocks.notes).toBe(SERVER);
    expect(write.clocks.updatedAt).toBeUndefined();
    expect(write.changes.find((c) => c.field === 'name')?.editedAt).toBe(3_000);
  });

  it('keeps both line items two laptops added from one base, and recomputes the amount from them', () => {
    const base = deal('d', { lineItems: [line('li-0')], amount: 100 });
    const first = deal('d', { lineItems: [line('li-0'), line('li-a', 2)], amount: 300 });
    const stampedFirst = {
      ...stored(first),
      field_clocks: { 'lineItems[li-a]': at(2_000, 'dev-2'), amount: at(2_000, 'dev-2') },
    };
    const row = pushRow(
      deal('d', { lineItems: [line('li-0'), line('li-b', 3)], amount: 400 }),
      base,
    );
    row.stamps = { 'lineItems[li-b]': at(1_500), amount: at(1_500) };
    const write = decide({ ...dealCollection, row, stored: stampedFirst }).write;
    if (write?.kind !== 'change') throw new Error('expected a change');
    // The later editor's list, the other's new item after its predecessor: additions in the order they were made.
    expect(write.entity.lineItems).toEqual([line('li-0'), line('li-b', 3), line('li-a', 2)]);
    expect(write.entity.amount).toBe(600);
    // The amount is derived, never merged: no merge line for it.
    expect(write.conflicts).toEqual([]);
    expect(write.clocks).toMatchObject({
      'lineItems[li-a]': at(2_000, 'dev-2'),
      'lineItems[li-b]': at(1_500),
      amount: SERVER,
    });
  });

  it('keeps a line item one laptop deleted and the other edited, with the edit', () => {
    const base = deal('d', { lineItems: [line('li-0'), line('li-1')], amount: 200 });
    const deleted = {
      ...stored(deal('d', { lineItems: [line('li-0')], amount: 100 })),
      field_clocks: { 'lineItems[li-1]': at(5_000, 'dev-2') },
    };
    const row = pushRow(
      deal('d', { lineItems: [line('li-0'), line('li-1', 4)], amount: 500 }),
      base,
    );
    row.stamps = { 'lineItems[li-1].quantity': at(1_500) };
    const write = decide({ ...dealCollection, row, stored: deleted }).write;
    if (write?.kind !== 'change') throw new Error('expected a change');
    expect(write.entity.lineItems).toEqual([line('li-0'), line('li-1', 4)]);
    expect(write.entity.amount).toBe(500);
    expect(write.conflicts).toEqual([
      expect.objectContaining({
        path: 'lineItems[li-1]',
        reason: 'editKeepsItem',
        loser: 'current',
        lost: null,
        keptStamp: at(1_500),
        lostStamp: at(5_000, 'dev-2'),
      }),
    ]);
    expect(write.clocks['lineItems[li-1]']).toBe(at(1_500));
  });
});

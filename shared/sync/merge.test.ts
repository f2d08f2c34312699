import { describe, expect, it } from 'vitest';
import { encodeStamp } from './hlc';
import {
  sameRecord,
  stableStringify,
  stampLookup,
  stampsAfterWrite,
  threeWayMerge,
  type StampPolicy,
} from './merge';

const base = {
  id: 'd1',
  name: '数据平台',
  amount: 100,
  closeDate: '2026-12-31',
  tags: ['a'],
  updatedAt: 1,
  updatedBy: 'u1',
};

describe('threeWayMerge', () => {
  it('keeps fields changed on one side only, from either side', () => {
    const current = { ...base, amount: 200, updatedAt: 2 };
    const incoming = { ...base, closeDate: '2027-03-31', updatedAt: 3 };
    const result = threeWayMerge(base, current, incoming, 'incoming');
    expect(result.merged).toMatchObject({ amount: 200, closeDate: '2027-03-31' });
    expect(result.conflicts).toEqual([]);
    expect(result.changedFields).toEqual(['closeDate']);
  });

  it('decides a field changed on both sides by the preferred side and reports the loser', () => {
    const current = { ...base, amount: 200 };
    const incoming = { ...base, amount: 300 };
    const serverSide = threeWayMerge(base, current, incoming, 'incoming');
    expect(serverSide.merged.amount).toBe(300);
    expect(serverSide.conflicts).toEqual([
      {
        field: 'amount',
        path: 'amount',
        base: 100,
        kept: 300,
        lost: 200,
        loser: 'current',
        reason: 'laterEdit',
      },
    ]);
    const clientSide = threeWayMerge(base, current, incoming, 'current');
    expect(clientSide.merged.amount).toBe(200);
    expect(clientSide.conflicts[0]?.lost).toBe(300);
  });

  it('treats the same change on both sides as no conflict, and arrays of values (tags) as one value', () => {
    const current = { ...base, amount: 500, tags: ['a', 'b'] };
    const incoming = { ...base, amount: 500, tags: ['a', 'c'] };
    const result = threeWayMerge(base, current, incoming, 'incoming');
    expect(result.conflicts.map((c) => c.field)).toEqual(['tags']);
    expect(result.merged.tags).toEqual(['a', 'c']);
  });

  it('removes a field the incoming side removed', () => {
    const withOptional = { ...base, deletedAt: 5 };
    const incoming = { ...base } as typeof withOptional;
    const result = threeWayMerge(withOptional, withOptional, incoming, 'incoming');
    expect('deletedAt' in result.merged).toBe(false);
  });

  it('without a base (a new record both sides created) compares to current', () => {
    const result = threeWayMerge(null, { ...base, amount: 1 }, { ...base, amount: 2 }, 'incoming');
    expect(result.merged.amount).toBe(2);
  });
});

describe('record equality', () => {
  it('ignores key order and replication fields', () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      stableStringify({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
    expect(sameRecord({ id: 'x', a: 1, _rev: '1-a' }, { a: 1, id: 'x', _meta: { lwt: 1 } })).toBe(
      true,
    );
    expect(sameRecord({ id: 'x', a: 1 }, { id: 'x', a: 2 })).toBe(false);
  });
});

const stamp = (wall: number, node = 'dev-a', counter = 0) => encodeStamp({ wall, counter, node });
/** A stamp policy from explicit per-path stamps of both sides, with fallbacks like the server's. */
function stamps(
  current: Record<string, string>,
  incoming: Record<string, string>,
  fallbacks: { current?: string; incoming?: string } = {},
): StampPolicy {
  return {
    stamps: {
      current: stampLookup(current, fallbacks.current ?? stamp(1, 'legacy')),
      incoming: stampLookup(incoming, fallbacks.incoming ?? stamp(500, 'server:n1')),
      stored: current,
    },
  };
}

describe('threeWayMerge with stamps (the later edit wins)', () => {
  const MON = 1_000;
  const TUE = 2_000;
  it("keeps Tuesday's stored edit over Monday's edit pushed on Wednesday, and says why", () => {
    const current = { ...base, amount: 200 };
    const incoming = { ...base, amount: 300 };
    const result = threeWayMerge(
      base,
      current,
      incoming,
      stamps({ amount: stamp(TUE, 'dev-a') }, { amount: stamp(MON, 'dev-b') }),
    );
    expect(result.merged.amount).toBe(200);
    expect(result.changedFields).toEqual([]);
    expect(result.conflicts).toEqual([
      {
        field: 'amount',
        path: 'amount',
        base: 100,
        kept: 200,
        lost: 300,
        loser: 'incoming',
        reason: 'laterEdit',
        keptStamp: stamp(TUE, 'dev-a'),
        lostStamp: stamp(MON, 'dev-b'),
      },
    ]);
    // The stored stamp stays: the incoming value did not land.
    expect(result.stamps).toEqual({ amount: stamp(TUE, 'dev-a') });
  });

  it('takes the later incoming edit and stores its stamp', () => {
    const result = threeWayMerge(
      base,
      { ...base, amount: 200 },
      { ...base, amount: 300 },
      stamps({ amount: stamp(MON, 'dev-a') }, { amount: stamp(TUE, 'dev-b') }),
    );
    expect(result.merged.amount).toBe(300);
    expect(result.conflicts[0]).toMatchObject({ loser: 'current', lost: 200, reason: 'laterEdit' });
    expect(result.stamps).toEqual({ amount: stamp(TUE, 'dev-b') });
  });

  it('decides the same instant by the node id, the same way whichever side arrives first', () => {
    const a = { ...base, amount: 200 };
    const b = { ...base, amount: 300 };
    const sa = { amount: stamp(TUE, 'dev-a') };
    const sb = { amount: stamp(TUE, 'dev-b') };
    const one = threeWayMerge(base, a, b, stamps(sa, sb));
    const other = threeWayMerge(base, b, a, stamps(sb, sa));
    expect(one.merged.amount).toBe(300);
    expect(other.merged.amount).toBe(300);
    expect(one.conflicts[0]?.reason).toBe('tie');
    // Identical stamps (never made by two devices) still decide alike: by the values.
    const same = { amount: stamp(TUE, 'dev-a') };
    expect(threeWayMerge(base, a, b, stamps(same, same)).merged.amount).toBe(
      threeWayMerge(base, b, a, stamps(same, same)).merged.amount,
    );
  });

  it('falls back to the stored record time for a legacy path and to the receive time for an unstamped push', () => {
    // Stored long ago without stamps; an old client pushes now (receive time): the push is later.
    const legacy = threeWayMerge(
      base,
      { ...base, amount: 200 },
      { ...base, amount: 300 },
      stamps({}, {}, { current: stamp(MON, 'legacy'), incoming: stamp(TUE, 'server:n1') }),
    );
    expect(legacy.merged.amount).toBe(300);
    expect(legacy.stamps).toEqual({ amount: stamp(TUE, 'server:n1') });
    // A stamped device edit made before the legacy record's last write loses to it.
    const older = threeWayMerge(
      base,
      { ...base, amount: 200 },
      { ...base, amount: 300 },
      stamps({}, { amount: stamp(MON - 1, 'dev-b') }, { current: stamp(MON, 'legacy') }),
    );
    expect(older.merged.amount).toBe(200);
  });

  it('without a base judges every differing field by its stamps', () => {
    const result = threeWayMerge(
      null,
      { ...base, amount: 1, name: 'x' },
      { ...base, amount: 2, name: 'y' },
      stamps({ amount: stamp(TUE), name: stamp(MON) }, { amount: stamp(MON), name: stamp(TUE) }),
    );
    expect(result.merged).toMatchObject({ amount: 1, name: 'y' });
    expect(result.conflicts.map((c) => [c.field, c.loser])).toEqual([
      ['name', 'current'],
      ['amount', 'incoming'],
    ]);
  });

  it('keeps stamps of untouched paths and prunes those of removed fields', () => {
    const withNotes = { ...base, notes: 'n' };
    const result = threeWayMerge(
      withNotes,
      { ...withNotes, amount: 200 },
      { ...base, closeDate: '2027-01-01' },
      stamps(
        { amount: stamp(TUE), notes: stamp(MON), name: stamp(MON) },
        { closeDate: stamp(TUE), notes: stamp(TUE) },
      ),
    );
    expect('notes' in result.merged).toBe(false);
    expect(result.stamps).toEqual({
      amount: stamp(TUE),
      name: stamp(MON),
      closeDate: stamp(TUE),
    });
  });
});

const line = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  product: `p-${id}`,
  quantity: 1,
  unitPrice: 10,
  discount: 0,
  ...over,
});

describe('lists of items merge item by item', () => {
  const deal = { ...base, lineItems: [line('a'), line('b')] };
  const T1 = 1_000;
  const T2 = 2_000;

  it.each(['current', 'incoming'] as const)(
    'keeps an item added on each side (%s preferred)',
    (prefer) => {
      const current = { ...deal, lineItems: [...deal.lineItems, line('x')] };
      const incoming = { ...deal, lineItems: [...deal.lineItems, line('y')] };
      const result = threeWayMerge(deal, current, incoming, prefer);
      expect(result.conflicts).toEqual([]);
      expect(result.merged.lineItems.map((i) => i.id).sort()).toEqual(['a', 'b', 'x', 'y']);
    },
  );

  it('orders by the side that edited the list last, inserting the other side’s items after their predecessor', () => {
    const current = { ...deal, lineItems: [line('a'), line('x'), line('b')] };
    const incoming = { ...deal, lineItems: [line('a'), line('b'), line('y')] };
    const sc = { 'lineItems[x]': stamp(T1, 'dev-a') };
    const si = { 'lineItems[y]': stamp(T2, 'dev-b') };
    const one = threeWayMerge(deal, current, incoming, stamps(sc, si));
    const other = threeWayMerge(deal, incoming, current, stamps(si, sc));
    expect(one.merged.lineItems.map((i) => i.id)).toEqual(['a', 'x', 'b', 'y']);
    expect(other.merged.lineItems.map((i) => i.id)).toEqual(['a', 'x', 'b', 'y']);
    expect(one.stamps).toEqual({ ...sc, ...si });
  });

  it('keeps edits of different items and of different fields of one item', () => {
    const current = {
      ...deal,
      lineItems: [line('a', { quantity: 5 }), line('b', { discount: 10 })],
    };
    const incoming = {
      ...deal,
      lineItems: [line('a', { unitPrice: 99 }), line('b', { product: 'renamed' })],
    };
    const result = threeWayMerge(deal, current, incoming, stamps({}, {}));
    expect(result.conflicts).toEqual([]);
    expect(result.merged.lineItems).toEqual([
      line('a', { quantity: 5, unitPrice: 99 }),
      line('b', { discount: 10, product: 'renamed' }),
    ]);
    expect(Object.keys(result.stamps).sort()).toEqual([
      'lineItems[a].unitPrice',
      'lineItems[b].product',
    ]);
  });

  it("decides the same item's same field by the later edit, reporting the item path", () => {
    const current = { ...deal, lineItems: [line('a', { quantity: 5 }), line('b')] };
    const incoming = { ...deal, lineItems: [line('a', { quantity: 7 }), line('b')] };
    const result = threeWayMerge(
      deal,
      current,
      incoming,
      stamps(
        { 'lineItems[a].quantity': stamp(T2, 'dev-a') },
        { 'lineItems[a].quantity': stamp(T1, 'dev-b') },
      ),
    );
    expect(result.merged.lineItems[0]).toEqual(line('a', { quantity: 5 }));
    expect(result.conflicts).toEqual([
      {
        field: 'lineItems',
        itemId: 'a',
        key: 'quantity',
        path: 'lineItems[a].quantity',
        base: 1,
        kept: 5,
        lost: 7,
        loser: 'incoming',
        reason: 'laterEdit',
        keptStamp: stamp(T2, 'dev-a'),
        lostStamp: stamp(T1, 'dev-b'),
      },
    ]);
  });

  it.each([
    ['deleted by current, edited by incoming', 'current'],
    ['deleted by incoming, edited by current', 'incoming'],
  ] as const)('keeps an item %s (the edit keeps the item)', (_name, deleter) => {
    const edited = { ...deal, lineItems: [line('a'), line('b', { quantity: 3 })] };
    const deleted = { ...deal, lineItems: [line('a')] };
    const [current, incoming] = deleter === 'current' ? [deleted, edited] : [edited, deleted];
    // The deletion is the later change: it still loses.
    const late = { 'lineItems[b]': stamp(T2, 'dev-del') };
    const early = { 'lineItems[b].quantity': stamp(T1, 'dev-edit') };
    const policy = deleter === 'current' ? stamps(late, early) : stamps(early, late);
    const result = threeWayMerge(deal, current, incoming, policy);
    expect(result.merged.lineItems).toEqual([line('a'), line('b', { quantity: 3 })]);
    expect(result.conflicts).toEqual([
      {
        field: 'lineItems',
        itemId: 'b',
        path: 'lineItems[b]',
        base: line('b'),
        kept: line('b', { quantity: 3 }),
        lost: null,
        loser: deleter,
        reason: 'editKeepsItem',
        keptStamp: stamp(T1, 'dev-edit'),
        lostStamp: stamp(T2, 'dev-del'),
      },
    ]);
    // Under a side policy too.
    expect(threeWayMerge(deal, current, incoming, 'current').merged.lineItems).toHaveLength(2);
  });

  it('drops an item deleted on one side and left alone on the other, and prunes its stamps', () => {
    const current = { ...deal, lineItems: [line('a'), line('b', { quantity: 9 })] };
    const incoming = { ...deal, lineItems: [line('b')] };
    const result = threeWayMerge(
      deal,
      current,
      incoming,
      stamps({ 'lineItems[a].quantity': stamp(T1), 'lineItems[b].quantity': stamp(T1) }, {}),
    );
    expect(result.merged.lineItems).toEqual([line('b', { quantity: 9 })]);
    expect(result.conflicts).toEqual([]);
    expect(result.stamps).toEqual({ 'lineItems[b].quantity': stamp(T1) });
  });

  it('takes one side’s list as it is when the other did not touch it (order included)', () => {
    const incoming = { ...deal, lineItems: [line('b'), line('a')] };
    const result = threeWayMerge(deal, deal, incoming, stamps({}, { lineItems: stamp(T2) }));
    expect(result.merged.lineItems.map((i) => i.id)).toEqual(['b', 'a']);
    expect(result.stamps).toEqual({ lineItems: stamp(T2) });
  });

  it('merges a contract’s payment plan and payments alike', () => {
    const contract = {
      id: 'c1',
      amount: 1000,
      paymentPlan: [{ id: 'p1', dueDate: '2026-01-01', amount: 500 }],
      payments: [] as { id: string; amount: number }[],
    };
    const current = { ...contract, payments: [{ id: 'r1', amount: 100 }] };
    const incoming = { ...contract, payments: [{ id: 'r2', amount: 200 }] };
    const result = threeWayMerge(contract, current, incoming, 'current');
    expect(result.merged.payments.map((p) => p.id).sort()).toEqual(['r1', 'r2']);
  });
});

describe('stamp helpers', () => {
  it('looks a path up by itself, its item, its field, then the fallback', () => {
    const lookup = stampLookup(
      { 'lineItems[a]': stamp(2), lineItems: stamp(1), 'lineItems[b].quantity': stamp(3) },
      stamp(0),
    );
    expect(lookup('lineItems[b].quantity')).toBe(stamp(3));
    expect(lookup('lineItems[a].quantity')).toBe(stamp(2));
    expect(lookup('lineItems[c].quantity')).toBe(stamp(1));
    expect(lookup('amount')).toBe(stamp(0));
  });

  it('stamps what a write changes and prunes what is gone', () => {
    const before = { id: 'd', amount: 1, lineItems: [line('a'), line('b')] };
    const after = { id: 'd', amount: 2, lineItems: [line('a', { quantity: 4 })] };
    const result = stampsAfterWrite(
      { 'lineItems[b]': stamp(1), name: stamp(1) },
      before,
      after,
      () => stamp(9),
    );
    expect(result).toEqual({ amount: stamp(9), 'lineItems[a].quantity': stamp(9) });
  });
});

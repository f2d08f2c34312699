import { describe, expect, it } from 'vitest';
import {
  createInputFromAttempted,
  diffAgainstCurrent,
  fieldsInQuestion,
  isOverruled,
  lostValue,
  neverReachedServer,
  overruledPath,
  patchFromAttempted,
  recordRoute,
  recordTitle,
  overruledRestorePatch,
  valueAtOverruledPath,
} from './inbox-model';

const base = {
  id: 'a1',
  workspaceId: 'w',
  createdAt: 1,
  updatedAt: 2,
  createdBy: 'u',
  updatedBy: 'u',
  name: 'ACME',
  nameKey: 'acme',
  phone: '',
  tags: ['x'],
};

describe('inbox model', () => {
  it('lists typed values that differ from the local record, ignoring bookkeeping', () => {
    const attempted = {
      ...base,
      updatedAt: 9,
      phone: '010-1',
      tags: ['x'],
      notes: 'new',
      _deleted: false,
    };
    const current = { ...base, website: 'acme.cn' };
    expect(diffAgainstCurrent(attempted, current)).toEqual([
      { field: 'phone', typed: '010-1', current: '' },
      { field: 'notes', typed: 'new', current: undefined },
      { field: 'website', typed: undefined, current: 'acme.cn' },
    ]);
    expect(patchFromAttempted(attempted, current)).toEqual({
      phone: '010-1',
      notes: 'new',
      website: undefined,
    });
  });

  it('without a local record, every non-blank typed value counts', () => {
    expect(diffAgainstCurrent(base, null).map((d) => d.field)).toEqual(['name', 'tags']);
    expect(createInputFromAttempted({ ...base, deleted: false, _deleted: false }, 'a1')).toEqual({
      name: 'ACME',
      phone: '',
      tags: ['x'],
      id: 'a1',
    });
  });

  it('knows a record that never reached the server', () => {
    expect(neverReachedServer({ ...base, _deleted: false }, { ...base, _rev: '1-x' })).toBe(true);
    expect(neverReachedServer({ ...base, phone: '1' }, base)).toBe(false);
    expect(neverReachedServer(base, null)).toBe(false);
  });

  it('names and routes records', () => {
    expect(recordTitle({ attempted: { subject: ' 打印机故障 ' }, recordId: 't1' }, null)).toBe(
      '打印机故障',
    );
    expect(recordTitle({ attempted: {}, recordId: 't1' }, null)).toBe('t1');
    expect(recordRoute('deals', 'd1', null)).toBe('/deals/d1');
    expect(recordRoute('contacts', 'c1', { accountId: 'a9' })).toBe('/accounts/a9');
    expect(recordRoute('contacts', 'c1', null)).toBeNull();
    expect(recordRoute('settings', 's1', null)).toBeNull();
  });
});

describe('fieldsInQuestion', () => {
  it('names the fields a refusal is about', () => {
    expect([
      ...fieldsInQuestion({
        reason: 'sync.rejected.validation',
        params: {},
        issues: [{ path: 'lineItems.0.unitPrice', message: 'x' }],
      }),
    ]).toEqual(['lineItems']);
    expect([
      ...fieldsInQuestion({
        reason: 'sync.rejected.outOfScope',
        params: { team: 't' },
        issues: [],
      }),
    ]).toEqual(['teamId']);
    expect([
      ...fieldsInQuestion({
        reason: 'sync.rejected.ownerOutOfScope',
        params: { owner: 'u2' },
        issues: [],
      }),
    ]).toEqual(['ownerId']);
    expect([
      ...fieldsInQuestion({ reason: 'sync.rejected.workspaceWide', params: {}, issues: [] }),
    ]).toEqual(['teamId']);
    expect([
      ...fieldsInQuestion({
        reason: 'sync.rejected.stageGate',
        params: { stage: 'quote', fields: 'budget,competitor' },
        issues: [],
      }),
    ]).toEqual(['stage', 'budget', 'competitor']);
  });
});

describe('overruled values (a later edit on another laptop won)', () => {
  const deal = {
    id: 'd1',
    amount: 500,
    lineItems: [
      { id: 'i1', product: 'A', quantity: 3 },
      { id: 'i2', product: 'B', quantity: 1 },
    ],
  };
  const entry = (params: Record<string, string>, lost: unknown) => ({
    reason: 'sync.overruled.laterEdit',
    params: { keptBy: 'u2', keptAt: '2000', lostAt: '1000', ...params },
    attempted: { [params.field]: lost },
  });

  it('knows an overruled entry and the value at its path', () => {
    expect(isOverruled({ reason: 'sync.overruled.tie' })).toBe(true);
    expect(isOverruled({ reason: 'sync.rejected.validation' })).toBe(false);
    const item = entry({ field: 'lineItems', itemId: 'i1', key: 'quantity' }, 5);
    expect(overruledPath(item)).toEqual({ field: 'lineItems', itemId: 'i1', key: 'quantity' });
    expect(valueAtOverruledPath(deal, overruledPath(item))).toBe(3);
    expect(lostValue(item)).toBe(5);
  });

  it('puts back a field, one field of an item, a whole item, or a lost deletion — nothing else', () => {
    expect(overruledRestorePatch(entry({ field: 'amount' }, 300), deal)).toEqual({ amount: 300 });
    expect(
      overruledRestorePatch(entry({ field: 'lineItems', itemId: 'i1', key: 'quantity' }, 5), deal),
    ).toEqual({
      lineItems: [
        { id: 'i1', product: 'A', quantity: 5 },
        { id: 'i2', product: 'B', quantity: 1 },
      ],
    });
    const lostItem = { id: 'i3', product: 'C', quantity: 2 };
    expect(
      overruledRestorePatch(entry({ field: 'lineItems', itemId: 'i3' }, lostItem), deal),
    ).toEqual({
      lineItems: [...deal.lineItems, lostItem],
    });
    // editKeepsItem: this device had deleted the item; putting the deletion back removes it.
    expect(overruledRestorePatch(entry({ field: 'lineItems', itemId: 'i2' }, null), deal)).toEqual({
      lineItems: [deal.lineItems[0]],
    });
    expect(() =>
      overruledRestorePatch(
        entry({ field: 'lineItems', itemId: 'gone', key: 'quantity' }, 1),
        deal,
      ),
    ).toThrow('inbox.itemGone');
  });
});

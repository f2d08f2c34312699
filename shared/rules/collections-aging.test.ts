import { describe, expect, it } from 'vitest';
import type { Payment, PaymentPlanItem } from '../domain/entities';
import { ageBucketOf, collectionsAging, type AgingContract } from './collections-aging';

const TODAY = '2026-12-07';
const plan = (id: string, dueDate: string, amount: number): PaymentPlanItem => ({
  id,
  dueDate,
  amount,
  note: '',
});
const pay = (amount: number, planItemId = ''): Payment => ({
  id: `p-${amount}-${planItemId}`,
  date: '2026-10-01',
  amount,
  method: 'bankTransfer',
  planItemId,
  note: '',
});
function contract(
  id: string,
  ownerId: string,
  paymentPlan: PaymentPlanItem[],
  payments: Payment[] = [],
  over: Partial<AgingContract> = {},
): AgingContract {
  const amount = paymentPlan.reduce((sum, item) => sum + item.amount, 0);
  return {
    id,
    number: `HT-${id}`,
    title: `合同 ${id}`,
    accountId: `a-${id}`,
    ownerId,
    status: 'active',
    deleted: false,
    amount,
    paymentPlan,
    payments,
    ...over,
  };
}

describe('ageBucketOf', () => {
  it('puts each edge in the lower bucket', () => {
    expect([1, 30, 31, 60, 61, 90, 91, 400].map(ageBucketOf)).toEqual([
      'd0to30',
      'd0to30',
      'd31to60',
      'd31to60',
      'd61to90',
      'd61to90',
      'd90plus',
      'd90plus',
    ]);
  });
});

describe('collectionsAging', () => {
  it('is empty without contracts or with nothing overdue', () => {
    const empty = collectionsAging([], TODAY);
    expect(empty.instalments).toEqual([]);
    expect(empty.owners).toEqual([]);
    expect(empty.totals.total).toBe(0);
    // Due today is not overdue yet; a paid instalment is not overdue.
    const none = collectionsAging(
      [
        contract('c1', 'li', [plan('i1', TODAY, 100)]),
        contract('c2', 'li', [plan('i1', '2026-01-01', 100)], [pay(100)]),
      ],
      TODAY,
    );
    expect(none.instalments).toEqual([]);
  });

  it('buckets instalments exactly on the edges (2026-12-07 minus 30, 31, 60, 61, 90, 91 days)', () => {
    // 11-07 is 30 days before 12-07, 11-06 31; 10-08 60, 10-07 61; 09-08 90, 09-07 91.
    const c = contract('c1', 'li', [
      plan('e30', '2026-11-07', 1),
      plan('e31', '2026-11-06', 2),
      plan('e60', '2026-10-08', 4),
      plan('e61', '2026-10-07', 8),
      plan('e90', '2026-09-08', 16),
      plan('e91', '2026-09-07', 32),
    ]);
    const aging = collectionsAging([c], TODAY);
    expect(aging.instalments.map((i) => [i.planItemId, i.daysOverdue, i.bucket])).toEqual([
      ['e91', 91, 'd90plus'],
      ['e90', 90, 'd61to90'],
      ['e61', 61, 'd61to90'],
      ['e60', 60, 'd31to60'],
      ['e31', 31, 'd31to60'],
      ['e30', 30, 'd0to30'],
    ]);
    expect(aging.totals.buckets).toEqual({ d0to30: 1, d31to60: 6, d61to90: 24, d90plus: 32 });
    expect(aging.totals.total).toBe(63);
  });

  it('counts partial payments and payments without a plan item against the oldest instalment', () => {
    // Plan 300 000 (due 10-01, 67 days) + 600 000 (due 11-20, 17 days); received 100 000 booked to no item and
    // 250 000.50 booked to the second item: 350 000.50 pays the first fully, 50 000.50 of the second.
    const c = contract(
      'c1',
      'li',
      [plan('i1', '2026-10-01', 300_000), plan('i2', '2026-11-20', 600_000)],
      [pay(100_000), pay(250_000.5, 'i2')],
    );
    const aging = collectionsAging([c], TODAY);
    expect(aging.instalments).toHaveLength(1);
    expect(aging.instalments[0]).toMatchObject({
      planItemId: 'i2',
      daysOverdue: 17,
      bucket: 'd0to30',
      outstanding: 549_999.5,
    });
  });

  it('sums per owner in fen, and leaves drafts, terminated and deleted contracts out', () => {
    const contracts = [
      contract('c1', 'li', [plan('i1', '2026-11-30', 0.1)]),
      contract('c2', 'li', [plan('i1', '2026-11-30', 0.2)]),
      contract('c3', 'wang', [plan('i1', '2026-06-30', 1000)]),
      contract('c4', 'wang', [plan('i1', '2026-06-30', 5)], [], { status: 'draft' }),
      contract('c5', 'wang', [plan('i1', '2026-06-30', 5)], [], { status: 'terminated' }),
      contract('c6', 'wang', [plan('i1', '2026-06-30', 5)], [], { deleted: true }),
      contract('c7', 'zhao', [plan('i1', '2026-06-30', 7)], [], { status: 'expired' }),
    ];
    const aging = collectionsAging(contracts, TODAY);
    expect(aging.owners).toEqual([
      {
        ownerId: 'wang',
        buckets: { d0to30: 0, d31to60: 0, d61to90: 0, d90plus: 1000 },
        total: 1000,
      },
      { ownerId: 'zhao', buckets: { d0to30: 0, d31to60: 0, d61to90: 0, d90plus: 7 }, total: 7 },
      { ownerId: 'li', buckets: { d0to30: 0.3, d31to60: 0, d61to90: 0, d90plus: 0 }, total: 0.3 },
    ]);
    expect(aging.totals).toEqual({
      ownerId: '',
      buckets: { d0to30: 0.3, d31to60: 0, d61to90: 0, d90plus: 1007 },
      total: 1007.3,
    });
    expect(collectionsAging(contracts, TODAY, 'li').owners.map((o) => o.ownerId)).toEqual(['li']);
  });
});

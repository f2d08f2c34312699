import { describe, expect, it } from 'vitest';
import type { Contract, Payment, PaymentPlanItem } from '../domain/entities';
import { outstanding, overduePlanItems, receivedTotal } from './contract-math';

const plan = (id: string, dueDate: string, amount: number): PaymentPlanItem => ({
  id,
  dueDate,
  amount,
  note: '',
});
const pay = (date: string, amount: number, planItemId = ''): Payment => ({
  id: `p-${date}-${amount}`,
  date,
  amount,
  method: 'bankTransfer',
  planItemId,
  note: '',
});

function contract(
  paymentPlan: PaymentPlanItem[],
  payments: Payment[],
  amount = 1_000_000,
): Pick<Contract, 'amount' | 'paymentPlan' | 'payments'> {
  return { amount, paymentPlan, payments };
}

/** 30 % on signing, 60 % on acceptance, 10 % after the warranty year. */
const PLAN = [
  plan('p1', '2025-01-31', 300_000),
  plan('p2', '2025-06-30', 600_000),
  plan('p3', '2026-06-30', 100_000),
];

describe('receivedTotal / outstanding', () => {
  it('sums payments exactly', () => {
    expect(receivedTotal(contract(PLAN, []))).toBe(0);
    expect(receivedTotal(contract(PLAN, [pay('2025-01-20', 0.1), pay('2025-01-21', 0.2)]))).toBe(
      0.3,
    );
    expect(
      receivedTotal(contract(PLAN, [pay('2025-01-20', 300_000), pay('2025-07-01', 250_000.5)])),
    ).toBe(550_000.5);
  });

  it('is what is left of the contract amount, never negative', () => {
    expect(outstanding(contract(PLAN, [pay('2025-01-20', 300_000)]))).toBe(700_000);
    expect(outstanding(contract(PLAN, [pay('2025-01-20', 1_200_000)]))).toBe(0);
    expect(outstanding(contract([], [], 0))).toBe(0);
  });
});

describe('overduePlanItems', () => {
  it('is empty before anything is due', () => {
    expect(overduePlanItems(contract(PLAN, []), '2025-01-01')).toEqual([]);
  });

  it('does not count an item due today', () => {
    expect(overduePlanItems(contract(PLAN, []), '2025-01-31')).toEqual([]);
    expect(overduePlanItems(contract(PLAN, []), '2025-02-01')).toEqual([
      { ...PLAN[0], outstanding: 300_000 },
    ]);
  });

  it('lists unpaid items that are past due', () => {
    expect(overduePlanItems(contract(PLAN, []), '2025-07-01').map((i) => i.id)).toEqual([
      'p1',
      'p2',
    ]);
  });

  it('allocates payments to the oldest items first', () => {
    // 400k received: p1 is covered, 100k goes to p2, which is overdue for the remaining 500k.
    const overdue = overduePlanItems(
      contract(PLAN, [pay('2025-01-20', 300_000), pay('2025-06-01', 100_000)]),
      '2025-07-01',
    );
    expect(overdue).toEqual([{ ...PLAN[1], outstanding: 500_000 }]);
  });

  it('allocates cumulatively even when the payment was booked against a later item', () => {
    const overdue = overduePlanItems(
      contract(PLAN, [pay('2025-01-20', 300_000, 'p2')]),
      '2025-07-01',
    );
    expect(overdue.map((i) => i.id)).toEqual(['p2']);
  });

  it('is empty when payments cover everything due', () => {
    expect(overduePlanItems(contract(PLAN, [pay('2025-01-20', 900_000)]), '2025-12-31')).toEqual(
      [],
    );
    expect(overduePlanItems(contract(PLAN, [pay('2025-01-20', 1_000_000)]), '2027-01-01')).toEqual(
      [],
    );
  });

  it('orders the plan by due date whatever order it was entered in', () => {
    const shuffled = [PLAN[2], PLAN[1], PLAN[0]];
    const overdue = overduePlanItems(
      contract(shuffled, [pay('2025-01-20', 350_000)]),
      '2026-07-01',
    );
    expect(overdue).toEqual([
      { ...PLAN[1], outstanding: 550_000 },
      { ...PLAN[2], outstanding: 100_000 },
    ]);
  });

  it('keeps fen exact on partial payments', () => {
    const overdue = overduePlanItems(
      contract(
        [plan('a', '2025-01-01', 100.1)],
        [pay('2025-01-01', 0.1), pay('2025-01-02', 0.2)],
        100.1,
      ),
      '2025-02-01',
    );
    expect(overdue).toEqual([{ ...plan('a', '2025-01-01', 100.1), outstanding: 99.8 }]);
  });
});

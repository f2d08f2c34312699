import { describe, expect, it } from 'vitest';
import type { Contract, Payment, PaymentPlanItem } from '../domain/entities';
import {
  outstanding,
  overdueAmount,
  overduePlanItems,
  paymentPlanTotal,
  planDifference,
  planDiffersFromAmount,
  planItemStates,
  receivedTotal,
  unplannedAmount,
} from './contract-math';

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

describe('planItemStates', () => {
  it('is empty without a plan', () => {
    expect(planItemStates(contract([], [pay('2025-01-01', 5)]), '2025-01-01')).toEqual([]);
  });

  it('pays the oldest instalment first and says where each stands', () => {
    const states = planItemStates(
      contract(
        [PLAN[2], PLAN[0], PLAN[1]],
        [pay('2025-01-20', 300_000), pay('2025-06-01', 100_000, 'p3')],
      ),
      '2025-07-01',
    );
    expect(states).toEqual([
      { item: PLAN[0], paid: 300_000, unpaid: 0, status: 'paid' },
      { item: PLAN[1], paid: 100_000, unpaid: 500_000, status: 'overdue' },
      { item: PLAN[2], paid: 0, unpaid: 100_000, status: 'upcoming' },
    ]);
  });

  it('calls a partly paid instalment that is not due yet partly paid', () => {
    const states = planItemStates(contract(PLAN, [pay('2025-01-20', 400_000.5)]), '2025-02-01');
    expect(states[1]).toEqual({
      item: PLAN[1],
      paid: 100_000.5,
      unpaid: 499_999.5,
      status: 'partly',
    });
  });
});

describe('overdueAmount', () => {
  it('adds the unpaid parts of the overdue instalments', () => {
    expect(overdueAmount(contract(PLAN, [pay('2025-01-20', 350_000)]), '2026-07-01')).toBe(650_000);
    expect(overdueAmount(contract(PLAN, []), '2025-01-01')).toBe(0);
    expect(
      overdueAmount(
        contract([plan('a', '2025-01-01', 0.3)], [pay('2025-01-01', 0.1)], 0.3),
        '2025-02-01',
      ),
    ).toBe(0.2);
  });
});

describe('payment plan against the contract amount', () => {
  it('adds the plan in fen', () => {
    expect(paymentPlanTotal(PLAN)).toBe(1_000_000);
    expect(paymentPlanTotal([plan('a', '', 0.1), plan('b', '', 0.2)])).toBe(0.3);
    expect(paymentPlanTotal([])).toBe(0);
  });

  it('differs when the plan does not add up to the amount; an empty plan never differs', () => {
    expect(planDiffersFromAmount(1_000_000, PLAN)).toBe(false);
    expect(planDiffersFromAmount(1_000_000.01, PLAN)).toBe(true);
    expect(planDiffersFromAmount(0.3, [plan('a', '', 0.1), plan('b', '', 0.2)])).toBe(false);
    expect(planDiffersFromAmount(500, [])).toBe(false);
    expect(planDifference(1_000_000.01, PLAN)).toBe(-0.01);
    expect(planDifference(0.2, [plan('a', '', 0.1), plan('b', '', 0.2)])).toBe(0.1);
  });

  it('proposes what is left to schedule, never negative', () => {
    expect(unplannedAmount(1_000_000, PLAN.slice(0, 2))).toBe(100_000);
    expect(unplannedAmount(100, PLAN)).toBe(0);
    expect(unplannedAmount(0.3, [plan('a', '', 0.1)])).toBe(0.2);
  });
});

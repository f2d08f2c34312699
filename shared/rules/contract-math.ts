import type { Contract, PaymentPlanItem } from '../domain/entities';

/**
 * Collections (回款, PRODUCT.md §2): a contract has a payment plan (due dates and amounts) and the payments
 * actually received. Sums are done in integer fen so that many small payments add up exactly.
 */
type ContractMoney = Pick<Contract, 'amount' | 'paymentPlan' | 'payments'>;

function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Everything received on the contract so far, in yuan. */
export function receivedTotal(contract: Pick<Contract, 'payments'>): number {
  let cents = 0;
  for (const payment of contract.payments) cents += toCents(payment.amount);
  return cents / 100;
}

/** What the customer still owes on the contract amount; never negative (overpayment is not a debt). */
export function outstanding(contract: Pick<Contract, 'amount' | 'payments'>): number {
  return Math.max(0, toCents(contract.amount) - toCents(receivedTotal(contract))) / 100;
}

/** A plan item that is overdue, with the part of it that is still unpaid. */
export type OverduePlanItem = PaymentPlanItem & { outstanding: number };

/**
 * Plan items whose due date has passed (due before `today`, 'YYYY-MM-DD') and that payments do not cover.
 *
 * Payments are allocated cumulatively to the plan in due-date order, the way finance reads a collection
 * schedule: money received pays the oldest instalment first, whatever instalment the payment was booked
 * against. An item is overdue when the payments so far do not reach the plan's running total at that item;
 * its `outstanding` is the unpaid part (a partly paid instalment is overdue for the remainder only).
 * Items due today are not overdue yet.
 */
export function overduePlanItems(contract: ContractMoney, today: string): OverduePlanItem[] {
  const plan = contract.paymentPlan
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      a.item.dueDate === b.item.dueDate
        ? a.index - b.index
        : a.item.dueDate < b.item.dueDate
          ? -1
          : 1,
    );
  const received = toCents(receivedTotal(contract));
  const overdue: OverduePlanItem[] = [];
  let planned = 0;
  for (const { item } of plan) {
    const before = planned;
    planned += toCents(item.amount);
    if (item.dueDate >= today) continue;
    const unpaid = planned - Math.max(before, received);
    if (unpaid > 0) overdue.push({ ...item, outstanding: unpaid / 100 });
  }
  return overdue;
}

import type { Contract, PaymentPlanItem } from '@shared/domain';
import { overduePlanItems, receivedTotal } from '@shared/rules/contract-math';

/** Badge colours of the contract statuses. */
export const CONTRACT_STATUS_COLOR: Record<Contract['status'], string> = {
  draft: 'gray',
  active: 'indigo',
  expired: 'orange',
  terminated: 'red',
};

export type PlanItemStatus = 'paid' | 'partly' | 'overdue' | 'upcoming';

export interface PlanItemState {
  item: PaymentPlanItem;
  /** The part of the instalment covered by payments so far. */
  paid: number;
  /** What is still unpaid on it. */
  unpaid: number;
  status: PlanItemStatus;
}

const toCents = (yuan: number) => Math.round(yuan * 100);

/**
 * Where each instalment of the payment plan stands. Payments pay the oldest instalment first, whatever item
 * they were booked against: the same reading as overduePlanItems (shared/rules/contract-math), which decides
 * what is overdue. Items are returned in due-date order.
 */
export function planItemStates(
  contract: Pick<Contract, 'amount' | 'paymentPlan' | 'payments'>,
  today: string,
): PlanItemState[] {
  const overdue = new Set(overduePlanItems(contract, today).map((item) => item.id));
  const plan = contract.paymentPlan
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      a.item.dueDate === b.item.dueDate
        ? a.index - b.index
        : a.item.dueDate < b.item.dueDate
          ? -1
          : 1,
    );
  let left = toCents(receivedTotal(contract));
  return plan.map(({ item }) => {
    const amount = toCents(item.amount);
    const paid = Math.min(amount, Math.max(0, left));
    left -= paid;
    const status: PlanItemStatus =
      paid >= amount ? 'paid' : overdue.has(item.id) ? 'overdue' : paid > 0 ? 'partly' : 'upcoming';
    return { item, paid: paid / 100, unpaid: (amount - paid) / 100, status };
  });
}

/** The overdue amount of a contract (sum of the unpaid parts of overdue instalments). */
export function overdueAmount(
  contract: Pick<Contract, 'amount' | 'paymentPlan' | 'payments'>,
  today: string,
): number {
  return (
    overduePlanItems(contract, today).reduce(
      (cents, item) => cents + toCents(item.outstanding),
      0,
    ) / 100
  );
}

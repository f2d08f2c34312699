import type { Contract, PaymentPlanItem } from '../domain/entities';

/**
 * Collections (回款): a contract has a payment plan (due dates and amounts) and the payments
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
  const plan = planByDueDate(contract.paymentPlan);
  const received = toCents(receivedTotal(contract));
  const overdue: OverduePlanItem[] = [];
  let planned = 0;
  for (const item of plan) {
    const before = planned;
    planned += toCents(item.amount);
    if (item.dueDate >= today) continue;
    const unpaid = planned - Math.max(before, received);
    if (unpaid > 0) overdue.push({ ...item, outstanding: unpaid / 100 });
  }
  return overdue;
}

/** Where an instalment of the payment plan stands. */
export type PlanItemStatus = 'paid' | 'partly' | 'overdue' | 'upcoming';

export interface PlanItemState {
  item: PaymentPlanItem;
  /** The part of the instalment covered by payments so far. */
  paid: number;
  /** What is still unpaid on it. */
  unpaid: number;
  status: PlanItemStatus;
}

/** The plan's items in due-date order (items due the same day keep the order they were entered in). */
function planByDueDate(plan: readonly PaymentPlanItem[]): PaymentPlanItem[] {
  return plan
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      a.item.dueDate === b.item.dueDate
        ? a.index - b.index
        : a.item.dueDate < b.item.dueDate
          ? -1
          : 1,
    )
    .map(({ item }) => item);
}

/**
 * Where each instalment of the payment plan stands on `today`, in due-date order: payments pay the oldest
 * instalment first, whatever item they were booked against (the same reading as overduePlanItems, which decides
 * what is overdue).
 */
export function planItemStates(contract: ContractMoney, today: string): PlanItemState[] {
  const overdue = new Set(overduePlanItems(contract, today).map((item) => item.id));
  let left = toCents(receivedTotal(contract));
  return planByDueDate(contract.paymentPlan).map((item) => {
    const amount = toCents(item.amount);
    const paid = Math.min(amount, Math.max(0, left));
    left -= paid;
    const status: PlanItemStatus =
      paid >= amount ? 'paid' : overdue.has(item.id) ? 'overdue' : paid > 0 ? 'partly' : 'upcoming';
    return { item, paid: paid / 100, unpaid: (amount - paid) / 100, status };
  });
}

/** The overdue amount of a contract on `today`: the unpaid parts of its overdue instalments. */
export function overdueAmount(contract: ContractMoney, today: string): number {
  let cents = 0;
  for (const item of overduePlanItems(contract, today)) cents += toCents(item.outstanding);
  return cents / 100;
}

/** The sum of a payment plan's instalments, in yuan (added in fen). */
export function paymentPlanTotal(plan: readonly Pick<PaymentPlanItem, 'amount'>[]): number {
  let cents = 0;
  for (const item of plan) cents += toCents(item.amount);
  return cents / 100;
}

/** How much the plan schedules beyond the contract amount (negative: short of it), to the fen. */
export function planDifference(
  amount: number,
  plan: readonly Pick<PaymentPlanItem, 'amount'>[],
): number {
  return (toCents(paymentPlanTotal(plan)) - toCents(amount)) / 100;
}

/**
 * True when a payment plan does not add up to the contract amount (to the fen). An empty plan never differs:
 * a contract may have no schedule.
 */
export function planDiffersFromAmount(
  amount: number,
  plan: readonly Pick<PaymentPlanItem, 'amount'>[],
): boolean {
  return plan.length > 0 && planDifference(amount, plan) !== 0;
}

/** What the plan leaves unscheduled of the contract amount (never negative): the next instalment's proposal. */
export function unplannedAmount(
  amount: number,
  plan: readonly Pick<PaymentPlanItem, 'amount'>[],
): number {
  return Math.max(0, toCents(amount) - toCents(paymentPlanTotal(plan))) / 100;
}

/**
 * The collection due date (回款到期日) of a contract: the due date of its earliest instalment that payments do not
 * fully cover yet (payments pay the oldest instalment first, as planItemStates reads them), '' when every
 * instalment is paid or there is no plan. Stored on the contract (`collectionDueDate`) so collection reminders
 * read an index (issue 18).
 */
export function nextCollectionDueDate(contract: ContractMoney): string {
  const open = planItemStates(contract, '').find((state) => state.unpaid > 0);
  return open ? open.item.dueDate : '';
}

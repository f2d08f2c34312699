import type { Contract } from '@shared/domain';

/*
 * The collection rules (instalment states, overdue amounts) live in shared/rules/contract-math.ts; they are
 * re-exported here for the contract screens.
 */
export {
  overdueAmount,
  planItemStates,
  type PlanItemState,
  type PlanItemStatus,
} from '@shared/rules/contract-math';

/** Badge colours of the contract statuses. */
export const CONTRACT_STATUS_COLOR: Record<Contract['status'], string> = {
  draft: 'gray',
  active: 'indigo',
  expired: 'orange',
  terminated: 'red',
};

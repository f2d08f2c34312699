import type { Approval, ApprovalRulesValue, Contract } from '../domain/entities';

/**
 * Contract approval (合同审批, issue 20): a contract above the workspace's `approvalRules.contractThreshold` (yuan)
 * becomes `active` only with an approved contract approval for at least its amount. The app's repository, the form
 * and the server's write path all ask `contractActivationRefusal`.
 */
export type ApprovalHolder = Pick<
  Approval,
  'kind' | 'subjectType' | 'subjectId' | 'status' | 'amount' | 'deleted'
>;
type ContractState = Pick<Contract, 'id' | 'amount' | 'status' | 'deleted'>;

export interface ContractApprovalRefusal {
  reason: 'contractApproval';
  threshold: number;
  amount: number;
}

/** True when a contract of this amount needs an approval before it becomes active (strictly above the threshold). */
export function contractNeedsApproval(
  amount: number,
  rules: Pick<ApprovalRulesValue, 'contractThreshold'>,
): boolean {
  return Math.round(amount * 100) > Math.round(rules.contractThreshold * 100);
}

/** The contract approvals of `contractId` among `approvals` (any status), newest last as given. */
function approvalsOf(contractId: string, approvals: readonly ApprovalHolder[]): ApprovalHolder[] {
  return approvals.filter(
    (a) =>
      !a.deleted &&
      a.kind === 'contract' &&
      a.subjectType === 'contract' &&
      a.subjectId === contractId,
  );
}

/** True when an approved contract approval covers the contract's amount (raising the amount needs a new one). */
export function hasContractApproval(
  contract: Pick<Contract, 'id' | 'amount'>,
  approvals: readonly ApprovalHolder[],
): boolean {
  return approvalsOf(contract.id, approvals).some(
    (a) =>
      a.status === 'approved' && Math.round(a.amount * 100) >= Math.round(contract.amount * 100),
  );
}

/** The contract's pending approval request, if any (the page offers no second request while one waits). */
export function pendingContractApproval<T extends ApprovalHolder>(
  contractId: string,
  approvals: readonly T[],
): T | undefined {
  return approvalsOf(contractId, approvals).find((a) => a.status === 'pending') as T | undefined;
}

/**
 * Refuses `after` when it is a live, active contract above the threshold without an approval covering its amount,
 * and the write makes it so (it becomes active, or an active contract's amount changes). An active contract stored
 * before the rule, edited without touching its amount, stays editable.
 */
export function contractActivationRefusal(
  before: ContractState | null,
  after: ContractState,
  approvals: readonly ApprovalHolder[],
  rules: Pick<ApprovalRulesValue, 'contractThreshold'>,
): ContractApprovalRefusal | null {
  if (after.deleted || after.status !== 'active') return null;
  if (!contractNeedsApproval(after.amount, rules)) return null;
  const wasActive = before !== null && !before.deleted && before.status === 'active';
  if (wasActive && Math.round(before.amount * 100) === Math.round(after.amount * 100)) return null;
  if (hasContractApproval(after, approvals)) return null;
  return { reason: 'contractApproval', threshold: rules.contractThreshold, amount: after.amount };
}

/**
 * The approval record a contract's "request approval" creates (without id and record meta): routed by the
 * approvals engine, which fills the steps on create.
 */
export function contractApprovalRequest(
  contract: Pick<Contract, 'id' | 'number' | 'title' | 'amount'>,
  requesterId: string,
): Pick<
  Approval,
  | 'kind'
  | 'title'
  | 'subjectType'
  | 'subjectId'
  | 'subjectKey'
  | 'amount'
  | 'requesterId'
  | 'approverRole'
  | 'status'
  | 'decidedBy'
  | 'comment'
  | 'steps'
  | 'currentStep'
> {
  return {
    kind: 'contract',
    title: `${contract.number} ${contract.title}`.trim().slice(0, 200),
    subjectType: 'contract',
    subjectId: contract.id,
    subjectKey: '',
    amount: contract.amount,
    requesterId,
    approverRole: 'manager',
    status: 'pending',
    decidedBy: '',
    comment: '',
    steps: [],
    currentStep: 0,
  };
}

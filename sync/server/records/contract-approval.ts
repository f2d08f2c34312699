import { type ApprovalRulesValue, type CollectionName } from '@shared/domain';
import { contractActivationRefusal, type ApprovalHolder } from '@shared/rules/contract-approval';
import { RejectReason } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import { loadApprovalRules } from './approval-rules';
import type { Entity, PushRow } from './types';
import type { WriteRefusal } from './write-permissions';

/**
 * Contract approval on the write path (issue 20): a pushed contract that becomes active above the workspace's
 * `approvalRules.contractThreshold` without an approved contract approval is refused by the shared rule
 * (shared/rules/contract-approval.ts), as the app's repository refuses it, so an offline or REST client cannot
 * skip the approval.
 */
export class ContractApprovals {
  constructor(
    private readonly rules: Pick<ApprovalRulesValue, 'contractThreshold'>,
    private readonly approvals: readonly ApprovalHolder[],
  ) {}

  refusal(before: Entity | null, after: Entity): WriteRefusal | null {
    const refused = contractActivationRefusal(
      before ? stateOf(before) : null,
      stateOf(after),
      this.approvals,
      this.rules,
    );
    if (!refused) return null;
    return {
      reason: RejectReason.contractApproval,
      params: { threshold: String(refused.threshold), amount: String(refused.amount) },
    };
  }
}

function stateOf(entity: Entity) {
  return {
    id: String(entity.id),
    amount: typeof entity.amount === 'number' ? entity.amount : 0,
    status: entity.status as 'draft' | 'active' | 'expired' | 'terminated',
    deleted: entity.deleted === true,
  };
}

/**
 * The approval rules and the contract approvals of the group's contracts that are pushed active (null for other
 * collections and when no row is active: then no query is made). Approvals are read through migration 13's index.
 */
export async function loadContractApprovals(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<ContractApprovals | null> {
  if (collection !== 'contracts') return null;
  const ids = rows
    .map((row) => row.newDocumentState)
    .filter((doc) => doc.status === 'active' && doc._deleted !== true)
    .map((doc) => String(doc.id))
    .filter(isStorableText);
  if (ids.length === 0) return null;
  const rules = await loadApprovalRules(tx, workspaceId);
  const found = await tx.query<{ data: Entity }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'approvals' AND deleted = false
        AND (data->>'subjectId') = ANY($2::text[]) AND data->>'kind' = 'contract'`,
    [workspaceId, ids],
  );
  return new ContractApprovals(
    rules,
    found.map(({ data }) => ({
      kind: 'contract',
      subjectType: data.subjectType as ApprovalHolder['subjectType'],
      subjectId: typeof data.subjectId === 'string' ? data.subjectId : '',
      status: data.status as ApprovalHolder['status'],
      amount: typeof data.amount === 'number' ? data.amount : 0,
      deleted: data.deleted === true,
    })),
  );
}

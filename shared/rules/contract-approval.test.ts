import { describe, expect, it } from 'vitest';
import {
  contractActivationRefusal,
  contractApprovalRequest,
  contractNeedsApproval,
  pendingContractApproval,
  type ApprovalHolder,
} from './contract-approval';

const rules = { contractThreshold: 500_000 };
const contract = (status: 'draft' | 'active', amount: number, deleted = false) => ({
  id: 'c1',
  status,
  amount,
  deleted,
});
const approval = (
  status: ApprovalHolder['status'],
  amount = 800_000,
  over: Partial<ApprovalHolder> = {},
): ApprovalHolder => ({
  kind: 'contract',
  subjectType: 'contract',
  subjectId: 'c1',
  status,
  amount,
  deleted: false,
  ...over,
});

describe('contract approval', () => {
  it('needs an approval strictly above the threshold', () => {
    expect(contractNeedsApproval(500_000, rules)).toBe(false);
    expect(contractNeedsApproval(500_000.01, rules)).toBe(true);
  });

  it('refuses activating a large contract without an approved approval', () => {
    const refusal = contractActivationRefusal(
      contract('draft', 800_000),
      contract('active', 800_000),
      [],
      rules,
    );
    expect(refusal).toEqual({ reason: 'contractApproval', threshold: 500_000, amount: 800_000 });
    expect(
      contractActivationRefusal(null, contract('active', 800_000), [approval('pending')], rules),
    ).not.toBeNull();
    expect(
      contractActivationRefusal(null, contract('active', 800_000), [approval('rejected')], rules),
    ).not.toBeNull();
  });

  it('lets it through once approved for at least its amount', () => {
    expect(
      contractActivationRefusal(null, contract('active', 800_000), [approval('approved')], rules),
    ).toBeNull();
    expect(
      contractActivationRefusal(
        null,
        contract('active', 800_000),
        [approval('approved', 700_000)],
        rules,
      ),
    ).not.toBeNull();
  });

  it('ignores approvals of another contract, another kind or deleted ones', () => {
    for (const other of [
      approval('approved', 800_000, { subjectId: 'c2' }),
      approval('approved', 800_000, { kind: 'discount' }),
      approval('approved', 800_000, { deleted: true }),
    ])
      expect(
        contractActivationRefusal(null, contract('active', 800_000), [other], rules),
      ).not.toBeNull();
  });

  it('leaves small, draft and deleted contracts, and untouched active ones, alone', () => {
    expect(contractActivationRefusal(null, contract('active', 500_000), [], rules)).toBeNull();
    expect(contractActivationRefusal(null, contract('draft', 900_000), [], rules)).toBeNull();
    expect(
      contractActivationRefusal(null, contract('active', 900_000, true), [], rules),
    ).toBeNull();
    expect(
      contractActivationRefusal(
        contract('active', 900_000),
        contract('active', 900_000),
        [],
        rules,
      ),
    ).toBeNull();
    // Raising an active contract's amount needs the approval again.
    expect(
      contractActivationRefusal(
        contract('active', 800_000),
        contract('active', 900_000),
        [approval('approved', 800_000)],
        rules,
      ),
    ).not.toBeNull();
  });

  it('builds the request and finds the pending one', () => {
    const request = contractApprovalRequest(
      { id: 'c1', number: 'HT-1', title: '年度框架', amount: 800_000 },
      'u1',
    );
    expect(request).toMatchObject({
      kind: 'contract',
      subjectType: 'contract',
      subjectId: 'c1',
      subjectKey: '',
      steps: [],
      currentStep: 0,
      approverRole: 'manager',
      status: 'pending',
      requesterId: 'u1',
      title: 'HT-1 年度框架',
    });
    const pending = approval('pending');
    expect(pendingContractApproval('c1', [approval('rejected'), pending])).toBe(pending);
    expect(pendingContractApproval('c1', [approval('approved')])).toBeUndefined();
  });
});

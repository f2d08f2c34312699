import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_RULES, type Approval, type Member } from '@shared/domain';
import { RejectReason, type Principal } from '@shared/sync';
import { applyApprovalRules, type ApprovalContext } from './approvals';
import type { Entity } from './types';

const member = (id: string, kind: 'user' | 'team', role: Member['role'], team: string) =>
  ({
    id,
    kind,
    role,
    teamIds: kind === 'user' ? [team] : [],
    parentTeamId: team,
    active: true,
    deleted: false,
    name: id.toUpperCase(),
  }) as unknown as Member;
const context: ApprovalContext = {
  rules: DEFAULT_APPROVAL_RULES,
  members: [
    member('east', 'team', '', ''),
    member('rep', 'user', 'rep', 'east'),
    member('boss', 'user', 'manager', 'east'),
  ],
};
const principal = (userId: string): Principal => ({
  userId,
  workspaceId: 'w',
  role: 'rep',
  teamIds: ['east'],
  deviceId: 'd',
});
const request = (patch: Partial<Approval> = {}) =>
  ({
    id: 'ap',
    workspaceId: 'w',
    teamId: 'east',
    ownerId: 'rep',
    updatedAt: 1,
    kind: 'expense',
    title: 'Taxi',
    subjectType: '',
    subjectId: '',
    subjectKey: '',
    amount: 100,
    requesterId: 'rep',
    approverRole: 'admin',
    status: 'pending',
    decidedBy: '',
    decidedAt: 0,
    comment: '',
    requestNote: '',
    steps: [],
    currentStep: 0,
    ...patch,
  }) as unknown as Entity;

describe('applyApprovalRules', () => {
  it('routes a new request by the rules, whatever route it came with', () => {
    const out = applyApprovalRules(context, principal('rep'), null, null, request());
    expect('entity' in out && out.entity.steps).toEqual([
      expect.objectContaining({ approverKind: 'manager', memberIds: ['boss'], status: 'pending' }),
    ]);
  });

  it('takes a decision by the approver, refuses a second one naming the first decider', () => {
    const created = applyApprovalRules(context, principal('rep'), null, null, request());
    if (!('entity' in created)) throw new Error('refused');
    const stored = created.entity as unknown as Approval;
    const decided = {
      ...stored,
      status: 'approved',
      decidedBy: 'boss',
      decidedAt: 5,
      comment: 'ok',
      steps: [
        { ...stored.steps[0], status: 'approved', decidedBy: 'boss', decidedAt: 5, comment: 'ok' },
      ],
    } as unknown as Entity;
    const ok = applyApprovalRules(
      context,
      principal('boss'),
      created.entity,
      created.entity,
      decided,
    );
    expect(ok).toEqual({ entity: decided });
    // The same decision pushed again is nothing new; another decision on the step seen pending is refused.
    expect(
      applyApprovalRules(context, principal('boss'), decided, created.entity, decided),
    ).toEqual({
      entity: decided,
    });
    const rejected = {
      ...decided,
      status: 'rejected',
      steps: [{ ...stored.steps[0], status: 'rejected', decidedBy: 'boss', decidedAt: 6 }],
    } as unknown as Entity;
    const again = applyApprovalRules(context, principal('boss'), decided, created.entity, rejected);
    expect(again).toEqual({
      refusal: { reason: RejectReason.approvalDecided, params: { decider: 'BOSS' } },
    });
  });

  it('no context (another collection): the row as it is', () => {
    const row = request();
    expect(applyApprovalRules(null, principal('rep'), null, null, row)).toEqual({ entity: row });
  });
});

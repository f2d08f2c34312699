import { describe, expect, it } from 'vitest';
import type { Approval, ApprovalRulesValue } from '../domain/entities';
import { DEFAULT_APPROVAL_RULES } from '../domain/defaults';
import { canDecide, decide, routeApproval, type ApprovalMember } from './approval-routing';

// company (admin) → east (manager m-east) → shanghai (manager m-sh, reps rep-sh, rep-sh2); finance person fin
const team = (id: string, parentTeamId: string): ApprovalMember => ({
  id,
  kind: 'team',
  role: '',
  teamIds: [],
  parentTeamId,
  active: true,
  deleted: false,
});
const user = (id: string, role: ApprovalMember['role'], teamId: string): ApprovalMember => ({
  id,
  kind: 'user',
  role,
  teamIds: [teamId],
  parentTeamId: teamId,
  active: true,
  deleted: false,
});
const members: ApprovalMember[] = [
  team('company', ''),
  team('east', 'company'),
  team('shanghai', 'east'),
  user('admin', 'admin', 'company'),
  user('m-east', 'manager', 'east'),
  user('m-sh', 'manager', 'shanghai'),
  user('rep-sh', 'rep', 'shanghai'),
  user('rep-sh2', 'rep', 'shanghai'),
  user('fin', 'rep', 'company'),
];

const rules: ApprovalRulesValue = {
  ...DEFAULT_APPROVAL_RULES,
  rules: [
    {
      id: 'exp-small',
      kind: 'expense',
      minAmount: 0,
      steps: [{ approverKind: 'members', role: '', memberIds: ['fin'] }],
    },
    {
      id: 'exp-big',
      kind: 'expense',
      minAmount: 10_000,
      steps: [
        { approverKind: 'manager', role: '', memberIds: [] },
        { approverKind: 'members', role: '', memberIds: ['fin'] },
      ],
    },
    {
      id: 'contract-admin',
      kind: 'contract',
      minAmount: 0,
      steps: [{ approverKind: 'role', role: 'admin', memberIds: [] }],
    },
  ],
};

const pending = { status: 'pending' as const, decidedBy: '', decidedAt: 0, comment: '' };

describe('routeApproval', () => {
  it('picks the rule of the kind with the highest minAmount not above the amount', () => {
    // 9,999 < 10,000: the small rule (finance alone); 10,000: the big one (manager, then finance).
    expect(
      routeApproval(rules, { kind: 'expense', amount: 9_999, requesterId: 'rep-sh' }, members)
        .steps,
    ).toEqual([{ approverKind: 'members', role: '', memberIds: ['fin'], ...pending }]);
    const big = routeApproval(
      rules,
      { kind: 'expense', amount: 10_000, requesterId: 'rep-sh' },
      members,
    );
    expect(big.steps).toEqual([
      { approverKind: 'manager', role: '', memberIds: ['m-sh'], ...pending },
      { approverKind: 'members', role: '', memberIds: ['fin'], ...pending },
    ]);
    expect(big.currentStep).toBe(0);
  });

  it('a role step keeps its role; the approverRole names the first step', () => {
    const route = routeApproval(
      rules,
      { kind: 'contract', amount: 5, requesterId: 'rep-sh' },
      members,
    );
    expect(route.steps).toEqual([
      { approverKind: 'role', role: 'admin', memberIds: [], ...pending },
    ]);
    expect(route.approverRole).toBe('admin');
  });

  it("no rule of the kind: the requester's manager", () => {
    const route = routeApproval(
      rules,
      { kind: 'discount', amount: 100, requesterId: 'rep-sh' },
      members,
    );
    expect(route.steps).toEqual([
      { approverKind: 'manager', role: '', memberIds: ['m-sh'], ...pending },
    ]);
    expect(route.approverRole).toBe('manager');
  });

  it('never routes to the requester: up the tree, then to an admin', () => {
    // m-sh asks: their own team's manager is themselves → the east manager.
    expect(
      routeApproval(rules, { kind: 'discount', amount: 1, requesterId: 'm-sh' }, members).steps[0]
        .memberIds,
    ).toEqual(['m-east']);
    // fin asks for a small expense: finance is fin alone → their managers (none at company) → the admin.
    expect(
      routeApproval(rules, { kind: 'expense', amount: 1, requesterId: 'fin' }, members).steps,
    ).toEqual([{ approverKind: 'role', role: 'admin', memberIds: ['admin'], ...pending }]);
    // the admin asks for a contract: no other admin → no manager above company → admins but themselves: none.
    expect(
      routeApproval(rules, { kind: 'contract', amount: 1, requesterId: 'admin' }, members).steps[0]
        .memberIds,
    ).toEqual([]);
  });
});

const approval = (patch: Partial<Approval> = {}): Approval =>
  ({
    status: 'pending',
    deleted: false,
    requesterId: 'rep-sh',
    approverRole: 'manager',
    currentStep: 0,
    decidedBy: '',
    decidedAt: 0,
    comment: '',
    steps: routeApproval(rules, { kind: 'expense', amount: 20_000, requesterId: 'rep-sh' }, members)
      .steps,
    ...patch,
  }) as Approval;

describe('canDecide', () => {
  it('the approvers of the current step only', () => {
    expect(canDecide(approval(), 'm-sh', members)).toBe(true);
    expect(canDecide(approval(), 'fin', members)).toBe(false);
    expect(canDecide(approval(), 'm-east', members)).toBe(false);
    expect(canDecide(approval({ currentStep: 1 }), 'fin', members)).toBe(true);
  });

  it('never the requester, nor on a decided or deleted approval', () => {
    const own = approval({ requesterId: 'm-sh' });
    expect(canDecide(own, 'm-sh', members)).toBe(false);
    expect(canDecide(approval({ status: 'approved' }), 'm-sh', members)).toBe(false);
    expect(canDecide(approval({ deleted: true }), 'm-sh', members)).toBe(false);
  });

  it('a role step: anyone with the role; a manager role only over the requester', () => {
    const adminStep = approval({
      steps: [{ approverKind: 'role', role: 'admin', memberIds: [], ...pending }],
    });
    expect(canDecide(adminStep, 'admin', members)).toBe(true);
    expect(canDecide(adminStep, 'm-sh', members)).toBe(false);
    const legacy = approval({ steps: [], approverRole: 'manager' });
    expect(canDecide(legacy, 'm-east', members)).toBe(true);
    expect(canDecide(legacy, 'rep-sh2', members)).toBe(false);
  });
});

describe('decide', () => {
  it('two steps: the first approval moves on, the second approves the request', () => {
    const first = decide(approval(), 'approved', 'm-sh', 'ok', 1000);
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.changes.status).toBe('pending');
    expect(first.changes.currentStep).toBe(1);
    expect(first.changes.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: 'm-sh',
      decidedAt: 1000,
      comment: 'ok',
    });
    expect(first.changes.decidedBy).toBe('');
    const second = decide(approval(first.changes), 'approved', 'fin', 'paid', 2000);
    expect(second).toMatchObject({
      ok: true,
      changes: {
        status: 'approved',
        currentStep: 1,
        decidedBy: 'fin',
        decidedAt: 2000,
        comment: 'paid',
      },
    });
  });

  it('a rejection at any step rejects the request', () => {
    const result = decide(approval(), 'rejected', 'm-sh', 'too much', 1000);
    expect(result.ok && result.changes).toMatchObject({
      status: 'rejected',
      currentStep: 0,
      decidedBy: 'm-sh',
      comment: 'too much',
    });
    if (result.ok) expect(result.changes.steps[1].status).toBe('pending');
  });

  it('a decided approval is refused, naming who decided', () => {
    const decided = approval({ status: 'approved', decidedBy: 'fin' });
    expect(decide(decided, 'rejected', 'm-sh', '', 1)).toEqual({
      ok: false,
      refusal: { reason: 'alreadyDecided', decidedBy: 'fin', status: 'approved' },
    });
  });

  it('an approval without a route is decided at once', () => {
    expect(decide(approval({ steps: [] }), 'approved', 'm-sh', '', 5)).toEqual({
      ok: true,
      changes: {
        steps: [],
        currentStep: 0,
        status: 'approved',
        decidedBy: 'm-sh',
        decidedAt: 5,
        comment: '',
      },
    });
  });
});

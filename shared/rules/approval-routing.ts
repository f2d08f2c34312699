import type { Approval, ApprovalRulesValue, ApprovalStep, Member } from '../domain/entities';
import { scopeFor } from '../sync/scope';
import type { RuleResult } from './deal-stage';
import { teamsOfMember } from './record-ownership';
import { buildTeamDirectory } from './team-managers';

/**
 * The approvals engine (issue 20, "Approvals (审批)"): one route for discount, contract and expense requests,
 * decided step by step. The app's approval repository and the sync server's write path both call these.
 */

/** People as the engine reads them from the `members` collection (users and teams). */
export type ApprovalMember = Pick<
  Member,
  'id' | 'kind' | 'role' | 'teamIds' | 'parentTeamId' | 'active' | 'deleted'
> &
  Partial<Pick<Member, 'teamId'>>;

/** What a request is routed by. */
export interface ApprovalRequest {
  kind: Approval['kind'];
  amount: number;
  requesterId: string;
}

/** The fields a route sets on a new approval. */
export type ApprovalRoute = Pick<Approval, 'steps' | 'currentStep' | 'approverRole'>;

const pendingStep = (patch: Partial<ApprovalStep>): ApprovalStep => ({
  approverKind: 'role',
  role: '',
  memberIds: [],
  status: 'pending',
  decidedBy: '',
  decidedAt: 0,
  comment: '',
  ...patch,
});

const activeUsers = (members: readonly ApprovalMember[]) =>
  members.filter((m) => m.kind === 'user' && m.active && !m.deleted);

/**
 * The route of a request: the rule of its kind with the highest `minAmount` not above its amount (no rule: the
 * requester's manager). 'manager' steps name the requester's team managers (up the team tree); named members
 * drop the requester; a role step keeps its role. A requester never approves their own request: a step the
 * requester would be alone on goes up the tree to their managers, then to the workspace's admins.
 */
export function routeApproval(
  rules: ApprovalRulesValue,
  request: ApprovalRequest,
  members: readonly ApprovalMember[],
): ApprovalRoute {
  const rule = rules.rules
    .filter((r) => r.kind === request.kind && r.minAmount <= request.amount)
    .reduce<ApprovalRulesValue['rules'][number] | null>(
      (best, r) => (!best || r.minAmount > best.minAmount ? r : best),
      null,
    );
  const routeSteps = rule?.steps ?? [{ approverKind: 'manager' as const, role: '', memberIds: [] }];
  const users = activeUsers(members);
  const directory = buildTeamDirectory(members);
  const admins = users
    .filter((u) => u.role === 'admin' && u.id !== request.requesterId)
    .map((u) => u.id);
  // Up the tree, then to an admin: who decides when a step would otherwise have nobody but the requester.
  const managersOrAdmins = (): ApprovalStep => {
    const managers = directory.managersOf(request.requesterId);
    return managers.length > 0
      ? pendingStep({ approverKind: 'manager', memberIds: [...managers] })
      : pendingStep({ approverKind: 'role', role: 'admin', memberIds: admins });
  };
  const steps = routeSteps.map((step): ApprovalStep => {
    if (step.approverKind === 'manager') return managersOrAdmins();
    if (step.approverKind === 'members') {
      const live = new Set(users.map((u) => u.id));
      const named = step.memberIds.filter((id) => id !== request.requesterId && live.has(id));
      return named.length > 0
        ? pendingStep({ approverKind: 'members', memberIds: named })
        : managersOrAdmins();
    }
    const holders = users.filter((u) => u.role === step.role && u.id !== request.requesterId);
    return holders.length > 0 && step.role
      ? pendingStep({ approverKind: 'role', role: step.role })
      : managersOrAdmins();
  });
  const first = steps[0];
  return {
    steps,
    currentStep: 0,
    approverRole: first.approverKind === 'role' && first.role ? first.role : 'manager',
  };
}

/** The step now deciding, or null when the approval is decided (or has no route). */
export function currentApprovalStep(
  approval: Pick<Approval, 'steps' | 'currentStep' | 'status'>,
): ApprovalStep | null {
  if (approval.status !== 'pending') return null;
  return approval.steps[approval.currentStep] ?? null;
}

/**
 * May `memberId` decide the approval now? Not when it is decided or deleted, never the requester, only an active
 * user of the current step: one of its named members, or (a role step without names) someone with its role — a
 * manager only for requesters in their teams or below. An approval without a route (made before issue 20) waits
 * on its `approverRole` the same way.
 */
export function canDecide(
  approval: Pick<
    Approval,
    'status' | 'deleted' | 'requesterId' | 'steps' | 'currentStep' | 'approverRole'
  >,
  memberId: string,
  members: readonly ApprovalMember[],
): boolean {
  if (approval.deleted || approval.status !== 'pending') return false;
  if (!memberId || memberId === approval.requesterId) return false;
  const me = activeUsers(members).find((m) => m.id === memberId);
  if (!me) return false;
  const step = approval.steps.length > 0 ? currentApprovalStep(approval) : null;
  if (approval.steps.length > 0 && (!step || step.status !== 'pending')) return false;
  if (step && step.memberIds.length > 0) return step.memberIds.includes(memberId);
  const role = step ? step.role : approval.approverRole;
  if (!role || me.role !== role) return false;
  if (role !== 'manager') return true;
  const requester = members.find((m) => m.id === approval.requesterId && m.kind === 'user');
  if (!requester) return false;
  const teams = members
    .filter((m) => m.kind === 'team' && !m.deleted)
    .map((m) => ({ id: m.id, parentTeamId: m.parentTeamId }));
  // A user's primary team is `parentTeamId` in the members collection (team-managers.ts).
  const teamsOf = (m: ApprovalMember) =>
    teamsOfMember({ teamId: m.teamId ?? m.parentTeamId, teamIds: m.teamIds });
  const managed = scopeFor({ role: 'manager', teamIds: teamsOf(me) }, teams);
  return teamsOf(requester).some((team) => managed === 'all' || managed.has(team));
}

export type ApprovalDecision = 'approved' | 'rejected';

/** What a decision writes on the approval. */
export type ApprovalDecisionChanges = Pick<
  Approval,
  'steps' | 'currentStep' | 'status' | 'decidedBy' | 'decidedAt' | 'comment'
>;

/** Why a decision cannot be made: the approval (or the step) was already decided, by whom. */
export interface ApprovalDecisionRefusal {
  reason: 'alreadyDecided';
  decidedBy: string;
  status: Approval['status'];
}

/**
 * A decision on the current step: approving a step moves to the next one; approving the last step approves the
 * request; any rejection rejects it. The request's `decidedBy`/`decidedAt`/`comment` are the final decision's.
 * Refused when the approval is no longer pending. Who may decide is `canDecide`'s question, asked by the caller.
 */
export function decide(
  approval: Pick<
    Approval,
    'steps' | 'currentStep' | 'status' | 'decidedBy' | 'decidedAt' | 'comment'
  >,
  decision: ApprovalDecision,
  by: string,
  comment: string,
  now: number,
): RuleResult<ApprovalDecisionChanges, ApprovalDecisionRefusal> {
  if (approval.status !== 'pending') {
    return {
      ok: false,
      refusal: { reason: 'alreadyDecided', decidedBy: approval.decidedBy, status: approval.status },
    };
  }
  const final = { decidedBy: by, decidedAt: now, comment };
  if (approval.steps.length === 0)
    return {
      ok: true,
      changes: { steps: [], currentStep: 0, status: decision, ...final },
    };
  const index = approval.currentStep;
  const step = approval.steps[index];
  if (!step || step.status !== 'pending') {
    return {
      ok: false,
      refusal: {
        reason: 'alreadyDecided',
        decidedBy: step?.decidedBy ?? approval.decidedBy,
        status: step?.status ?? approval.status,
      },
    };
  }
  const steps = approval.steps.map((s, i) =>
    i === index ? { ...s, status: decision, ...final } : s,
  );
  const last = index === approval.steps.length - 1;
  if (decision === 'approved' && !last) {
    return {
      ok: true,
      changes: {
        steps,
        currentStep: index + 1,
        status: 'pending',
        decidedBy: '',
        decidedAt: 0,
        comment: '',
      },
    };
  }
  return { ok: true, changes: { steps, currentStep: index, status: decision, ...final } };
}

/**
 * Who decided the step a decision was made on, once it is decided: the step at `stepIndex`, or the request's
 * final decider. For "already decided by X" answers.
 */
export function deciderOf(
  approval: Pick<Approval, 'steps' | 'decidedBy'>,
  stepIndex: number,
): string {
  return approval.steps[stepIndex]?.decidedBy || approval.decidedBy;
}

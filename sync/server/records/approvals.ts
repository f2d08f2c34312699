import {
  type Approval,
  type ApprovalRulesValue,
  type CollectionName,
  type Member,
} from '@shared/domain';
import { canDecide, decide, deciderOf, routeApproval } from '@shared/rules/approval-routing';
import { RejectReason, sameValue, type Principal } from '@shared/sync';
import type { SqlTx } from '../db/sql';
import { loadApprovalRules } from './approval-rules';
import type { Entity } from './types';
import type { WriteRefusal } from './write-permissions';

/** What the approvals check reads once per push group: the workspace's rules and its people. */
export interface ApprovalContext {
  rules: ApprovalRulesValue;
  members: readonly Member[];
}

/**
 * The workspace's approval rules (the defaults when none is stored or it does not validate) and every member
 * record (routes name managers up the team tree). Approvals only: other collections read nothing.
 */
export async function loadApprovalContext(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
): Promise<ApprovalContext | null> {
  if (collection !== 'approvals') return null;
  const [rules, members] = await Promise.all([
    loadApprovalRules(tx, workspaceId),
    tx.query<{ data: Member }>(
      `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND deleted = false`,
      [workspaceId],
    ),
  ]);
  return { rules, members: members.map((row) => row.data) };
}

/** What a request is, fixed once made: a decision changes none of these. */
const REQUEST_FIELDS = [
  'kind',
  'title',
  'subjectType',
  'subjectId',
  'subjectKey',
  'amount',
  'requesterId',
  'requestNote',
] as const;
/** What a decision changes (shared/rules/approval-routing.ts `decide`). */
const DECISION_FIELDS = [
  'status',
  'decidedBy',
  'decidedAt',
  'comment',
  'steps',
  'currentStep',
] as const;

/**
 * The approvals engine on the server (issue 20), for every pushed approval after validation and permissions:
 * - a new request is the pusher's own and undecided; its route is recomputed from the workspace's rules
 *   (whatever route the client sent is replaced);
 * - a decision is the one the shared `decide` makes on the *stored* state for the pusher, who must be an
 *   approver of its current step (`canDecide`) and not the requester; a step decided meanwhile refuses it,
 *   naming who decided (first decision wins);
 * - nothing else of a request changes.
 * Answers the entity to write (the route filled in) or a refusal.
 */
export function applyApprovalRules(
  context: ApprovalContext | null | undefined,
  principal: Principal,
  stored: Entity | null,
  assumed: Entity | null,
  after: Entity,
): { entity: Entity } | { refusal: WriteRefusal } {
  if (!context) return { entity: after };
  const next = after as unknown as Approval;
  const forged = { refusal: { reason: RejectReason.approvalForged } };
  if (!stored) {
    const undecided =
      next.status === 'pending' &&
      !next.decidedBy &&
      next.steps.every((step) => step.status === 'pending' && !step.decidedBy);
    if (next.requesterId !== principal.userId || !undecided) return forged;
    const route = routeApproval(context.rules, next, context.members);
    return { entity: { ...after, ...route, currentStep: 0, decidedAt: 0 } };
  }
  const before = stored as unknown as Approval;
  const changed = (fields: readonly (keyof Approval)[]) =>
    fields.some((field) => !sameValue(before[field], next[field]));
  if (changed(REQUEST_FIELDS)) return forged;
  if (!changed(DECISION_FIELDS)) return { entity: after };

  // The step the pusher decided is the one they saw as current.
  const seen = (assumed ?? stored) as unknown as Approval;
  const stepIndex = seen.currentStep ?? 0;
  const nameOf = (id: string) => context.members.find((m) => m.id === id)?.name ?? id;
  if (before.status !== 'pending' || (before.currentStep ?? 0) !== stepIndex)
    return {
      refusal: {
        reason: RejectReason.approvalDecided,
        params: { decider: nameOf(deciderOf(before, stepIndex)) },
      },
    };
  if (principal.userId === before.requesterId)
    return { refusal: { reason: RejectReason.approvalOwnRequest } };
  if (!canDecide(before, principal.userId, context.members))
    return { refusal: { reason: RejectReason.approvalNotApprover } };
  const pushed = before.steps.length > 0 ? next.steps[stepIndex] : next;
  if (!pushed || (pushed.status !== 'approved' && pushed.status !== 'rejected')) return forged;
  const decision = decide(
    before,
    pushed.status,
    principal.userId,
    pushed.comment ?? '',
    pushed.decidedAt ?? 0,
  );
  if (!decision.ok) return forged;
  const expected = { ...before, ...decision.changes };
  if (DECISION_FIELDS.some((field) => !sameValue(expected[field], next[field]))) return forged;
  return { entity: after };
}

import type { Approval, Member } from '../domain/entities';
import { scopeFor, type TeamNode } from '../sync/scope';
import { inboxItemKey, type InboxItem } from './inbox-items';
import { teamsOfMember } from './record-ownership';

/** The approver as the inbox knows them from the replica: their member record. */
export type ApproverMember = Pick<Member, 'id' | 'role' | 'teamId' | 'teamIds'>;

/**
 * Does a pending approval wait on `viewer` (issue 18, kept simple; the sales issue refines approval routing)? It
 * asks for the viewer's role, and a manager only approves requests from people in their teams or the teams below;
 * nobody approves their own request.
 */
export function approvalWaitsOn(
  approval: Pick<Approval, 'status' | 'deleted' | 'approverRole' | 'requesterId'> &
    Partial<Pick<Approval, 'steps' | 'currentStep'>>,
  viewer: ApproverMember,
  requester: Pick<Member, 'teamId' | 'teamIds'> | null,
  teams: readonly TeamNode[],
): boolean {
  if (approval.deleted || approval.status !== 'pending') return false;
  if (approval.requesterId === viewer.id) return false;
  // A routed approval (issue 20) waits on its current step: its named people, else its role.
  const step = approval.steps?.[approval.currentStep ?? 0];
  if (approval.steps && approval.steps.length > 0) {
    if (!step || step.status !== 'pending') return false;
    if (step.memberIds.length > 0) return step.memberIds.includes(viewer.id);
    if (step.role !== viewer.role) return false;
  } else if (approval.approverRole !== viewer.role) return false;
  if (viewer.role !== 'manager') return true;
  if (!requester) return false;
  const managed = scopeFor({ role: 'manager', teamIds: teamsOfMember(viewer) }, teams);
  return teamsOfMember(requester).some((team) => managed === 'all' || managed.has(team));
}

/** The inbox item of an approval waiting on `viewerId`: one per request (the lapse is when it was requested). */
/**
 * The requester's inbox item once their request is decided (issue 20): one per decision (the lapse is when it was
 * decided), naming who decided and how.
 */
export function approvalDecidedItem(
  approval: Pick<
    Approval,
    | 'id'
    | 'kind'
    | 'title'
    | 'amount'
    | 'requesterId'
    | 'status'
    | 'decidedBy'
    | 'decidedAt'
    | 'comment'
  >,
  deciderName: string,
): InboxItem | null {
  if (approval.status === 'pending' || !approval.requesterId) return null;
  const decidedAt = approval.decidedAt ?? 0;
  return {
    key: inboxItemKey('approvalDecided', 'approvals', approval.id, decidedAt),
    kind: 'approval',
    rule: approval.status === 'approved' ? 'approvalApproved' : 'approvalRejected',
    recipientId: approval.requesterId,
    recordCollection: 'approvals',
    recordId: approval.id,
    recordTitle: approval.title,
    dueAt: decidedAt,
    params: {
      approvalKind: approval.kind,
      decider: deciderName,
      amount: String(approval.amount),
      comment: approval.comment ?? '',
    },
  };
}

export function approvalInboxItem(
  approval: Pick<
    Approval,
    'id' | 'kind' | 'title' | 'amount' | 'requesterId' | 'createdAt' | 'subjectType' | 'subjectId'
  >,
  viewerId: string,
  requesterName: string,
): InboxItem {
  return {
    key: inboxItemKey('approvalPending', 'approvals', approval.id, approval.createdAt),
    kind: 'approval',
    rule: 'approvalPending',
    recipientId: viewerId,
    recordCollection: 'approvals',
    recordId: approval.id,
    recordTitle: approval.title,
    dueAt: approval.createdAt,
    params: {
      approvalKind: approval.kind,
      requester: requesterName,
      amount: String(approval.amount),
      subjectType: approval.subjectType,
      subjectId: approval.subjectId,
    },
  };
}

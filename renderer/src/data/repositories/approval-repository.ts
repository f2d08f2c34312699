import type { Approval } from '@shared/domain';
import {
  canDecide,
  decide,
  routeApproval,
  type ApprovalDecision,
} from '@shared/rules/approval-routing';
import { BusinessRuleError } from '../errors';
import { EntityRepository, type CreateInput, type RepositoryContext } from './entity-repository';
import { MemberRepository } from './member-repository';
import { SettingRepository } from './setting-repository';

/** What a person asks for: the route, the decision fields and the requester are the engine's. */
export type ApprovalRequestInput = Pick<
  Approval,
  'kind' | 'title' | 'amount' | 'subjectType' | 'subjectId'
> &
  Partial<Pick<Approval, 'subjectKey' | 'requestNote' | 'id'>>;

/**
 * Approvals (issue 20): a request is routed by the workspace's rules when it is made, and decided step by step
 * through the shared rule (shared/rules/approval-routing.ts) — offline too; the server holds pushes to the same.
 */
export class ApprovalRepository extends EntityRepository<'approvals'> {
  private readonly members: MemberRepository;
  private readonly settings: SettingRepository;

  constructor(ctx: RepositoryContext) {
    super(ctx, 'approvals');
    this.members = new MemberRepository(ctx);
    this.settings = new SettingRepository(ctx);
  }

  pending(limit = 200): Promise<Approval[]> {
    return this.find({
      selector: { deleted: false, status: 'pending' },
      sort: [{ updatedAt: 'desc' }],
      limit,
    });
  }

  /** A requester's requests decided since `since` (epoch ms): their inbox's "your request was decided". */
  decidedFor(requesterId: string, since: number, limit = 200): Promise<Approval[]> {
    return this.find({
      selector: {
        deleted: false,
        requesterId,
        status: { $in: ['approved', 'rejected'] },
        decidedAt: { $gte: since },
      },
      limit,
    });
  }

  /** The live approvals of one record (a contract's approval requests, issue 20). */
  forSubject(subjectType: Approval['subjectType'], subjectId: string): Promise<Approval[]> {
    return this.find({
      selector: { deleted: false, subjectType, subjectId },
      sort: [{ updatedAt: 'asc' }],
      limit: 100,
    });
  }

  /** The newest approvals the replica holds (the Approvals page filters them by who is asking). */
  recent(limit = 500): Promise<Approval[]> {
    return this.find({
      selector: { deleted: false },
      sort: [{ updatedAt: 'desc' }],
      limit,
    });
  }

  /** The people routes and decisions are judged by: every member record (users and teams). */
  private async people() {
    const [users, teams] = await Promise.all([this.members.users(), this.members.teams()]);
    return [...users, ...teams];
  }

  /** Makes a request as the person using the app, routed by the workspace's rules. */
  async request(input: ApprovalRequestInput): Promise<Approval> {
    const [rules, people] = await Promise.all([this.settings.approvalRules(), this.people()]);
    const requesterId = this.ctx.actor.userId;
    const route = routeApproval(rules, { ...input, requesterId }, people);
    const record: CreateInput<Approval> = {
      ...input,
      subjectKey: input.subjectKey ?? '',
      requestNote: input.requestNote ?? '',
      requesterId,
      status: 'pending',
      decidedBy: '',
      decidedAt: 0,
      comment: '',
      ...route,
    };
    return this.create(record);
  }

  /** May the person using the app decide this approval now (the shared rule)? */
  async mayDecide(approval: Approval): Promise<boolean> {
    return canDecide(approval, this.ctx.actor.userId, await this.people());
  }

  /** Decides the current step as the person using the app; refused unless they are one of its approvers. */
  async decide(id: string, decision: ApprovalDecision, comment: string): Promise<Approval> {
    const approval = await this.get(id);
    if (!approval) throw new Error(`approvals/${id} not found`);
    const by = this.ctx.actor.userId;
    if (approval.status !== 'pending')
      throw new BusinessRuleError('approvals.errors.alreadyDecided');
    if (approval.requesterId === by) throw new BusinessRuleError('approvals.errors.ownRequest');
    if (!canDecide(approval, by, await this.people()))
      throw new BusinessRuleError('approvals.errors.notApprover');
    const result = decide(approval, decision, by, comment.trim(), this.ctx.now());
    if (!result.ok) throw new BusinessRuleError('approvals.errors.alreadyDecided');
    return this.update(id, result.changes);
  }
}

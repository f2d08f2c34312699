import type { Approval } from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';

export class ApprovalRepository extends EntityRepository<'approvals'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'approvals');
  }

  pending(limit = 200): Promise<Approval[]> {
    return this.find({
      selector: { deleted: false, status: 'pending' },
      sort: [{ updatedAt: 'desc' }],
      limit,
    });
  }

  decide(id: string, status: 'approved' | 'rejected', comment: string): Promise<Approval> {
    return this.update(id, {
      status,
      comment,
      decidedBy: this.ctx.actor.userId,
      decidedAt: this.ctx.now(),
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
}

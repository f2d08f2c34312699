import type { Member } from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { assignableOwners } from './record-ownership';

export class MemberRepository extends EntityRepository<'members'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'members');
  }

  users(): Promise<Member[]> {
    return this.find({
      selector: { kind: 'user', deleted: false },
      sort: [{ name: 'asc' }],
      limit: 1000,
    });
  }

  teams(): Promise<Member[]> {
    return this.find({
      selector: { kind: 'team', deleted: false },
      sort: [{ name: 'asc' }],
      limit: 1000,
    });
  }

  /** The users the person using the app may make a record's owner (shared/rules/record-ownership.ts). */
  assignableOwners(): Promise<Member[]> {
    return assignableOwners(this.ctx.db, this.ctx.actor);
  }
}

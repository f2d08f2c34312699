import type { Activity } from '@shared/domain';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { keepLastActivity } from './last-activity';

export interface MyDay {
  overdue: Activity[];
  today: Activity[];
  upcoming: Activity[];
}

export class ActivityRepository extends EntityRepository<'activities'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'activities');
  }

  /** Creates the activity and raises the last activity of the records it counts towards. */
  override async create(input: CreateInput<Activity>): Promise<Activity> {
    const created = await super.create(input);
    await keepLastActivity(this.ctx.db, [{ before: null, after: created }]);
    return created;
  }

  /**
   * Updates the activity (done, moved, re-dated, deleted, restored: soft delete and setDone come here too) and
   * keeps the last activity of the records it counted towards before and after.
   */
  override async update(id: string, patch: UpdateInput<Activity>): Promise<Activity> {
    const before = await this.get(id);
    const after = await super.update(id, patch);
    await keepLastActivity(this.ctx.db, [{ before, after }]);
    return after;
  }

  byAccount(accountId: string, limit = 200): Promise<Activity[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  byRelated(relatedId: string, limit = 200): Promise<Activity[]> {
    return this.find({
      selector: { relatedId, deleted: false },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  recent(limit: number, skip: number): Promise<Activity[]> {
    return this.find({ selector: { deleted: false }, sort: [{ occurredAt: 'desc' }], limit, skip });
  }

  /**
   * "My day": open tasks due up to `horizon` (inclusive), split into overdue / today / upcoming.
   * Reads the deleted+done+dueDate index, so it never scans finished work.
   */
  async myDay(today: string, horizon: string, ownerId?: string): Promise<MyDay> {
    const open = await this.find({
      selector: {
        deleted: false,
        done: false,
        dueDate: { $gt: '', $lte: horizon },
        ...(ownerId ? { ownerId } : {}),
      },
      sort: [{ dueDate: 'asc' }],
      limit: 500,
    });
    return {
      overdue: open.filter((a) => a.dueDate < today),
      today: open.filter((a) => a.dueDate === today),
      upcoming: open.filter((a) => a.dueDate > today),
    };
  }

  async setDone(id: string, done: boolean): Promise<Activity> {
    return this.update(id, { done, doneAt: done ? this.ctx.now() : undefined });
  }
}

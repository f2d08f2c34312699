import type { Activity } from '@shared/domain';
import { EntityRepository, type RepositoryContext } from './entity-repository';

export interface MyDay {
  overdue: Activity[];
  today: Activity[];
  upcoming: Activity[];
}

export class ActivityRepository extends EntityRepository<'activities'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'activities');
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

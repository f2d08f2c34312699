import type { InboxMark } from '@shared/domain';
import { inboxMarkId, type InboxMarkState } from '@shared/rules';
import { personalTeamId } from '@shared/sync';
import { EntityRepository, type RepositoryContext } from './entity-repository';

/**
 * What the signed-in person did with their inbox items (issue 18). One record per person and item, with the same
 * id on every laptop (`inboxMarkId`), so marking on two laptops writes one record whose edits merge. Marks live in
 * the person's personal team (`personalTeamId`): the server sends them to nobody else.
 */
export class InboxMarkRepository extends EntityRepository<'inbox_marks'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'inbox_marks');
  }

  /** The signed-in person's live marks (an admin's replica also holds everyone else's: read by owner). */
  async mine(limit = 5000): Promise<InboxMark[]> {
    return this.find({
      selector: { ownerId: this.ctx.actor.userId, deleted: false },
      limit,
    });
  }

  /** Marks an item done, snoozed until `snoozedUntil` (epoch ms) or dismissed: an upsert by the mark's id. */
  async mark(itemKey: string, state: InboxMarkState, snoozedUntil = 0): Promise<InboxMark> {
    const userId = this.ctx.actor.userId;
    const id = inboxMarkId(userId, itemKey);
    const fields = { itemKey, state, snoozedUntil: state === 'snoozed' ? snoozedUntil : 0 };
    const existing = await this.get(id);
    if (existing) {
      // A mark undone earlier (soft-deleted) comes back with the new state.
      if (existing.deleted) await this.restore(id);
      return this.update(id, fields);
    }
    return this.create({ ...fields, id, ownerId: userId, teamId: personalTeamId(userId) });
  }

  /** Undo: the item is back in the inbox (the mark is soft-deleted, which syncs like any edit). */
  async unmark(itemKey: string): Promise<void> {
    const id = inboxMarkId(this.ctx.actor.userId, itemKey);
    const existing = await this.get(id);
    if (existing && !existing.deleted) await this.softDelete(id);
  }
}

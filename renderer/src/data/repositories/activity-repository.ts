import { filter, map, type Observable } from 'rxjs';
import type { Activity, Contact, Member } from '@shared/domain';
import { normalizeSearchText } from '../search/search-text';
import {
  collectionOfRelated,
  commentPlainText,
  commentWriteRefusal,
  relatedOfCollection,
  type CommentableCollection,
} from '@shared/rules';
import { isNpsScore, npsActivityFields } from '@shared/rules/satisfaction';
import { RejectReason } from '@shared/sync';
import { BusinessRuleError } from '../errors';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { keepLastActivity } from './last-activity';
import { rescoreLeadsOf } from './lead-score';

/** The record a comment is written on: its collection, id, team, and the account whose timeline shows it. */
export interface CommentTarget {
  collection: CommentableCollection;
  id: string;
  teamId: string;
  /** The account of the record ('' for a lead), or the account itself. */
  accountId: string;
}

const NOT_COMMENT = { $ne: 'comment' } as const;

export interface MyDay {
  overdue: Activity[];
  today: Activity[];
  upcoming: Activity[];
}

export class ActivityRepository extends EntityRepository<'activities'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'activities');
  }

  /**
   * Creates the activity, raises the last activity of the records it counts towards and scores its lead again
   * (engagement, issue 19).
   */
  override async create(input: CreateInput<Activity>): Promise<Activity> {
    const created = await super.create(input);
    await this.keepDerived([{ before: null, after: created }]);
    return created;
  }

  /**
   * Updates the activity (done, moved, re-dated, deleted, restored: soft delete and setDone come here too) and
   * keeps the last activity of the records it counted towards before and after.
   */
  override async update(id: string, patch: UpdateInput<Activity>): Promise<Activity> {
    const before = await this.get(id);
    const after = await super.update(id, patch);
    await this.keepDerived([{ before, after }]);
    return after;
  }

  /** What the records an activity is on keep from it: their last activity, a lead's score. */
  private async keepDerived(
    changes: readonly { before: Activity | null; after: Activity | null }[],
  ): Promise<void> {
    await keepLastActivity(this.ctx.db, changes);
    await rescoreLeadsOf(this.ctx.db, changes, this.ctx.now());
  }

  /** A contact's NPS answer as a person enters it (issue 21): an `nps` activity on the contact, in its team. */
  recordNps(
    contact: Pick<Contact, 'id' | 'accountId' | 'teamId'>,
    answer: { score: number; reason: string },
  ): Promise<Activity> {
    if (!isNpsScore(answer.score)) throw new BusinessRuleError('contacts.nps.scoreRequired', {});
    return this.create({
      ...npsActivityFields(contact, answer, this.ctx.now()),
      teamId: contact.teamId,
    });
  }

  /** A contact's NPS answers, newest first. */
  async npsOf(contactId: string): Promise<Activity[]> {
    const rows = await this.find({
      selector: { relatedId: contactId, deleted: false, type: 'nps' },
      sort: [{ occurredAt: 'desc' }],
      limit: 200,
    });
    return rows;
  }

  /** Activities and comments on a customer's timeline (comments are shown as comments there). */
  byAccount(accountId: string, limit = 200): Promise<Activity[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  /**
   * An account's activities since `since` (epoch ms), through the [accountId, occurredAt] index: what account
   * health reads (recency, NPS answers; shared/rules/account-health.ts `healthActivitySince`).
   */
  byAccountSince(accountId: string, since: number, limit = 1000): Promise<Activity[]> {
    return this.find({
      selector: { accountId, occurredAt: { $gte: since } },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  /** Activities and tasks logged on one record; its comments are its thread (`commentsOn`). */
  byRelated(relatedId: string, limit = 200): Promise<Activity[]> {
    return this.find({
      selector: { relatedId, deleted: false, type: NOT_COMMENT },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  recent(limit: number, skip: number): Promise<Activity[]> {
    return this.find({
      selector: { deleted: false, type: NOT_COMMENT },
      sort: [{ occurredAt: 'desc' }],
      limit,
      skip,
    });
  }

  /** A record's comment thread, oldest first (the relatedId + occurredAt index). */
  commentsOn(relatedId: string, limit = 500): Promise<Activity[]> {
    return this.find({
      selector: { relatedId, deleted: false, type: 'comment' },
      sort: [{ occurredAt: 'asc' }],
      limit,
    });
  }

  /** Comments written since `since` (epoch ms), newest first, through the [deleted, type, occurredAt] index. */
  commentsSince(since: number, limit = 2000): Promise<Activity[]> {
    return this.find({
      selector: { deleted: false, type: 'comment', occurredAt: { $gte: since } },
      sort: [{ occurredAt: 'desc' }],
      limit,
    });
  }

  /**
   * Comments whose text (mentions read as names) holds `text`, newest first (global search). Every comment is
   * within reach: they are read newest first through the [deleted, type, occurredAt] index in pages of `pageSize`
   * (never the other activities), until `limit` match or none are left. Pages follow on from the last comment read
   * (keyset paging, not `skip`): comments written at the same instant as it and already read are left out of the
   * next page, in the index's order (occurredAt, then id).
   */
  async searchComments(text: string, limit: number, pageSize = 2000): Promise<Activity[]> {
    const needle = normalizeSearchText(text.trim());
    if (!needle || limit <= 0) return [];
    const found: Activity[] = [];
    // The occurredAt the last page ended at, and how many comments at that instant were read already.
    let before: number | null = null;
    let readAtBefore = 0;
    for (;;) {
      const page = await this.find({
        selector: {
          deleted: false,
          type: 'comment',
          ...(before === null ? {} : { occurredAt: { $lte: before } }),
        },
        sort: [{ occurredAt: 'desc' }],
        limit: pageSize + readAtBefore,
      });
      const fresh = page.slice(readAtBefore);
      for (const comment of fresh) {
        if (!normalizeSearchText(commentPlainText(comment.body)).includes(needle)) continue;
        found.push(comment);
        if (found.length >= limit) return found;
      }
      if (page.length < pageSize + readAtBefore) return found;
      const last = fresh[fresh.length - 1].occurredAt;
      const atLast = fresh.filter((c) => c.occurredAt === last).length;
      readAtBefore = last === before ? readAtBefore + atLast : atLast;
      before = last;
    }
  }

  /**
   * Writes a comment on a record as the signed-in member. Its team is the record's team (a comment follows its
   * record's scope; shared/rules/comments.ts `commentTeam`), so it is inserted as is, not moved to its author's.
   */
  async addComment(target: CommentTarget, body: string, replyToId = ''): Promise<Activity> {
    const now = this.ctx.now();
    const { actor } = this.ctx;
    const record = this.derive({
      id: this.ctx.newId(),
      workspaceId: actor.workspaceId,
      teamId: target.teamId,
      ownerId: actor.userId,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      deleted: false,
      type: 'comment',
      subject: '',
      body,
      outcome: '',
      nextStep: '',
      relatedType: relatedOfCollection(target.collection),
      relatedId: target.id,
      accountId: target.accountId,
      occurredAt: now,
      dueDate: '',
      done: false,
      mentions: [],
      replyToId,
    });
    const valid = this.validate(record);
    await this.collection.insert(valid);
    return valid;
  }

  /** Changes a comment's text: its author only. */
  async editComment(id: string, body: string): Promise<Activity> {
    await this.ensureCommentWrite(id, (current) => ({ ...current, body }));
    return this.update(id, { body });
  }

  /** Deletes a comment (soft, like every record): its author or an admin. */
  async deleteComment(id: string): Promise<void> {
    await this.ensureCommentWrite(id, (current) => ({ ...current, deleted: true }));
    await this.softDelete(id);
  }

  /** Refuses early, with the server's reason, what the server would refuse (shared/sync checkWrite). */
  private async ensureCommentWrite(
    id: string,
    change: (current: Activity) => Activity,
  ): Promise<void> {
    const current = await this.get(id);
    if (!current) throw new Error(`activities/${id} not found`);
    const refusal = commentWriteRefusal(
      { userId: this.ctx.actor.userId, role: await this.actorRole() },
      current,
      change(current),
    );
    if (refusal) throw new BusinessRuleError(RejectReason.commentAuthorOnly);
  }

  private async actorRole(): Promise<string> {
    const members = (this.ctx.db as Partial<typeof this.ctx.db>).members;
    const me = members ? await members.findOne(this.ctx.actor.userId).exec() : null;
    return me ? (me.toJSON() as Member).role : '';
  }

  /**
   * Each changed activity as it is now, `removed` when it left the replica (a replication tombstone): for
   * producers that keep their own lists current without querying again (the inbox's mention source).
   */
  changedActivities$(): Observable<{ activity: Activity; removed: boolean }> {
    return this.collection.$.pipe(
      filter((event) => !event.isLocal),
      map((event) => ({
        activity: event.operation === 'DELETE' ? event.previousDocumentData : event.documentData,
        removed: event.operation === 'DELETE',
      })),
    );
  }

  /** The collection of the record an activity is on ('' when it is on none). */
  static recordCollectionOf(activity: Activity): CommentableCollection | '' {
    return activity.relatedType ? collectionOfRelated(activity.relatedType) : '';
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

import type { Activity } from '@shared/domain';
import {
  collectionOfRelated,
  commentInboxItems,
  type CommentableCollection,
  type InboxItem,
  type MentionComment,
} from '@shared/rules';
import type { Repositories } from '../../repositories';
import type { InboxSource } from './inbox-source';

/** How far back comments raise inbox items: older mentions were seen or are no longer news. */
export const MENTION_WINDOW_MS = 60 * 24 * 60 * 60 * 1000;

/**
 * @mentions and replies (issue 18): comments that mention the viewer, and answers to the viewer's comments,
 * as inbox items that open the commented record (shared/rules/comments.ts `commentInboxItems`).
 *
 * It reads the comments of the window once through the [deleted, type, occurredAt] index, then follows the
 * activities' change stream: a changed comment updates its entry, and the items are computed again from the
 * entries in memory. It keeps only comments that may concern the viewer (mentioning them or answering someone);
 * the comments replied to and the records' titles are read by id, once each.
 */
export class MentionSource implements InboxSource {
  readonly name = 'mentions';

  constructor(
    private readonly repos: Repositories,
    private readonly windowMs = MENTION_WINDOW_MS,
  ) {}

  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void {
    const comments = new Map<string, MentionComment>();
    // Ids the change stream touched before the first read ended: the stream's state is the newer one.
    const seen = new Set<string>();
    const parents = new Map<string, Pick<MentionComment, 'ownerId'>>();
    const titles = new Map<string, string>();
    let loaded = false;
    let stopped = false;
    let scheduled = false;
    let run = 0;

    const concerns = (c: Activity) =>
      c.type === 'comment' &&
      !c.deleted &&
      c.ownerId !== viewerId &&
      ((c.mentions ?? []).includes(viewerId) || !!c.replyToId) &&
      c.occurredAt >= now() - this.windowMs;
    const keep = (c: Activity) => {
      if (concerns(c)) comments.set(c.id, c);
      else comments.delete(c.id);
    };

    const compute = async () => {
      scheduled = false;
      const mine = ++run;
      await this.readMissing(comments, parents, titles);
      if (stopped || mine !== run) return;
      onItems(
        commentInboxItems(
          viewerId,
          comments.values(),
          parents,
          (collection, id) => titles.get(`${collection}:${id}`) ?? '',
        ),
      );
    };
    const schedule = () => {
      if (!loaded || scheduled || stopped) return;
      scheduled = true;
      queueMicrotask(() => void compute());
    };

    const subscription = this.repos.activities
      .changedActivities$()
      .subscribe(({ activity, removed }) => {
        // Someone answered one of the viewer's comments: remember it is theirs (a comment's author never changes).
        if (activity.type === 'comment' && activity.ownerId === viewerId)
          parents.set(activity.id, { ownerId: viewerId });
        if (!loaded) seen.add(activity.id);
        if (removed) comments.delete(activity.id);
        else keep(activity);
        schedule();
      });

    void this.repos.activities.commentsSince(now() - this.windowMs).then(async (recent) => {
      if (stopped) return;
      for (const comment of recent) if (!seen.has(comment.id)) keep(comment);
      seen.clear();
      loaded = true;
      await compute();
    });

    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }

  /** Reads, by id, the comments replied to and the records' titles not read yet. */
  private async readMissing(
    comments: ReadonlyMap<string, MentionComment>,
    parents: Map<string, Pick<MentionComment, 'ownerId'>>,
    titles: Map<string, string>,
  ): Promise<void> {
    const parentIds = new Set<string>();
    const recordIds = new Map<CommentableCollection, Set<string>>();
    for (const c of comments.values()) {
      if (c.replyToId && !parents.has(c.replyToId)) parentIds.add(c.replyToId);
      if (!c.relatedType || !c.relatedId) continue;
      const collection = collectionOfRelated(c.relatedType);
      if (titles.has(`${collection}:${c.relatedId}`)) continue;
      recordIds.set(collection, (recordIds.get(collection) ?? new Set()).add(c.relatedId));
    }
    if (parentIds.size > 0) {
      const found = await this.repos.activities.getMany([...parentIds]);
      // A parent not in the replica (out of scope, removed) answers nobody here.
      for (const id of parentIds) parents.set(id, { ownerId: found.get(id)?.ownerId ?? '' });
    }
    await Promise.all(
      [...recordIds].map(async ([collection, ids]) => {
        const found = await this.titlesOf(collection, [...ids]);
        for (const id of ids) titles.set(`${collection}:${id}`, found.get(id) ?? '');
      }),
    );
  }

  private async titlesOf(
    collection: CommentableCollection,
    ids: string[],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const { repos } = this;
    switch (collection) {
      case 'accounts':
      case 'contacts':
      case 'leads':
      case 'deals':
        for (const [id, r] of await repos[collection].getMany(ids)) out.set(id, r.name);
        return out;
      case 'contracts':
        for (const [id, r] of await repos.contracts.getMany(ids))
          out.set(id, `${r.number} ${r.title}`);
        return out;
      case 'tickets':
        for (const [id, r] of await repos.tickets.getMany(ids))
          out.set(id, `${r.number} ${r.subject}`);
        return out;
    }
  }
}

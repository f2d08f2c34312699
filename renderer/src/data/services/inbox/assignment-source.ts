import type { Lead } from '@shared/domain';
import { ASSIGNMENT_INBOX_WINDOW_MS, assignmentInboxItems, type InboxItem } from '@shared/rules';
import type { Repositories } from '../../repositories';
import type { InboxSource } from './inbox-source';

/** The latest time an assignment can carry (timestampSchema's maximum): the index range's upper end. */
const MAX_TIME = 8_640_000_000_000;

/**
 * "Assigned to you" (issue 19): leads the server's assignment rules gave the viewer in the last 14 days
 * (shared/rules/lead-assignment.ts `assignmentInboxItems`). It reads the viewer's leads once through the
 * [deleted, ownerId, assignedAt] index, then follows the leads' change stream, so a lead assigned while the app is
 * open (it arrives by sync) raises its item, and the InboxNotifier its desktop notification.
 */
export class AssignmentSource implements InboxSource {
  readonly name = 'assignments';

  constructor(
    private readonly repos: Repositories,
    private readonly windowMs = ASSIGNMENT_INBOX_WINDOW_MS,
  ) {}

  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void {
    const leads = new Map<string, Lead>();
    // Ids the change stream touched before the first read ended: the stream's state is the newer one.
    const seen = new Set<string>();
    let loaded = false;
    let stopped = false;
    const concerns = (lead: Lead) =>
      !lead.deleted && lead.ownerId === viewerId && lead.assignedAt >= now() - this.windowMs;
    const compute = () => {
      if (!stopped) onItems(assignmentInboxItems(viewerId, leads.values(), now(), this.windowMs));
    };

    const subscription = this.repos.leads.changedRecords$().subscribe(({ id, record }) => {
      if (!loaded) seen.add(id);
      const had = leads.has(id);
      if (record && concerns(record)) leads.set(id, record);
      else leads.delete(id);
      if (loaded && (had || leads.has(id))) compute();
    });

    const since = now() - this.windowMs;
    void this.repos.leads
      .readIndexRange(
        {
          index: ['deleted', 'ownerId', 'assignedAt'],
          equal: [false, viewerId],
          range: { lower: Math.max(1, since), upper: MAX_TIME },
        },
        { deleted: false, ownerId: viewerId, assignedAt: { $gte: Math.max(1, since) } },
      )
      .then((recent) => {
        if (stopped) return;
        for (const lead of recent)
          if (!seen.has(lead.id) && concerns(lead)) leads.set(lead.id, lead);
        seen.clear();
        loaded = true;
        compute();
      });

    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
  }
}

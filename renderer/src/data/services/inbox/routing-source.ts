import type { Ticket } from '@shared/domain';
import { ROUTING_INBOX_WINDOW_MS, routingInboxItems, type InboxItem } from '@shared/rules';
import type { Repositories } from '../../repositories';
import type { InboxSource } from './inbox-source';

/** The latest time a routing can carry (timestampSchema's maximum): the index range's upper end. */
const MAX_TIME = 8_640_000_000_000;

/**
 * "Routed to you" (issue 21): open tickets the server's routing gave the viewer in the last 14 days
 * (shared/rules/ticket-routing.ts `routingInboxItems`). Reads the viewer's tickets once through the
 * [deleted, assigneeId, routedAt] index, then follows the tickets' change stream, so a ticket routed while the app
 * is open (it arrives by sync) raises its item, and the InboxNotifier its desktop notification.
 */
export class RoutingSource implements InboxSource {
  readonly name = 'ticketRouting';

  constructor(
    private readonly repos: Repositories,
    private readonly windowMs = ROUTING_INBOX_WINDOW_MS,
  ) {}

  start(
    viewerId: string,
    now: () => number,
    onItems: (items: readonly InboxItem[]) => void,
  ): () => void {
    const tickets = new Map<string, Ticket>();
    const seen = new Set<string>();
    let loaded = false;
    let stopped = false;
    const concerns = (ticket: Ticket) =>
      !ticket.deleted &&
      ticket.assigneeId === viewerId &&
      ticket.routedAt > 0 &&
      ticket.routedAt >= now() - this.windowMs;
    const compute = () => {
      if (!stopped) onItems(routingInboxItems(viewerId, tickets.values(), now(), this.windowMs));
    };

    const subscription = this.repos.tickets.changedRecords$().subscribe(({ id, record }) => {
      if (!loaded) seen.add(id);
      const had = tickets.has(id);
      if (record && concerns(record)) tickets.set(id, record);
      else tickets.delete(id);
      if (loaded && (had || tickets.has(id))) compute();
    });

    const since = Math.max(1, now() - this.windowMs);
    void this.repos.tickets
      .readIndexRange(
        {
          index: ['deleted', 'assigneeId', 'routedAt'],
          equal: [false, viewerId],
          range: { lower: since, upper: MAX_TIME },
        },
        { deleted: false, assigneeId: viewerId, routedAt: { $gte: since } },
      )
      .then((recent) => {
        if (stopped) return;
        for (const ticket of recent)
          if (!seen.has(ticket.id) && concerns(ticket)) tickets.set(ticket.id, ticket);
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

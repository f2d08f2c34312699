import type { MangoQuerySelector } from 'rxdb';
import { TICKET_TRANSITIONS, type Ticket, type TicketStatus } from '@shared/domain';
import { isCsatScore, mayRecordCsat } from '@shared/rules/satisfaction';
import { BusinessRuleError } from '../errors';
import { EntityRepository, type RepositoryContext } from './entity-repository';
import { containsPattern } from './selectors';

export class TicketRepository extends EntityRepository<'tickets'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'tickets');
  }

  /** Newest first, by status through its index; a text filter goes through the search index when there is one. */
  async listPage(
    filter: { status?: string; text?: string },
    limit: number,
    skip: number,
  ): Promise<Ticket[]> {
    const selector: MangoQuerySelector<Ticket> = { deleted: false };
    if (filter.status) selector.status = filter.status as TicketStatus;
    if (!filter.text?.trim())
      return this.newestFirst({
        equal: filter.status ? ['status', filter.status] : undefined,
        selector,
        limit,
        skip,
      });
    const indexed = await this.textPage(
      'tickets',
      filter.text,
      (t) => !t.deleted && (!filter.status || t.status === filter.status),
      limit,
      skip,
    );
    if (indexed) return indexed;
    const pattern = containsPattern(filter.text.trim());
    selector.$or = [
      { subject: { $regex: pattern, $options: 'i' } },
      { number: { $regex: pattern, $options: 'i' } },
    ];
    return this.find({ selector, sort: [{ updatedAt: 'desc' }, { id: 'asc' }], limit, skip });
  }

  byAccount(accountId: string): Promise<Ticket[]> {
    return this.find({
      selector: { accountId, deleted: false },
      sort: [{ updatedAt: 'desc' }],
      limit: 500,
    });
  }

  /** The next human-readable ticket number (T-YYYYMMDD-NNNN) for today on this replica. */
  async nextNumber(): Promise<string> {
    const now = new Date(this.ctx.now());
    const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
    const n = await this.count({ number: { $regex: `^T-${day}-` } });
    return `T-${day}-${String(n + 1).padStart(4, '0')}`;
  }

  /**
   * Status workflow (shared TICKET_TRANSITIONS). Leaving 'new' stamps the first response; resolving
   * stamps the resolution time (SLA timers read these).
   */
  async changeStatus(id: string, status: TicketStatus, resolution?: string): Promise<Ticket> {
    const ticket = await this.get(id);
    if (!ticket) throw new Error(`tickets/${id} not found`);
    if (ticket.status === status) return ticket;
    if (!TICKET_TRANSITIONS[ticket.status].includes(status)) {
      throw new BusinessRuleError('tickets.errors.transition', { from: ticket.status, to: status });
    }
    const now = this.ctx.now();
    return this.update(id, {
      status,
      firstResponseAt: ticket.firstResponseAt ?? (ticket.status === 'new' ? now : undefined),
      resolvedAt:
        status === 'resolved' || status === 'closed' ? (ticket.resolvedAt ?? now) : undefined,
      resolution: resolution ?? ticket.resolution,
    });
  }

  /**
   * The customer's CSAT answer as the agent records it (issue 21): 1–5 and a comment, on a resolved or closed
   * ticket only (shared/rules/satisfaction.ts); `csatAt` says when.
   */
  async recordCsat(id: string, score: number, comment: string): Promise<Ticket> {
    const ticket = await this.get(id);
    if (!ticket) throw new Error(`tickets/${id} not found`);
    if (!mayRecordCsat(ticket)) throw new BusinessRuleError('tickets.errors.csatNotResolved', {});
    if (!isCsatScore(score)) throw new BusinessRuleError('tickets.errors.csatScore', {});
    return this.update(id, { csat: score, csatComment: comment.trim(), csatAt: this.ctx.now() });
  }
}

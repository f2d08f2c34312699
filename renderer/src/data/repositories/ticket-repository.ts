import type { MangoQuerySelector } from 'rxdb';
import { TICKET_TRANSITIONS, type Ticket, type TicketStatus } from '@shared/domain';
import { isCsatScore, mayRecordCsat } from '@shared/rules/satisfaction';
import { OPEN_TICKET_STATUSES, slaPauseChanges } from '@shared/rules';
import { BusinessRuleError } from '../errors';
import {
  EntityRepository,
  type CreateInput,
  type RepositoryContext,
  type UpdateInput,
} from './entity-repository';
import { containsPattern } from './selectors';
import { calendarOf, workingCalendarValue } from './sla-settings';

/** The SLA inbox source's index (shared/domain/rx-schemas.ts). */
export const OPEN_BY_ASSIGNEE_INDEX = ['deleted', 'assigneeId', 'status'] as const;

export class TicketRepository extends EntityRepository<'tickets'> {
  constructor(ctx: RepositoryContext) {
    super(ctx, 'tickets');
  }

  /**
   * Every write keeps the SLA's customer-wait fields right for the status (shared/rules/sla.ts `slaPauseChanges`,
   * which the server's write path calls too): entering `pending` starts the pause, leaving it adds its business
   * time to `slaPausedMs`.
   */
  override async create(input: CreateInput<Ticket>): Promise<Ticket> {
    const changes = await this.pauseChanges({
      status: input.status,
      slaWaitingSince: input.slaWaitingSince ?? 0,
      slaPausedMs: input.slaPausedMs ?? 0,
    });
    return super.create(changes ? { ...input, ...changes } : input);
  }

  override async update(id: string, patch: UpdateInput<Ticket>): Promise<Ticket> {
    const current = await this.get(id);
    if (!current) return super.update(id, patch);
    const changes = await this.pauseChanges({
      status: patch.status ?? current.status,
      slaWaitingSince: patch.slaWaitingSince ?? current.slaWaitingSince ?? 0,
      slaPausedMs: patch.slaPausedMs ?? current.slaPausedMs ?? 0,
    });
    return super.update(id, changes ? { ...patch, ...changes } : patch);
  }

  private async pauseChanges(ticket: {
    status: string;
    slaWaitingSince: number;
    slaPausedMs: number;
  }): Promise<{ slaWaitingSince: number; slaPausedMs: number } | null> {
    const waiting = ticket.status === 'pending';
    // Nothing to read when the fields already agree with the status (most edits).
    if (waiting === ticket.slaWaitingSince > 0) return null;
    const calendar = calendarOf(await workingCalendarValue(this.ctx.db));
    return slaPauseChanges(ticket, this.ctx.now(), calendar);
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

  /**
   * Open tickets (new, open, pending) assigned to any of these members, in id order: the SLA inbox source reads
   * them. One range of the [deleted, assigneeId, status] index per member and open status, never every open ticket.
   */
  async openAssignedTo(assigneeIds: readonly string[]): Promise<Ticket[]> {
    const reads = [...new Set(assigneeIds)].flatMap((assigneeId) =>
      OPEN_TICKET_STATUSES.map((status) => ({
        scan: { index: OPEN_BY_ASSIGNEE_INDEX, equal: [false, assigneeId, status] },
        selector: { deleted: false, assigneeId, status },
      })),
    );
    if (reads.length === 0) return [];
    const tickets = (await this.readIndexRanges(reads)).flat();
    return tickets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

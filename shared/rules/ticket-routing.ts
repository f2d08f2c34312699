import type { Member, Ticket, TicketRoutingAgent, TicketRoutingValue } from '../domain/entities';
import type { TICKET_STATUSES } from '../domain/lists';
import { inboxItemKey, type InboxItem } from './inbox-items';
import { teamsOfMember } from './record-ownership';

/**
 * Skill-based ticket routing (issue 21, "Routing"): which agent gets a new unassigned ticket. The sync server
 * applies it once, in the transaction that first stores the ticket (sync/server/records/ticket-routing.ts), like
 * lead assignment; the settings card edits the agents.
 *
 * - An agent matches when each of their skill lists is empty (any) or holds the ticket's type, product and
 *   language; a ticket with no product or language asks nothing of that skill.
 * - Round robin: among the matching, active agents with room (fewer than `capacity` open tickets; 0 = no cap),
 *   ordered by member id, the first after the cursor (the agent the last routed ticket went to) gets it.
 * - No matching agent with room → the fallback queue: the fallback member, or the first active manager of the
 *   fallback team (by id); capacity does not apply there. No fallback → the ticket stays unassigned (null).
 */

/** The part of a `members` record (kind user) routing reads. */
export type RoutableMember = Pick<Member, 'id' | 'role' | 'teamId' | 'teamIds' | 'active'>;

export interface RoutingState {
  /** Users of the workspace (kind user; deleted ones left out). */
  members: readonly RoutableMember[];
  /** Open tickets per assignee id (absent: none). */
  openTicketCounts: ReadonlyMap<string, number>;
  /** The agent the round robin gave its last ticket to ('' = none yet). */
  cursor: string;
}

export interface TicketRoutingDecision {
  assigneeId: string;
  /** 'agent': a matching agent by round robin (the cursor moves); 'fallback': the fallback queue. */
  via: 'agent' | 'fallback';
}

/** Ticket statuses that count towards an agent's capacity. */
export const OPEN_TICKET_STATUSES: readonly (typeof TICKET_STATUSES)[number][] = [
  'new',
  'open',
  'pending',
];

/** Does the agent have the skills the ticket asks for? */
export function agentMatchesTicket(
  agent: Pick<TicketRoutingAgent, 'types' | 'products' | 'languages'>,
  ticket: Pick<Ticket, 'type' | 'product' | 'language'>,
): boolean {
  if (agent.types.length > 0 && !agent.types.includes(ticket.type)) return false;
  if (ticket.product !== '' && agent.products.length > 0) {
    const product = ticket.product.trim().toLowerCase();
    if (!agent.products.some((p) => p.trim().toLowerCase() === product)) return false;
  }
  if (
    ticket.language !== '' &&
    agent.languages.length > 0 &&
    !agent.languages.includes(ticket.language)
  )
    return false;
  return true;
}

/** The fallback queue's person: the member, or the team's first active manager (by id); '' when none. */
export function fallbackAssignee(
  fallback: TicketRoutingValue['fallback'],
  members: readonly RoutableMember[],
): string {
  if (fallback.kind === 'member') {
    const member = members.find((m) => m.id === fallback.memberId);
    return member?.active ? member.id : '';
  }
  if (fallback.kind === 'teamManager') {
    const managers = members
      .filter((m) => m.active && m.role === 'manager' && teamsOfMember(m).includes(fallback.teamId))
      .map((m) => m.id)
      .sort();
    return managers[0] ?? '';
  }
  return '';
}

/** The agent the routing gives `ticket`, or null when it stays unassigned (off, nobody matched, no fallback). */
export function routeTicket(
  ticket: Pick<Ticket, 'type' | 'product' | 'language'>,
  routing: TicketRoutingValue,
  state: RoutingState,
): TicketRoutingDecision | null {
  if (!routing.enabled) return null;
  const active = new Set(state.members.filter((m) => m.active).map((m) => m.id));
  const hasRoom = (agent: TicketRoutingAgent) =>
    agent.capacity === 0 || (state.openTicketCounts.get(agent.memberId) ?? 0) < agent.capacity;
  const candidates = routing.agents
    .filter((a) => active.has(a.memberId) && agentMatchesTicket(a, ticket) && hasRoom(a))
    .map((a) => a.memberId)
    .sort();
  if (candidates.length > 0) {
    // The first after the cursor (by id, so a cursor whose agent left still finds its place), cycling.
    const next = candidates.find((id) => id > state.cursor) ?? candidates[0];
    return { assigneeId: next, via: 'agent' };
  }
  const fallback = fallbackAssignee(routing.fallback, state.members);
  return fallback === '' ? null : { assigneeId: fallback, via: 'fallback' };
}

/** The state after a decision, so the next ticket of the same batch sees it (one more open ticket, cursor moved). */
export function afterRouting(state: RoutingState, decision: TicketRoutingDecision): RoutingState {
  const openTicketCounts = new Map(state.openTicketCounts);
  openTicketCounts.set(decision.assigneeId, (openTicketCounts.get(decision.assigneeId) ?? 0) + 1);
  return {
    members: state.members,
    openTicketCounts,
    cursor: decision.via === 'agent' ? decision.assigneeId : state.cursor,
  };
}

/** Would the server route this ticket? A live, unassigned, open ticket not routed before. */
export function wantsRouting(
  ticket: Pick<Ticket, 'assigneeId' | 'status' | 'routedAt' | 'deleted'>,
): boolean {
  return (
    !ticket.deleted &&
    ticket.assigneeId === '' &&
    ticket.routedAt === 0 &&
    OPEN_TICKET_STATUSES.includes(ticket.status)
  );
}

/** The fields the server's routing writes. */
export const ROUTING_FIELDS = ['assigneeId', 'teamId', 'routedAt'] as const;

/**
 * A laptop's copy of a ticket made before the server routed it (its `routedAt` is older than the stored one)
 * takes the routing from the stored ticket, so its unassigned state is not pushed back over the decision.
 */
export function withServerRouting<T extends Record<string, unknown>>(
  local: T,
  stored: Record<string, unknown>,
): T {
  const storedAt = typeof stored.routedAt === 'number' ? stored.routedAt : 0;
  const localAt = typeof local.routedAt === 'number' ? local.routedAt : 0;
  if (storedAt <= localAt) return local;
  const out: Record<string, unknown> = { ...local };
  for (const field of ROUTING_FIELDS) out[field] = stored[field];
  return out as T;
}

/** How long a routed ticket stays news in the inbox. */
export const ROUTING_INBOX_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * "Routed to you" inbox items (issue 21): the viewer's tickets the routing gave them within the window that are
 * still open, one per routing (the key names its time).
 */
export function routingInboxItems(
  viewerId: string,
  tickets: Iterable<
    Pick<Ticket, 'id' | 'number' | 'subject' | 'assigneeId' | 'routedAt' | 'status' | 'deleted'>
  >,
  now: number,
  windowMs = ROUTING_INBOX_WINDOW_MS,
): InboxItem[] {
  const items: InboxItem[] = [];
  for (const ticket of tickets) {
    if (ticket.deleted || ticket.assigneeId !== viewerId || ticket.routedAt === 0) continue;
    if (ticket.routedAt < now - windowMs || !OPEN_TICKET_STATUSES.includes(ticket.status)) continue;
    items.push({
      key: inboxItemKey('ticketRouted', 'tickets', ticket.id, ticket.routedAt),
      kind: 'assignment',
      rule: 'ticketRouted',
      recipientId: viewerId,
      recordCollection: 'tickets',
      recordId: ticket.id,
      recordTitle: ticket.number ? `${ticket.number} · ${ticket.subject}` : ticket.subject,
      dueAt: ticket.routedAt,
      params: {},
    });
  }
  return items.sort((a, b) => b.dueAt - a.dueAt);
}

import { describe, expect, it } from 'vitest';
import type { TicketRoutingAgent, TicketRoutingValue } from '../domain/entities';
import {
  afterRouting,
  agentMatchesTicket,
  routeTicket,
  routingInboxItems,
  wantsRouting,
  withServerRouting,
  type RoutableMember,
  type RoutingState,
} from './ticket-routing';

const member = (id: string, extra: Partial<RoutableMember> = {}): RoutableMember => ({
  id,
  role: 'rep',
  teamId: 'team-a',
  teamIds: ['team-a'],
  active: true,
  ...extra,
});
const agent = (memberId: string, extra: Partial<TicketRoutingAgent> = {}): TicketRoutingAgent => ({
  memberId,
  types: [],
  products: [],
  languages: [],
  capacity: 0,
  ...extra,
});
const members = [
  member('u-anna'),
  member('u-ben'),
  member('u-cai'),
  member('u-mgr', { role: 'manager' }),
  member('u-gone', { active: false }),
];
const state = (extra: Partial<RoutingState> = {}): RoutingState => ({
  members,
  openTicketCounts: new Map(),
  cursor: '',
  ...extra,
});
const routing = (extra: Partial<TicketRoutingValue> = {}): TicketRoutingValue => ({
  enabled: true,
  agents: [agent('u-anna'), agent('u-ben'), agent('u-cai')],
  fallback: { kind: 'none' },
  ...extra,
});
const ticket = { type: 'incident' as const, product: '', language: '' as const };

describe('agentMatchesTicket', () => {
  it('matches by type, product (case-insensitive) and language; empty lists handle any', () => {
    const billing = agent('a', { types: ['incident'], products: ['CRM Pro'], languages: ['en'] });
    expect(
      agentMatchesTicket(billing, { type: 'incident', product: 'crm pro', language: 'en' }),
    ).toBe(true);
    expect(
      agentMatchesTicket(billing, { type: 'question', product: 'CRM Pro', language: 'en' }),
    ).toBe(false);
    expect(agentMatchesTicket(billing, { type: 'incident', product: 'ERP', language: 'en' })).toBe(
      false,
    );
    expect(
      agentMatchesTicket(billing, { type: 'incident', product: 'CRM Pro', language: 'zh' }),
    ).toBe(false);
    // A ticket that names no product or language asks nothing of those skills.
    expect(agentMatchesTicket(billing, { type: 'incident', product: '', language: '' })).toBe(true);
    expect(
      agentMatchesTicket(agent('b'), { type: 'complaint', product: 'X', language: 'zh' }),
    ).toBe(true);
  });
});

describe('routeTicket', () => {
  it('does nothing when routing is off', () => {
    expect(routeTicket(ticket, routing({ enabled: false }), state())).toBeNull();
  });

  it('rotates among matching agents by id after the cursor, and wraps', () => {
    let s = state();
    const got: string[] = [];
    for (let i = 0; i < 4; i++) {
      const d = routeTicket(ticket, routing(), s);
      expect(d?.via).toBe('agent');
      got.push(d!.assigneeId);
      s = afterRouting(s, d!);
    }
    expect(got).toEqual(['u-anna', 'u-ben', 'u-cai', 'u-anna']);
    expect(s.openTicketCounts.get('u-anna')).toBe(2);
    expect(s.cursor).toBe('u-anna');
  });

  it('gives a ticket only to agents with the skill', () => {
    const r = routing({
      agents: [agent('u-anna', { languages: ['zh'] }), agent('u-ben', { languages: ['en'] })],
    });
    expect(routeTicket({ ...ticket, language: 'en' }, r, state())?.assigneeId).toBe('u-ben');
    // The cursor is past ben: the next English ticket still goes to ben, the only one who speaks it.
    expect(
      routeTicket({ ...ticket, language: 'en' }, r, state({ cursor: 'u-ben' }))?.assigneeId,
    ).toBe('u-ben');
    expect(routeTicket({ ...ticket, language: 'zh' }, r, state())?.assigneeId).toBe('u-anna');
  });

  it('skips agents at capacity and inactive agents', () => {
    const r = routing({
      agents: [agent('u-anna', { capacity: 2 }), agent('u-ben', { capacity: 1 }), agent('u-gone')],
    });
    const counts = new Map([
      ['u-anna', 2],
      ['u-ben', 0],
    ]);
    expect(routeTicket(ticket, r, state({ openTicketCounts: counts }))?.assigneeId).toBe('u-ben');
    const full = new Map([
      ['u-anna', 2],
      ['u-ben', 1],
    ]);
    expect(routeTicket(ticket, r, state({ openTicketCounts: full }))).toBeNull();
  });

  it('sends what no agent takes to the fallback queue (member, or a team manager), capacity aside', () => {
    const r = routing({ agents: [agent('u-anna', { types: ['question'] })] });
    expect(
      routeTicket(ticket, { ...r, fallback: { kind: 'member', memberId: 'u-cai' } }, state()),
    ).toEqual({ assigneeId: 'u-cai', via: 'fallback' });
    expect(
      routeTicket(ticket, { ...r, fallback: { kind: 'teamManager', teamId: 'team-a' } }, state()),
    ).toEqual({ assigneeId: 'u-mgr', via: 'fallback' });
    expect(
      routeTicket(ticket, { ...r, fallback: { kind: 'member', memberId: 'u-gone' } }, state()),
    ).toBeNull();
    expect(
      routeTicket(ticket, { ...r, fallback: { kind: 'teamManager', teamId: 'team-x' } }, state()),
    ).toBeNull();
    // The fallback does not move the round-robin cursor.
    const s = afterRouting(state({ cursor: 'u-ben' }), { assigneeId: 'u-cai', via: 'fallback' });
    expect(s.cursor).toBe('u-ben');
  });
});

describe('wantsRouting and withServerRouting', () => {
  it('routes live, unassigned, open, never-routed tickets only', () => {
    const t = { assigneeId: '', status: 'new' as const, routedAt: 0, deleted: false };
    expect(wantsRouting(t)).toBe(true);
    expect(wantsRouting({ ...t, assigneeId: 'u-anna' })).toBe(false);
    expect(wantsRouting({ ...t, status: 'resolved' })).toBe(false);
    expect(wantsRouting({ ...t, routedAt: 5 })).toBe(false);
    expect(wantsRouting({ ...t, deleted: true })).toBe(false);
  });
  it('a pre-routing local copy takes the server routing; a later local choice stays', () => {
    const stored = { assigneeId: 'u-ben', teamId: 'team-a', routedAt: 100, subject: 's' };
    expect(
      withServerRouting({ assigneeId: '', teamId: '', routedAt: 0, subject: 'mine' }, stored),
    ).toEqual({ assigneeId: 'u-ben', teamId: 'team-a', routedAt: 100, subject: 'mine' });
    const local = { assigneeId: 'u-cai', teamId: 'team-a', routedAt: 100 };
    expect(withServerRouting(local, stored)).toBe(local);
  });
});

describe('routingInboxItems', () => {
  it("lists the viewer's open routed tickets within the window", () => {
    const day = 24 * 60 * 60 * 1000;
    const now = 30 * day;
    const base = { number: 'T-1', subject: 'Down', deleted: false, status: 'new' as const };
    const items = routingInboxItems(
      'u-anna',
      [
        { ...base, id: 't1', assigneeId: 'u-anna', routedAt: now - day },
        { ...base, id: 't2', assigneeId: 'u-anna', routedAt: now - 20 * day },
        { ...base, id: 't3', assigneeId: 'u-ben', routedAt: now - day },
        { ...base, id: 't4', assigneeId: 'u-anna', routedAt: 0 },
        { ...base, id: 't5', assigneeId: 'u-anna', routedAt: now - day, status: 'resolved' },
      ],
      now,
    );
    expect(items.map((i) => i.recordId)).toEqual(['t1']);
    expect(items[0]).toMatchObject({
      rule: 'ticketRouted',
      recordTitle: 'T-1 · Down',
      kind: 'assignment',
    });
  });
});

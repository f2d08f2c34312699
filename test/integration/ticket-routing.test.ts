import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, SessionResponse, WireDoc } from '../../shared/sync';
import {
  TICKET_ROUTING_KEY,
  type Setting,
  type Ticket,
  type TicketRoutingValue,
} from '../../shared/domain';
import { buildTicket } from '../support/factories';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/**
 * Skill-based ticket routing (issue 21; sync/server/records/ticket-routing.ts): the server gives each new
 * unassigned ticket its agent once, in the transaction that stores it — by skill, round robin among agents with
 * room, fallback queue — whichever way it came (sockets pushing at once, REST, a laptop offline for a week, two
 * nodes on one PostgreSQL), and the round robin survives a restart.
 */
describe(`ticket routing by the server (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['tickets'] });
  let support: string;
  let agents: SessionResponse[];
  let manager: SessionResponse;

  beforeAll(async () => {
    support = await env.createTeam('客服');
    agents = [];
    for (const name of ['agent-1', 'agent-2', 'agent-3'])
      agents.push(await env.addUser('rep', support, name));
    manager = await env.addUser('manager', support, 'support-manager');
    // Users are made over REST: slow on a busy machine.
  }, 60_000);

  let saved: Setting | null = null;
  const saveRouting = async (value: TicketRoutingValue) => {
    const token = env.admin.accessToken;
    const res = saved
      ? await api<Setting>(
          env.server,
          'PATCH',
          `/api/records/settings/${saved.id}`,
          { value },
          token,
        )
      : await api<Setting>(
          env.server,
          'POST',
          '/api/records/settings',
          {
            id: `${env.admin.workspace.id}:${TICKET_ROUTING_KEY}`,
            teamId: '',
            kind: 'ticketRouting',
            key: TICKET_ROUTING_KEY,
            value,
          },
          token,
        );
    expect([200, 201]).toContain(res.status);
    saved = res.body;
  };
  const agentsAll = (capacity = 0): TicketRoutingValue => ({
    enabled: true,
    agents: agents.map((a) => ({
      memberId: a.user.id,
      types: [],
      products: [],
      languages: [],
      capacity,
    })),
    fallback: { kind: 'teamManager', teamId: support },
  });

  const unassigned = (by: SessionResponse, overrides: Partial<Ticket> = {}): WireDoc => {
    const now = Date.now();
    return {
      ...buildTicket(overrides),
      id: `ticket-${randomUUID()}`,
      workspaceId: by.workspace.id,
      teamId: by.user.teamIds[0] ?? '',
      ownerId: by.user.id,
      assigneeId: '',
      createdAt: now,
      updatedAt: now,
      createdBy: by.user.id,
      updatedBy: by.user.id,
      deleted: false,
    };
  };
  const pusher = async (session: SessionResponse, server: { url: string } = env.server) => {
    const client = await RawPusher.connect(server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  const readTicket = async (id: string): Promise<Ticket> => {
    const res = await api<Ticket>(
      env.server,
      'GET',
      `/api/records/tickets/${id}`,
      undefined,
      env.admin.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const assigneesOf = async (ids: readonly string[]) => {
    const tickets = await Promise.all(ids.map(readTicket));
    const counts = new Map<string, number>();
    for (const t of tickets) counts.set(t.assigneeId, (counts.get(t.assigneeId) ?? 0) + 1);
    return { tickets, counts };
  };
  const assigneeHistory = async (id: string) => {
    const res = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/tickets/${id}/history`,
      undefined,
      env.admin.accessToken,
    );
    return res.body.filter((line) => line.field === 'assigneeId');
  };
  const pushConcurrently = async (
    sockets: { socket: RawPusher; session: SessionResponse }[],
    total: number,
    overrides: Partial<Ticket> = {},
  ) => {
    const docs = Array.from({ length: total }, (_, i) => {
      const { socket, session } = sockets[i % sockets.length];
      return { socket, doc: unassigned(session, overrides) };
    });
    const replies = await Promise.all(docs.map(({ socket, doc }) => socket.push('tickets', [doc])));
    for (const reply of replies) expect(reply.rejected).toEqual([]);
    return { ids: docs.map(({ doc }) => doc.id), replies };
  };

  it('leaves unassigned tickets alone while routing is off (the default)', async () => {
    const socket = await pusher(agents[0]);
    const doc = unassigned(agents[0]);
    expect((await socket.push('tickets', [doc])).rejected).toEqual([]);
    expect(await readTicket(doc.id)).toMatchObject({ assigneeId: '', routedAt: 0 });
  });

  it('45 unassigned tickets pushed at once from several laptops are each routed once, balanced', async () => {
    await saveRouting(agentsAll());
    const sockets = await Promise.all(
      [...agents, manager, env.admin].map(async (session) => ({
        session,
        socket: await pusher(session),
      })),
    );
    const before = Date.now();
    const { ids, replies } = await pushConcurrently(sockets, 45);
    const { tickets, counts } = await assigneesOf(ids);
    for (const [i, reply] of replies.entries())
      expect(reply.conflicts).toMatchObject([{ id: ids[i], assigneeId: tickets[i].assigneeId }]);
    for (const t of tickets) expect(t.routedAt).toBeGreaterThanOrEqual(before);
    const per = agents.map((a) => counts.get(a.user.id) ?? 0);
    expect(per).toEqual([15, 15, 15]);
    for (const id of ids.slice(0, 5)) {
      const lines = await assigneeHistory(id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ kind: 'create' });
    }
  });

  it('routes by skill; capacity full → the fallback queue (the team manager)', async () => {
    // A new agent, holding no open tickets yet.
    const fresh = await env.addUser('rep', support, 'agent-en');
    await saveRouting({
      enabled: true,
      agents: [
        {
          memberId: fresh.user.id,
          types: ['complaint'],
          products: ['云盘'],
          languages: ['en'],
          capacity: 2,
        },
        {
          memberId: agents[1].user.id,
          types: ['question'],
          products: [],
          languages: [],
          capacity: 0,
        },
      ],
      fallback: { kind: 'teamManager', teamId: support },
    });
    const sockets = [{ session: agents[2], socket: await pusher(agents[2]) }];
    const { ids } = await pushConcurrently(sockets, 3, {
      type: 'complaint',
      product: '云盘',
      language: 'en',
    });
    const { tickets } = await assigneesOf(ids);
    expect(tickets.map((t) => t.assigneeId).sort()).toEqual(
      [fresh.user.id, fresh.user.id, manager.user.id].sort(),
    );
    const { ids: questions } = await pushConcurrently(sockets, 2, { type: 'question' });
    for (const t of (await assigneesOf(questions)).tickets)
      expect(t.assigneeId).toBe(agents[1].user.id);
  });

  it('a REST create without an assignee is routed; one with an assignee keeps it', async () => {
    await saveRouting(agentsAll());
    const res = await api<Ticket>(
      env.server,
      'POST',
      '/api/records/tickets',
      buildTicket(),
      manager.accessToken,
    );
    expect(res.status).toBe(201);
    const stored = await readTicket(res.body.id);
    expect(agents.map((a) => a.user.id)).toContain(stored.assigneeId);
    expect(stored.routedAt).toBeGreaterThan(0);
    const kept = await api<Ticket>(
      env.server,
      'POST',
      '/api/records/tickets',
      buildTicket({ assigneeId: manager.user.id }),
      manager.accessToken,
    );
    expect(await readTicket(kept.body.id)).toMatchObject({
      assigneeId: manager.user.id,
      routedAt: 0,
    });
  });

  it('the round-robin cursor survives a restart: the next ticket goes to the next agent', async () => {
    await saveRouting(agentsAll());
    const first = unassigned(manager);
    await (await pusher(manager)).push('tickets', [first]);
    const firstAgent = (await readTicket(first.id)).assigneeId;
    await env.restart();
    const second = unassigned(manager);
    await (await pusher(manager)).push('tickets', [second]);
    const ordered = agents.map((a) => a.user.id).sort();
    expect((await readTicket(second.id)).assigneeId).toBe(
      ordered[(ordered.indexOf(firstAgent) + 1) % ordered.length],
    );
  });

  it('a laptop offline for a week pushes its new ticket: it is routed once, and the laptop gets the agent', async () => {
    await saveRouting(agentsAll());
    const weekAgo = Date.now() - 7 * 24 * 3600_000;
    const laptop = await env.connect(manager, { start: false, now: () => weekAgo });
    const ticket = await laptop.repos.tickets.create(buildTicket({ subject: '出差工单' }));
    expect(ticket.assigneeId).toBe('');
    await laptop.engine.start();
    await eventually(async () => {
      const held = await laptop.repos.tickets.get(ticket.id);
      expect(agents.map((a) => a.user.id)).toContain(held?.assigneeId);
      expect(held?.routedAt).toBeGreaterThan(weekAgo);
    });
    expect(await assigneeHistory(ticket.id)).toHaveLength(1);
  });

  it.runIf(usePostgres)(
    'two nodes on one PostgreSQL: 30 tickets pushed through both are each routed once, balanced',
    async () => {
      await saveRouting(agentsAll());
      const other = await env.startNode();
      const sockets = await Promise.all(
        [...agents, ...agents].map(async (session, i) => ({
          session,
          socket: await pusher(session, i % 2 ? other : env.server),
        })),
      );
      const { ids } = await pushConcurrently(sockets, 30);
      const { counts } = await assigneesOf(ids);
      expect(agents.map((a) => counts.get(a.user.id) ?? 0)).toEqual([10, 10, 10]);
      for (const id of ids.slice(0, 5)) expect(await assigneeHistory(id)).toHaveLength(1);
    },
  );
});

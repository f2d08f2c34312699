import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CAPTURE_LEADS_PATH,
  encodeStamp,
  type CaptureLeadResponse,
  type CreatedCaptureKey,
  type HistoryEntry,
  type SessionResponse,
  type WireDoc,
} from '../../shared/sync';
import {
  LEAD_ASSIGNMENT_KEY,
  type Lead,
  type LeadAssignmentValue,
  type Setting,
} from '../../shared/domain';
import { buildLead } from '../support/factories';
import { api, engineName, eventually, usePostgres, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/**
 * Automatic lead assignment (issue 19; sync/server/records/lead-assignment.ts): the server gives each new unowned
 * lead its owner once, in the transaction that stores it, by the workspace's rules — round robin within a team,
 * capped by open leads, with a fallback owner — whichever way the lead came, also with two nodes on one
 * PostgreSQL and across a restart. Leads are pushed over bare sockets and REST, so the server alone decides.
 */
describe(`lead assignment by the server (${engineName})`, { timeout: 120_000 }, () => {
  // The periodic catch-up sweep is off: due leads are swept at start-up and by `sweepNow` only.
  const env = useTestServer({ collections: ['leads'], config: { leadAssignmentSweepMs: 0 } });
  let north: string;
  let northReps: SessionResponse[];
  let east: string;
  let eastReps: SessionResponse[];
  let fallback: SessionResponse;

  beforeAll(async () => {
    north = await env.createTeam('华北销售');
    east = await env.createTeam('华东销售');
    const hq = await env.createTeam('总部');
    northReps = [];
    for (const name of ['north-1', 'north-2', 'north-3'])
      northReps.push(await env.addUser('rep', north, name));
    eastReps = [];
    for (const name of ['east-1', 'east-2']) eastReps.push(await env.addUser('rep', east, name));
    fallback = await env.addUser('manager', hq, 'fallback');
  });

  /** Saves the workspace's assignment rules as the admin (REST create, then changes). */
  let saved: Setting | null = null;
  const saveRules = async (value: LeadAssignmentValue) => {
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
            id: `${env.admin.workspace.id}:${LEAD_ASSIGNMENT_KEY}`,
            teamId: '',
            kind: 'leadAssignment',
            key: LEAD_ASSIGNMENT_KEY,
            value,
          },
          token,
        );
    expect([200, 201]).toContain(res.status);
    saved = res.body;
  };
  const roundRobin = (ruleId: string, teamId: string, region: Lead['region']) => ({
    id: ruleId,
    name: '',
    regions: region ? [region] : [],
    industries: [],
    target: { kind: 'team' as const, teamId },
  });

  /** A new unowned lead as a rep's laptop pushes it, in the rep's team. */
  const unownedLead = (by: SessionResponse, overrides: Partial<Lead> = {}): WireDoc => {
    const now = Date.now();
    return {
      ...buildLead(overrides),
      id: `lead-${randomUUID()}`,
      workspaceId: by.workspace.id,
      teamId: by.user.teamIds[0],
      ownerId: '',
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
  const readLead = async (id: string): Promise<Lead> => {
    const res = await api<Lead>(
      env.server,
      'GET',
      `/api/records/leads/${id}`,
      undefined,
      env.admin.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const ownersOf = async (ids: readonly string[]) => {
    const leads = await Promise.all(ids.map(readLead));
    const counts = new Map<string, number>();
    for (const lead of leads) counts.set(lead.ownerId, (counts.get(lead.ownerId) ?? 0) + 1);
    return { leads, counts };
  };
  const ownerHistory = async (id: string) => {
    const res = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/leads/${id}/history`,
      undefined,
      env.admin.accessToken,
    );
    return res.body.filter((line) => line.field === 'ownerId');
  };
  /** Pushes `total` unowned leads concurrently, one per message, from the given sockets in turn. */
  const pushConcurrently = async (
    sockets: { socket: RawPusher; session: SessionResponse }[],
    total: number,
    overrides: Partial<Lead>,
  ) => {
    const docs = Array.from({ length: total }, (_, i) => {
      const { socket, session } = sockets[i % sockets.length];
      return { socket, doc: unownedLead(session, overrides) };
    });
    const replies = await Promise.all(docs.map(({ socket, doc }) => socket.push('leads', [doc])));
    for (const reply of replies) expect(reply.rejected).toEqual([]);
    return { ids: docs.map(({ doc }) => doc.id), replies };
  };

  it('leaves unowned leads alone while assignment is off (the default)', async () => {
    const rep = await pusher(northReps[0]);
    const doc = unownedLead(northReps[0], { region: 'beijing' });
    const reply = await rep.push('leads', [doc]);
    expect(reply.rejected).toEqual([]);
    expect(await readLead(doc.id)).toMatchObject({ ownerId: '', assignedAt: 0, teamId: north });
  });

  it('50 unowned leads pushed at once from several laptops are each assigned once, round robin balanced', async () => {
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-rr', north, 'beijing')],
      capacity: 0,
      fallbackOwnerId: fallback.user.id,
    });
    const sockets = await Promise.all(
      [...northReps, eastReps[0], env.admin].map(async (session) => ({
        session,
        socket: await pusher(session),
      })),
    );
    const before = Date.now();
    const { ids, replies } = await pushConcurrently(sockets, 50, { region: 'beijing' });

    // Each pusher who may read North is answered with the stored lead, its owner included; East's rep, who may
    // not, with a tombstone of what they sent (their laptop lets the lead go, lead-assignment-scope.test.ts).
    const { leads, counts } = await ownersOf(ids);
    for (const [i, reply] of replies.entries())
      expect(reply.conflicts).toMatchObject([
        sockets[i % sockets.length].session === eastReps[0]
          ? { id: ids[i], ownerId: '', _deleted: true }
          : { id: ids[i], ownerId: leads[i].ownerId, _deleted: false },
      ]);
    const northIds = northReps.map((r) => r.user.id);
    for (const lead of leads) {
      expect(northIds).toContain(lead.ownerId);
      expect(lead.teamId).toBe(north);
      expect(lead.assignedAt).toBeGreaterThanOrEqual(before);
    }
    const perRep = northIds.map((id) => counts.get(id) ?? 0);
    expect(perRep.reduce((a, b) => a + b)).toBe(50);
    expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
    // Once: the owner was written by the create alone (one history line: '' → the rep, by the rules' clock).
    for (const id of ids.slice(0, 5)) {
      const lines = await ownerHistory(id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ kind: 'create' });
    }
  });

  const northRoundRobin = () =>
    saveRules({
      enabled: true,
      rules: [roundRobin('north-rr', north, 'beijing')],
      capacity: 0,
      fallbackOwnerId: fallback.user.id,
    });

  /** A capture key without a default owner (its leads arrive unowned), made by the admin. */
  const unownedCaptureKey = async (name: string) => {
    const created = await api<CreatedCaptureKey>(
      env.server,
      'POST',
      '/api/capture-keys',
      { name },
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    return created.body.key;
  };
  /** Posts `total` web-form leads at once to the capture endpoint, spread over the given nodes. */
  const captureConcurrently = async (
    key: string,
    total: number,
    region: Lead['region'],
    nodes: { url: string }[],
  ) => {
    const answers = await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const response = await fetch(nodes[i % nodes.length].url + CAPTURE_LEADS_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ name: `表单访客${i}`, company: `并发公司${i}`, region }),
        });
        return { status: response.status, body: (await response.json()) as CaptureLeadResponse };
      }),
    );
    for (const answer of answers) expect(answer.status).toBe(201);
    return answers.map((answer) => answer.body.id);
  };

  it('50 leads posted at once to the capture endpoint are each assigned once, round robin balanced', async () => {
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-capture', north, 'hebei')],
      capacity: 0,
      fallbackOwnerId: fallback.user.id,
    });
    const key = await unownedCaptureKey('官网表单-并发');
    const before = Date.now();
    const ids = await captureConcurrently(key, 50, 'hebei', [env.server]);
    expect(new Set(ids).size).toBe(50);
    const { leads, counts } = await ownersOf(ids);
    const northIds = northReps.map((r) => r.user.id);
    for (const lead of leads) {
      expect(northIds).toContain(lead.ownerId);
      expect(lead.teamId).toBe(north);
      expect(lead.assignedAt).toBeGreaterThanOrEqual(before);
      expect(lead.captureSource).toBe('官网表单-并发');
    }
    const perRep = northIds.map((id) => counts.get(id) ?? 0);
    expect(perRep.reduce((a, b) => a + b)).toBe(50);
    expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
    for (const id of ids.slice(0, 5)) expect(await ownerHistory(id)).toHaveLength(1);
  });

  it('a lead pushed again (a laptop that missed the reply) is not assigned again', async () => {
    await northRoundRobin();
    const rep = await pusher(northReps[1]);
    const doc = unownedLead(northReps[1], { region: 'beijing' });
    // Stamped when it was typed, as a laptop stamps its edits (and stamps again when it pushes again).
    const stamp = encodeStamp({ wall: doc.updatedAt as number, counter: 0, node: 'laptop' });
    const row = {
      assumedMasterState: null,
      newDocumentState: doc,
      stamps: Object.fromEntries(Object.keys(doc).map((field) => [field, stamp])),
    };
    await rep.pushRows('leads', [row]);
    const first = await readLead(doc.id);
    expect(first.ownerId).not.toBe('');
    // The same new-record push again: the rules' owner is later than the laptop's edit and stays.
    const again = await rep.pushRows('leads', [row]);
    expect(again.rejected).toEqual([]);
    const second = await readLead(doc.id);
    expect(second).toMatchObject({ ownerId: first.ownerId, assignedAt: first.assignedAt });
    // History: the create's owner line, and the laptop's unowned value that lost to the rules (kept in history).
    const lines = await ownerHistory(doc.id);
    expect(lines.map((l) => [l.kind, l.newValue])).toEqual([
      ['merge', first.ownerId],
      ['create', first.ownerId],
    ]);
  });

  it('a REST create without an owner is assigned; one with an owner keeps it', async () => {
    await northRoundRobin();
    const unowned = await api<Lead>(
      env.server,
      'POST',
      '/api/records/leads',
      { ...buildLead({ region: 'beijing' }), ownerId: '' },
      northReps[2].accessToken,
    );
    expect(unowned.status).toBe(201);
    const stored = await readLead(unowned.body.id);
    expect(northReps.map((r) => r.user.id)).toContain(stored.ownerId);
    expect(stored.assignedAt).toBeGreaterThan(0);

    const owned = await api<Lead>(
      env.server,
      'POST',
      '/api/records/leads',
      buildLead({ region: 'beijing' }),
      northReps[2].accessToken,
    );
    expect(await readLead(owned.body.id)).toMatchObject({
      ownerId: northReps[2].user.id,
      assignedAt: 0,
    });
  });

  it('capacity: nobody gets more open leads than the cap; the rest go to the fallback owner', async () => {
    await saveRules({
      enabled: true,
      rules: [roundRobin('east-rr', east, 'shanghai')],
      capacity: 3,
      fallbackOwnerId: fallback.user.id,
    });
    const sockets = await Promise.all(
      northReps.map(async (session) => ({ session, socket: await pusher(session) })),
    );
    const { ids } = await pushConcurrently(sockets, 10, { region: 'shanghai' });
    const { counts } = await ownersOf(ids);
    expect(counts.get(eastReps[0].user.id)).toBe(3);
    expect(counts.get(eastReps[1].user.id)).toBe(3);
    expect(counts.get(fallback.user.id)).toBe(4);
    // A lead that matches no rule goes to the fallback owner too.
    const { ids: other } = await pushConcurrently(sockets, 1, { region: 'guangdong' });
    expect((await readLead(other[0])).ownerId).toBe(fallback.user.id);
  });

  it('round-robin cursors survive a restart: the next lead goes to the next rep', async () => {
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-restart', north, '')],
      capacity: 0,
      fallbackOwnerId: '',
    });
    const before = await pusher(northReps[0]);
    const first = unownedLead(northReps[0]);
    await before.push('leads', [first]);
    const firstOwner = (await readLead(first.id)).ownerId;

    await env.restart();
    const after = await pusher(northReps[0]);
    const second = unownedLead(northReps[0]);
    await after.push('leads', [second]);
    const ordered = northReps.map((r) => r.user.id).sort();
    const expected = ordered[(ordered.indexOf(firstOwner) + 1) % ordered.length];
    expect((await readLead(second.id)).ownerId).toBe(expected);
  });

  it('a laptop offline for a week pushes its unowned lead: the rules assign it, and the laptop gets the owner', async () => {
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-week', north, '')],
      capacity: 0,
      fallbackOwnerId: '',
    });
    const weekAgo = Date.now() - 7 * 24 * 3600_000;
    const laptop = await env.connect(northReps[0], { start: false, now: () => weekAgo });
    const lead = await laptop.repos.leads.create({
      ...buildLead({ name: '出差线索' }),
      ownerId: '',
    });
    expect(lead.ownerId).toBe('');
    await laptop.engine.start();
    await eventually(async () => {
      const held = await laptop.repos.leads.get(lead.id);
      expect(northReps.map((r) => r.user.id)).toContain(held?.ownerId);
      expect(held?.assignedAt).toBeGreaterThan(weekAgo);
    });
  });

  it.runIf(usePostgres)(
    'two nodes on one PostgreSQL: 40 leads pushed through both are each assigned once, balanced',
    async () => {
      await saveRules({
        enabled: true,
        rules: [roundRobin('north-two-nodes', north, 'tianjin')],
        capacity: 0,
        fallbackOwnerId: '',
      });
      const other = await env.startNode();
      const sockets = await Promise.all(
        [...northReps, ...northReps].map(async (session, i) => ({
          session,
          socket: await pusher(session, i % 2 ? other : env.server),
        })),
      );
      const { ids } = await pushConcurrently(sockets, 40, { region: 'tianjin' });
      const { counts } = await ownersOf(ids);
      const perRep = northReps.map((r) => counts.get(r.user.id) ?? 0);
      expect(perRep.reduce((a, b) => a + b)).toBe(40);
      expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
      for (const id of ids.slice(0, 5)) expect(await ownerHistory(id)).toHaveLength(1);
    },
  );

  it.runIf(usePostgres)(
    'two nodes on one PostgreSQL: 50 leads posted to the capture endpoint of both are each assigned once, balanced',
    async () => {
      await saveRules({
        enabled: true,
        rules: [roundRobin('north-capture-two-nodes', north, 'shanxi')],
        capacity: 0,
        fallbackOwnerId: '',
      });
      const other = await env.startNode();
      const key = await unownedCaptureKey('广告平台-两节点');
      const ids = await captureConcurrently(key, 50, 'shanxi', [env.server, other]);
      const { counts } = await ownersOf(ids);
      const perRep = northReps.map((r) => counts.get(r.user.id) ?? 0);
      expect(perRep.reduce((a, b) => a + b)).toBe(50);
      expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
      for (const id of ids.slice(0, 5)) expect(await ownerHistory(id)).toHaveLength(1);
    },
  );
  /** Leads the rules had nobody for when they arrived (a rule for an empty region, no fallback): left unowned, due. */
  const pushUnplaceable = async (count: number, region: Lead['region']) => {
    await saveRules({ enabled: true, rules: [], capacity: 0, fallbackOwnerId: '' });
    const rep = await pusher(northReps[0]);
    const docs = Array.from({ length: count }, () => unownedLead(northReps[0], { region }));
    const reply = await rep.push('leads', docs);
    expect(reply.rejected).toEqual([]);
    for (const doc of docs)
      expect(await readLead(doc.id)).toMatchObject({ ownerId: '', assignedAt: 0 });
    const due = await env.server.sql.query<{ lead_id: string }>(
      'SELECT lead_id FROM lead_assignment_due WHERE lead_id = ANY($1::text[])',
      [docs.map((d) => d.id)],
    );
    expect(due).toHaveLength(count);
    return docs.map((d) => d.id);
  };
  const stillDue = async (ids: readonly string[]) =>
    env.server.sql.query(
      'SELECT lead_id FROM lead_assignment_due WHERE lead_id = ANY($1::text[])',
      [ids],
    );

  it('a lead the rules could not place on arrival is assigned by the start-up sweep after a restart, once', async () => {
    const [id] = await pushUnplaceable(1, 'guangdong');
    // The rules gain someone for it; nothing is assigned until a sweep (the periodic one is off here).
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-catch-up', north, 'guangdong')],
      capacity: 0,
      fallbackOwnerId: '',
    });
    expect(await readLead(id)).toMatchObject({ ownerId: '', assignedAt: 0 });

    await env.restart();
    const northIds = northReps.map((r) => r.user.id);
    await eventually(async () => expect(northIds).toContain((await readLead(id)).ownerId));
    const lead = await readLead(id);
    expect(lead.teamId).toBe(north);
    expect(lead.assignedAt).toBeGreaterThan(0);
    expect(await stillDue([id])).toEqual([]);
    // Once: another sweep finds nothing due; history has the create (unowned) and one assignment line.
    expect(await env.server.leadAssignment.sweepNow()).toBe(0);
    expect(await readLead(id)).toMatchObject({
      ownerId: lead.ownerId,
      assignedAt: lead.assignedAt,
    });
    const lines = await ownerHistory(id);
    expect(lines.map((l) => [l.oldValue, l.newValue])).toEqual([
      ['', lead.ownerId],
      [null, ''],
    ]);
  });

  it("a sweep's assignment reaches the assigned rep's laptop live, with its assignedAt", async () => {
    const [id] = await pushUnplaceable(1, 'yunnan');
    const rep = northReps[2];
    const laptop = await env.connect(rep, { synced: true });
    expect(await laptop.repos.leads.get(id)).toMatchObject({ ownerId: '' });
    await saveRules({
      enabled: true,
      rules: [
        {
          id: 'yunnan-to-one',
          name: '',
          regions: ['yunnan'],
          industries: [],
          target: { kind: 'member', memberId: rep.user.id },
        },
      ],
      capacity: 0,
      fallbackOwnerId: '',
    });
    expect(await env.server.leadAssignment.sweepNow()).toBe(1);
    await eventually(async () => {
      const lead = await laptop.repos.leads.get(id);
      expect(lead?.ownerId).toBe(rep.user.id);
      expect(lead?.assignedAt).toBeGreaterThan(0);
    });
  });

  it('a due lead that was given an owner meanwhile is left alone and loses its mark', async () => {
    const [id] = await pushUnplaceable(1, 'guangxi');
    const taken = await api<Lead>(
      env.server,
      'PATCH',
      `/api/records/leads/${id}`,
      { ownerId: northReps[1].user.id },
      env.admin.accessToken,
    );
    expect(taken.status).toBe(200);
    await saveRules({
      enabled: true,
      rules: [roundRobin('north-guangxi', north, 'guangxi')],
      capacity: 0,
      fallbackOwnerId: '',
    });
    expect(await env.server.leadAssignment.sweepNow()).toBe(0);
    expect(await readLead(id)).toMatchObject({ ownerId: northReps[1].user.id, assignedAt: 0 });
    expect(await stillDue([id])).toEqual([]);
  });

  it.runIf(usePostgres)(
    'two nodes sweeping the same due leads at once assign each exactly once, round robin balanced',
    async () => {
      const ids = await pushUnplaceable(12, 'hainan');
      await saveRules({
        enabled: true,
        rules: [roundRobin('north-hainan', north, 'hainan')],
        capacity: 0,
        fallbackOwnerId: '',
      });
      // The new node sweeps at start-up while this one sweeps by hand.
      const [, swept] = await Promise.all([env.startNode(), env.server.leadAssignment.sweepNow()]);
      expect(swept).toBeLessThanOrEqual(12);
      await eventually(async () => expect(await stillDue(ids)).toEqual([]));
      const { counts } = await ownersOf(ids);
      const perRep = northReps.map((r) => counts.get(r.user.id) ?? 0);
      expect(perRep.reduce((a, b) => a + b)).toBe(12);
      expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
      // The create's unowned line and one assignment line each.
      for (const id of ids) expect(await ownerHistory(id)).toHaveLength(2);
    },
  );
});

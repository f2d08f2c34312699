import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal, FieldPolicyValue } from '../../shared/domain';
import type { HistoryEntry, ServerMessage, SessionResponse } from '../../shared/sync';
import { buildDeal } from '../support/factories';
import { api, engineName, eventually, useTestServer, type TestClient } from './support/harness';

type StoredDeal = Deal & { id: string };

/** Deal amounts (and the lines they total) for managers and the deal's own team only. */
const AMOUNTS_FOR_OWN_TEAM: FieldPolicyValue = {
  rules: [{ collection: 'deals', field: 'amount', roles: ['manager'], ownTeam: true }],
};
/** An amount no other value in these tests equals: whatever text carries it has leaked it. */
const SECRET = 987_654;

/**
 * Field-level restrictions enforced in replication (issue 14 "Permissions"): with a policy hiding deal amounts
 * from other teams' reps, a rep who can read a workspace-wide deal gets it without its amount — over pull,
 * direct changes and REST — and their writes never change it; a manager above the team sees it; a policy
 * change reaches open replicas at once.
 */
describe(`field-level restrictions (${engineName})`, { timeout: 90_000 }, () => {
  const env = useTestServer({ collections: ['deals'] });
  let north: string;
  let south: string;
  let manager: SessionResponse;
  let repNorth: SessionResponse;
  let repSouth: SessionResponse;
  let policyId: string;

  const setPolicy = async (value: FieldPolicyValue) => {
    const res = await api<{ id: string }>(
      env.server,
      'PATCH',
      `/api/records/settings/${policyId}`,
      { value },
      env.admin.accessToken,
    );
    expect(res.status).toBe(200);
  };
  const get = async (session: SessionResponse, id: string) => {
    const res = await api<StoredDeal>(
      env.server,
      'GET',
      `/api/records/deals/${id}`,
      undefined,
      session.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A deal of the whole workspace ('' team, the admin's), which every rep reads. */
  const workspaceDeal = async (name: string) => {
    const res = await api<StoredDeal>(
      env.server,
      'POST',
      '/api/records/deals',
      buildDeal({
        name,
        teamId: '',
        ownerId: env.admin.user.id,
        lineItems: [
          { id: 'l1', product: '冷链监控平台', quantity: 1, unitPrice: SECRET, discount: 0 },
        ],
        amount: SECRET,
      }),
      env.admin.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body;
  };
  const replicaDeal = async (client: TestClient, id: string) =>
    (await client.db.deals.findOne(id).exec())?.toJSON() as StoredDeal | undefined;
  const messagesOf = (client: TestClient) => {
    const seen: ServerMessage[] = [];
    client.engine.connection.messages$.subscribe((m) => seen.push(m));
    return seen;
  };

  beforeAll(async () => {
    const company = await env.createTeam('总部');
    north = await env.createTeam('华北', company);
    south = await env.createTeam('华南', company);
    manager = await env.addUser('manager', company, 'mgr-company');
    repNorth = await env.addUser('rep', north, 'rep-north');
    repSouth = await env.addUser('rep', south, 'rep-south');
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/settings',
      { teamId: '', kind: 'fieldPolicy', key: 'fieldPolicy', value: AMOUNTS_FOR_OWN_TEAM },
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    policyId = created.body.id;
  });

  it("pulls and REST reads leave out another team's amount; the own team and a manager above see it", async () => {
    const shared = await workspaceDeal('全员可见的冷链项目');
    const northRes = await api<StoredDeal>(
      env.server,
      'POST',
      '/api/records/deals',
      buildDeal({ name: '华北本队项目', teamId: north, amount: SECRET }),
      repNorth.accessToken,
    );
    expect(northRes.status).toBe(201);
    expect(northRes.body.amount).toBe(SECRET);

    const southLaptop = await env.connect(repSouth, { synced: true });
    const managerLaptop = await env.connect(manager, { synced: true });
    const hidden = await replicaDeal(southLaptop, shared.id);
    expect(hidden?.name).toBe('全员可见的冷链项目');
    expect(hidden?.amount).toBe(0);
    expect(hidden?.lineItems).toEqual([]);
    expect((await replicaDeal(managerLaptop, shared.id))?.amount).toBe(SECRET);
    expect((await replicaDeal(managerLaptop, northRes.body.id))?.amount).toBe(SECRET);

    // REST: the record, the list and the history.
    expect((await get(repSouth, shared.id)).amount).toBe(0);
    expect((await get(manager, shared.id)).amount).toBe(SECRET);
    const list = await api<{ documents: StoredDeal[] }>(
      env.server,
      'GET',
      '/api/records/deals?since=0&limit=1000',
      undefined,
      repSouth.accessToken,
    );
    expect(list.body.documents.find((d) => d.id === shared.id)?.amount).toBe(0);
    expect(JSON.stringify(list.body)).not.toContain(String(SECRET));
    const history = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/deals/${shared.id}/history`,
      undefined,
      repSouth.accessToken,
    );
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain(String(SECRET));
  });

  it('sends direct changes masked for the rep and whole for the manager', async () => {
    const southLaptop = await env.connect(repSouth, { synced: true });
    const managerLaptop = await env.connect(manager, { synced: true });
    const adminLaptop = await env.connect(env.admin, { synced: true });
    const southMessages = messagesOf(southLaptop);
    const created = await adminLaptop.repos.deals.create(
      buildDeal({
        name: '直推的保密项目',
        teamId: '',
        amount: SECRET,
        lineItems: [{ id: 'l1', product: '温控设备', quantity: 1, unitPrice: SECRET, discount: 0 }],
      }),
    );
    await eventually(async () =>
      expect((await replicaDeal(managerLaptop, created.id))?.amount).toBe(SECRET),
    );
    await eventually(async () =>
      expect((await replicaDeal(southLaptop, created.id))?.name).toBe('直推的保密项目'),
    );
    expect((await replicaDeal(southLaptop, created.id))?.amount).toBe(0);
    const direct = southMessages.filter((m) => m.type === 'changes');
    expect(direct.flatMap((m) => m.documents.map((d) => d.id))).toContain(created.id);
    expect(direct.every((m) => typeof m.checkpoint.masking === 'string')).toBe(true);
    expect(JSON.stringify(southMessages)).not.toContain(String(SECRET));
  });

  it("never lets the rep's writes change the amount: their masked copy is kept out, a crafted value refused", async () => {
    const shared = await workspaceDeal('不可改金额的项目');
    const southLaptop = await env.connect(repSouth, { synced: true });
    const southMessages = messagesOf(southLaptop);
    // An ordinary edit of another field from the masked replica: stored, the amount kept.
    await southLaptop.repos.deals.update(shared.id, { notes: '客户要求下周演示' });
    await eventually(async () =>
      expect((await get(env.admin, shared.id)).notes).toBe('客户要求下周演示'),
    );
    expect((await get(env.admin, shared.id)).amount).toBe(SECRET);
    // A crafted value in the hidden field, pushed from the replica: the row is refused, naming the field.
    const doc = await southLaptop.db.deals.findOne(shared.id).exec();
    await doc!.incrementalPatch({ amount: 1, competitor: '某竞品' });
    await eventually(() =>
      expect(southLaptop.rejections.map((r) => r.reason)).toContain('sync.rejected.hiddenField'),
    );
    const rejection = southLaptop.rejections.find((r) => r.id === shared.id)!;
    expect(rejection.issues?.map((i) => i.path)).toEqual(['amount']);
    // The replica goes back to the server's state, as the rep may see it.
    await eventually(async () =>
      expect((await replicaDeal(southLaptop, shared.id))?.competitor).toBe(''),
    );
    expect((await replicaDeal(southLaptop, shared.id))?.amount).toBe(0);
    // And over REST.
    const patched = await api<{ error: { code: string } }>(
      env.server,
      'PATCH',
      `/api/records/deals/${shared.id}`,
      { amount: 2, lineItems: [] },
      repSouth.accessToken,
    );
    expect(patched.status).toBe(403);
    expect(patched.body.error.code).toBe('sync.rejected.hiddenField');

    const stored = await get(env.admin, shared.id);
    expect(stored.amount).toBe(SECRET);
    expect(stored.lineItems).toHaveLength(1);
    expect(stored.notes).toBe('客户要求下周演示');
    expect(JSON.stringify(southMessages)).not.toContain(String(SECRET));
  });

  it('a policy change reaches an open replica at once: values it may now see arrive, and leave again', async () => {
    const shared = await workspaceDeal('策略切换的项目');
    const southLaptop = await env.connect(repSouth, { synced: true });
    expect((await replicaDeal(southLaptop, shared.id))?.amount).toBe(0);
    try {
      await setPolicy({ rules: [] });
      await eventually(async () =>
        expect((await replicaDeal(southLaptop, shared.id))?.amount).toBe(SECRET),
      );
      expect((await replicaDeal(southLaptop, shared.id))?.lineItems).toHaveLength(1);
    } finally {
      await setPolicy(AMOUNTS_FOR_OWN_TEAM);
    }
    await eventually(async () =>
      expect((await replicaDeal(southLaptop, shared.id))?.amount).toBe(0),
    );
    expect((await replicaDeal(southLaptop, shared.id))?.lineItems).toEqual([]);
  });

  it('refuses a field policy that names a field which cannot be restricted, naming it', async () => {
    const res = await api<{ error: { issues?: { path: string }[] } }>(
      env.server,
      'PATCH',
      `/api/records/settings/${policyId}`,
      { value: { rules: [{ collection: 'deals', field: 'name', roles: [], ownTeam: true }] } },
      env.admin.accessToken,
    );
    expect(res.status).toBe(422);
    expect(res.body.error.issues?.map((i) => i.path)).toContain('value.rules.0.field');
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { RejectReason, type SessionResponse, type WireDoc } from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/**
 * Owner and team (issue 14, items 1 and 6; shared/rules/record-ownership.ts): a record's team follows its owner,
 * so nobody owns what they cannot see; only an admin puts a record in no team; a rep hands records only to
 * people inside their scope. Pushed over a bare socket and written over REST, so the server alone decides.
 */
describe(`who owns a record, and its team (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  const pusher = async (session: SessionResponse) => {
    const client = await RawPusher.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  /** A new account as it crosses the wire, written by `by`. */
  const accountDoc = (
    by: SessionResponse,
    meta: { teamId: string; ownerId: string },
    name: string,
  ): WireDoc => {
    const now = Date.now();
    return {
      ...buildAccount({ name }),
      id: `acc-${randomUUID()}`,
      workspaceId: by.workspace.id,
      ...meta,
      createdAt: now,
      updatedAt: now,
      createdBy: by.user.id,
      updatedBy: by.user.id,
      deleted: false,
    };
  };
  const read = (session: SessionResponse, id: string) =>
    api<Account>(env.server, 'GET', `/api/records/accounts/${id}`, undefined, session.accessToken);

  it("an admin's account owned by a South rep goes to South over the socket: the rep's replica has it", async () => {
    const south = await env.createTeam('华南负责人');
    const southRep = await env.addUser('rep', south, 'south-owner');
    const adminTeam = env.admin.user.teamIds[0];
    const admin = await pusher(env.admin);

    const doc = accountDoc(
      env.admin,
      { teamId: adminTeam, ownerId: southRep.user.id },
      '广州负责人客户有限公司',
    );
    const reply = await admin.push('accounts', [doc]);
    expect(reply.rejected).toEqual([]);
    // The admin is answered with the team the record really went to.
    expect(reply.conflicts).toMatchObject([{ id: doc.id, teamId: south }]);

    const laptop = await env.connect(southRep, { synced: true });
    await eventually(async () =>
      expect(await laptop.repos.accounts.get(doc.id)).toMatchObject({
        teamId: south,
        ownerId: southRep.user.id,
      }),
    );
    expect((await read(southRep, doc.id)).status).toBe(200);
  });

  it('an admin reassigning an account over REST moves it to the new owner, who can read it', async () => {
    const south = await env.createTeam('华南改派');
    const southRep = await env.addUser('rep', south, 'south-reassigned');

    const created = await api<Account>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name: '深圳改派客户有限公司' }),
      env.admin.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body.teamId).toBe(env.admin.user.teamIds[0]);
    expect((await read(southRep, created.body.id)).status).toBe(404);

    const changed = await api<Account>(
      env.server,
      'PATCH',
      `/api/records/accounts/${created.body.id}`,
      { ownerId: southRep.user.id },
      env.admin.accessToken,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ownerId: southRep.user.id, teamId: south });
    expect((await read(southRep, created.body.id)).body).toMatchObject({ teamId: south });

    const direct = await api<Account>(
      env.server,
      'POST',
      '/api/records/accounts',
      { ...buildAccount({ name: '珠海直接指派客户有限公司' }), ownerId: southRep.user.id },
      env.admin.accessToken,
    );
    expect(direct.body.teamId).toBe(south);
    expect((await read(southRep, direct.body.id)).status).toBe(200);
  });

  it("refuses a rep's record in no team, which no other team can then read; the rest of the push is stored", async () => {
    const north = await env.createTeam('华北全员');
    const south = await env.createTeam('华南全员');
    const northRep = await env.addUser('rep', north, 'north-wide');
    const southRep = await env.addUser('rep', south, 'south-wide');
    const socket = await pusher(northRep);

    const everyone = accountDoc(northRep, { teamId: '', ownerId: '' }, '北京全员可见有限公司');
    const ownedWide = accountDoc(
      northRep,
      { teamId: '', ownerId: northRep.user.id },
      '北京本人全员有限公司',
    );
    const fine = accountDoc(
      northRep,
      { teamId: north, ownerId: northRep.user.id },
      '北京正常客户有限公司',
    );
    const reply = await socket.push('accounts', [everyone, ownedWide, fine]);
    expect(reply.rejected.map((r) => [r.id, r.reason])).toEqual([
      [everyone.id, RejectReason.workspaceWide],
      [ownedWide.id, RejectReason.workspaceWide],
    ]);
    expect((await read(northRep, fine.id)).status).toBe(200);
    for (const id of [everyone.id, ownedWide.id]) {
      expect((await read(southRep, id)).status).toBe(404);
      expect((await read(env.admin, id)).status).toBe(404);
    }

    const rest = await api<{ error: { code: string } }>(
      env.server,
      'POST',
      '/api/records/accounts',
      { ...buildAccount({ name: '北京接口全员有限公司' }), teamId: '' },
      northRep.accessToken,
    );
    expect(rest.status).toBe(403);
    expect(rest.body.error.code).toBe(RejectReason.workspaceWide);
  });

  it('rejects a rep making someone outside their scope the owner, with a reason; the rest of the push is stored', async () => {
    const north = await env.createTeam('华北指派');
    const south = await env.createTeam('华南指派');
    const northRep = await env.addUser('rep', north, 'north-assigner');
    const northMate = await env.addUser('rep', north, 'north-mate');
    const southRep = await env.addUser('rep', south, 'south-assignee');
    const socket = await pusher(northRep);

    const toSouth = accountDoc(
      northRep,
      { teamId: north, ownerId: southRep.user.id },
      '天津越权指派有限公司',
    );
    const toMate = accountDoc(
      northRep,
      { teamId: north, ownerId: northMate.user.id },
      '天津同队指派有限公司',
    );
    const toNobody = accountDoc(
      northRep,
      { teamId: north, ownerId: 'no-such-user' },
      '天津无人有限公司',
    );
    const reply = await socket.push('accounts', [toSouth, toMate, toNobody]);
    expect(reply.rejected).toMatchObject([
      {
        id: toSouth.id,
        reason: RejectReason.ownerOutOfScope,
        params: { owner: southRep.user.id },
        attempted: { ownerId: southRep.user.id },
      },
      { id: toNobody.id, reason: RejectReason.ownerOutOfScope },
    ]);
    expect((await read(northMate, toMate.id)).body).toMatchObject({
      ownerId: northMate.user.id,
      teamId: north,
    });
    expect((await read(southRep, toSouth.id)).status).toBe(404);
    expect((await read(env.admin, toSouth.id)).status).toBe(404);

    // Reassigning an existing record is held to the same rule, over REST as well.
    const patched = await api<{ error: { code: string } }>(
      env.server,
      'PATCH',
      `/api/records/accounts/${toMate.id}`,
      { ownerId: southRep.user.id },
      northRep.accessToken,
    );
    expect(patched.status).toBe(403);
    expect(patched.body.error.code).toBe(RejectReason.ownerOutOfScope);
    expect((await read(northRep, toMate.id)).body).toMatchObject({ ownerId: northMate.user.id });
  });

  it('lets a manager hand a record to a rep of a team below, and the record moves there', async () => {
    const region = await env.createTeam('华东区');
    const city = await env.createTeam('上海组', region);
    const manager = await env.addUser('manager', region, 'east-manager');
    const cityRep = await env.addUser('rep', city, 'shanghai-rep');
    const socket = await pusher(manager);

    const doc = accountDoc(
      manager,
      { teamId: region, ownerId: cityRep.user.id },
      '上海下属指派有限公司',
    );
    const reply = await socket.push('accounts', [doc]);
    expect(reply.rejected).toEqual([]);
    expect((await read(cityRep, doc.id)).body).toMatchObject({ teamId: city });
  });
});

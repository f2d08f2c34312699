import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/domain';
import {
  encodeStamp,
  type HandoverPreview,
  type HandoverResult,
  type HistoryEntry,
  type SessionResponse,
  type WireDoc,
} from '../../shared/sync';
import {
  buildAccount,
  buildActivity,
  buildContact,
  buildDeal,
  buildLead,
  buildTicket,
} from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

const COLLECTIONS: CollectionName[] = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'tickets',
  'activities',
];

/**
 * Handover when someone leaves (离职交接, issue 19; shared/rules/handover.ts): the real server moves the leaving
 * person's open work to the receiver in one transaction, laptops of both follow live, closed work stays, only
 * admins and the person's managers may do it, and an offline edit of the leaving person pushed afterwards
 * still lands with the receiver as owner.
 */
describe(`handover when someone leaves (${engineName})`, { timeout: 90_000 }, () => {
  const env = useTestServer({ collections: COLLECTIONS });

  /** Creates a record over REST as the admin, owned by `ownerId` (its team follows the owner). */
  const create = async (
    collection: CollectionName,
    fields: Record<string, unknown>,
    ownerId: string,
  ): Promise<WireDoc> => {
    const res = await api<WireDoc>(
      env.server,
      'POST',
      `/api/records/${collection}`,
      { ...fields, ownerId },
      env.admin.accessToken,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  /** A deal closed as won (written in the database: the stage gate is not what this suite is about). */
  const closeAsWon = async (id: string) => {
    await env.server.sql.query(
      `UPDATE records SET data = data || '{"status":"won","stage":"won"}'::jsonb WHERE workspace_id = $1 AND collection = 'deals' AND id = $2`,
      [env.admin.workspace.id, id],
    );
  };
  const handover = (
    by: SessionResponse,
    body: { fromUserId: string; toUserId: string; deactivate?: boolean },
    preview = false,
  ) =>
    api<HandoverPreview & HandoverResult & { error?: { code: string } }>(
      env.server,
      'POST',
      preview ? '/api/handover/preview' : '/api/handover',
      body,
      by.accessToken,
    );

  /** The leaving person's work: what moves and what stays (closed). */
  const seed = async (leaverId: string, tag: string) => {
    const account = await create(
      'accounts',
      buildAccount({ name: `${tag}交接客户有限公司` }),
      leaverId,
    );
    const contact = await create('contacts', buildContact({ name: `${tag}联系人` }), leaverId);
    const lead = await create('leads', buildLead({ name: `${tag}线索` }), leaverId);
    const openDeal = await create('deals', buildDeal({ name: `${tag}进行中商机` }), leaverId);
    const wonDeal = await create('deals', buildDeal({ name: `${tag}已赢单商机` }), leaverId);
    await closeAsWon(wonDeal.id);
    const openTicket = await create(
      'tickets',
      buildTicket({ subject: `${tag}待处理工单` }),
      leaverId,
    );
    const closedTicket = await create(
      'tickets',
      buildTicket({ subject: `${tag}已关闭工单`, status: 'closed' }),
      leaverId,
    );
    const openTask = await create(
      'activities',
      buildActivity({ type: 'task', subject: `${tag}待办任务`, done: false }),
      leaverId,
    );
    const doneTask = await create(
      'activities',
      buildActivity({ type: 'task', subject: `${tag}已完成任务`, done: true }),
      leaverId,
    );
    const call = await create('activities', buildActivity({ subject: `${tag}电话` }), leaverId);
    return {
      moves: { account, contact, lead, openDeal, openTicket, openTask },
      stays: { wonDeal, closedTicket, doneTask, call },
    };
  };
  const collectionOf: Record<string, CollectionName> = {
    account: 'accounts',
    contact: 'contacts',
    lead: 'leads',
    openDeal: 'deals',
    openTicket: 'tickets',
    openTask: 'activities',
    wonDeal: 'deals',
    closedTicket: 'tickets',
    doneTask: 'activities',
    call: 'activities',
  };

  it('moves every kind to a receiver in another team: both laptops follow live, closed work stays, history names it', async () => {
    const north = await env.createTeam('华北交接');
    const south = await env.createTeam('华南交接');
    const leaver = await env.addUser('rep', north, 'leaver-north');
    const receiver = await env.addUser('rep', south, 'receiver-south');
    const { moves, stays } = await seed(leaver.user.id, '北京');

    const leaverLaptop = await env.connect(leaver, { synced: true });
    const receiverLaptop = await env.connect(receiver, { synced: true });
    for (const [key, doc] of Object.entries({ ...moves, ...stays }))
      expect(await leaverLaptop.db[collectionOf[key]].findOne(doc.id).exec()).not.toBeNull();

    const preview = await handover(
      env.admin,
      { fromUserId: leaver.user.id, toUserId: receiver.user.id },
      true,
    );
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toEqual({
      accounts: 1,
      contacts: 1,
      leads: 1,
      deals: 1,
      tickets: 1,
      tasks: 1,
    });
    expect(preview.body.items.map((i) => [i.kind, i.name])).toEqual([
      ['accounts', '北京交接客户有限公司'],
      ['contacts', '北京联系人'],
      ['leads', '北京线索'],
      ['deals', '北京进行中商机'],
      ['tickets', '北京待处理工单'],
      ['tasks', '北京待办任务'],
    ]);

    const done = await handover(env.admin, {
      fromUserId: leaver.user.id,
      toUserId: receiver.user.id,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.moved).toEqual(preview.body.counts);
    expect(done.body.deactivated).toBe(false);

    // The receiver's laptop gains them (in South now), the leaving person's loses them: out of their scope.
    for (const [key, doc] of Object.entries(moves)) {
      const collection = collectionOf[key];
      await eventually(async () => {
        const got = (await receiverLaptop.db[collection].findOne(doc.id).exec())?.toJSON();
        expect(got, `${key} on the receiver's laptop`).toMatchObject({
          ownerId: receiver.user.id,
          teamId: south,
        });
      });
      await eventually(async () =>
        expect(
          await leaverLaptop.db[collection].findOne(doc.id).exec(),
          `${key} gone from the leaving person's laptop`,
        ).toBeNull(),
      );
    }
    // Closed work stays with the leaving person, for history.
    for (const [key, doc] of Object.entries(stays)) {
      const got = (await leaverLaptop.db[collectionOf[key]].findOne(doc.id).exec())?.toJSON();
      expect(got, `${key} stays`).toMatchObject({ ownerId: leaver.user.id, teamId: north });
    }

    // A history entry per record names the handover, made by the admin.
    for (const [key, doc] of Object.entries(moves)) {
      const history = await api<HistoryEntry[]>(
        env.server,
        'GET',
        `/api/records/${collectionOf[key]}/${doc.id}/history`,
        undefined,
        receiver.accessToken,
      );
      expect(history.status).toBe(200);
      const ownerLine = history.body.find((h) => h.field === 'ownerId' && h.handover);
      expect(ownerLine, `${key} history`).toMatchObject({
        userId: env.admin.user.id,
        oldValue: leaver.user.id,
        newValue: receiver.user.id,
        handover: { fromUserId: leaver.user.id, toUserId: receiver.user.id },
      });
    }

    // Nothing left to hand over.
    const after = await handover(
      env.admin,
      { fromUserId: leaver.user.id, toUserId: receiver.user.id },
      true,
    );
    expect(after.body.items).toEqual([]);
  });

  it('only an admin or the leaving person’s manager may: a rep and another team’s manager get 403', async () => {
    const east = await env.createTeam('华东交接');
    const eastA = await env.createTeam('华东一组交接', east);
    const west = await env.createTeam('西部交接');
    const leaver = await env.addUser('rep', eastA, 'leaver-east');
    const receiver = await env.addUser('rep', eastA, 'receiver-east');
    const rep = await env.addUser('rep', eastA, 'colleague-east');
    const eastManager = await env.addUser('manager', east, 'manager-east');
    const westManager = await env.addUser('manager', west, 'manager-west');
    const westRep = await env.addUser('rep', west, 'rep-west');
    await create('accounts', buildAccount({ name: '上海经理交接有限公司' }), leaver.user.id);
    const body = { fromUserId: leaver.user.id, toUserId: receiver.user.id };

    for (const preview of [true, false]) {
      const byRep = await handover(rep, body, preview);
      expect(byRep.status).toBe(403);
      expect(byRep.body.error?.code).toBe('handover_not_allowed');
      const byOther = await handover(westManager, body, preview);
      expect(byOther.status).toBe(403);
    }
    // The manager's receiver must be in their tree; the receiver must be someone else.
    expect((await handover(eastManager, { ...body, toUserId: westRep.user.id }, true)).status).toBe(
      403,
    );
    expect((await handover(eastManager, { ...body, toUserId: leaver.user.id }, true)).status).toBe(
      422,
    );
    expect((await handover(eastManager, { ...body, toUserId: 'user-nobody' }, true)).status).toBe(
      404,
    );
    const bad = await api(
      env.server,
      'POST',
      '/api/handover',
      { fromUserId: 1 },
      eastManager.accessToken,
    );
    expect(bad.status).toBe(400);

    const byManager = await handover(eastManager, body);
    expect(byManager.status).toBe(200);
    expect(byManager.body.moved.accounts).toBe(1);
  });

  it('an offline edit of the leaving person pushed after the handover lands, and the owner stays the receiver', async () => {
    const team = await env.createTeam('华中交接');
    const leaver = await env.addUser('rep', team, 'leaver-offline');
    const receiver = await env.addUser('rep', team, 'receiver-offline');
    const account = await create(
      'accounts',
      buildAccount({ name: '武汉离线交接有限公司' }),
      leaver.user.id,
    );
    // What the leaving person's laptop held when it went offline, and an edit made there before the handover.
    const before = { ...account, _deleted: false } as WireDoc;
    const editedAt = Date.now();

    const done = await handover(env.admin, {
      fromUserId: leaver.user.id,
      toUserId: receiver.user.id,
    });
    expect(done.status).toBe(200);

    const laptop = await RawPusher.connect(env.server, leaver);
    env.onCleanup(() => laptop.close());
    const reply = await laptop.pushRows('accounts', [
      {
        assumedMasterState: before,
        newDocumentState: { ...before, address: '武汉市江汉区离线路 1 号', updatedAt: editedAt },
        stamps: {
          address: encodeStamp({ wall: editedAt, counter: 0, node: leaver.deviceId }),
          updatedAt: encodeStamp({ wall: editedAt, counter: 0, node: leaver.deviceId }),
        },
      },
    ]);
    expect(reply.rejected).toEqual([]);
    const stored = await api<WireDoc>(
      env.server,
      'GET',
      `/api/records/accounts/${account.id}`,
      undefined,
      receiver.accessToken,
    );
    expect(stored.body).toMatchObject({
      address: '武汉市江汉区离线路 1 号',
      ownerId: receiver.user.id,
      teamId: team,
    });
  });

  it('deactivates the leaving person when asked: their tokens stop working, so their laptop can no longer push', async () => {
    const team = await env.createTeam('西南交接');
    const leaver = await env.addUser('rep', team, 'leaver-deactivated');
    const receiver = await env.addUser('rep', team, 'receiver-deactivated');
    const lead = await create('leads', buildLead({ name: '成都停用线索' }), leaver.user.id);
    const receiverLaptop = await env.connect(receiver, { synced: true });

    const done = await handover(env.admin, {
      fromUserId: leaver.user.id,
      toUserId: receiver.user.id,
      deactivate: true,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ deactivated: true, moved: { leads: 1 } });
    await eventually(async () =>
      expect((await receiverLaptop.repos.leads.get(lead.id))?.ownerId).toBe(receiver.user.id),
    );
    const users = await api<{ id: string; active: boolean }[]>(
      env.server,
      'GET',
      '/api/users',
      undefined,
      env.admin.accessToken,
    );
    expect(users.body.find((u) => u.id === leaver.user.id)?.active).toBe(false);
    const me = await api(env.server, 'GET', '/api/me', undefined, leaver.accessToken);
    expect(me.status).toBeGreaterThanOrEqual(401);
  });
});

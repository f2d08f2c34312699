import { describe, expect, it } from 'vitest';
import { personalTeamId, type SessionResponse } from '../../shared/sync';
import { buildAccount } from '../support/factories';
import { api, engineName, eventually, useTestServer, type TestClient } from './support/harness';

/**
 * Replicas follow a change of rights (issue 14 item 1): when an admin changes a person's teams or role, their
 * laptop's replica converges to exactly the new scope through the pull path — records of a team gained that
 * were written before the change arrive, records of a team lost leave the replica (and stay gone after a
 * reconnect or a reopen), also for a laptop that was offline during the change. Laptops here check every
 * replica write against the schema, as the app's development build does (tombstones included).
 */
describe(`replicas follow a change of rights (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['accounts'] });

  const patchUser = async (userId: string, patch: Record<string, unknown>) => {
    const res = await api(
      env.server,
      'PATCH',
      `/api/users/${userId}`,
      patch,
      env.admin.accessToken,
    );
    expect(res.status).toBeLessThan(300);
  };
  /** An account of `teamId` created by the admin over REST; returns its id. */
  const createAccount = async (teamId: string, name: string): Promise<string> => {
    const res = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/accounts',
      buildAccount({ name, teamId }),
      env.admin.accessToken,
    );
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const laptop = (session: SessionResponse) =>
    env.connect(session, { synced: true, validate: true });
  /** Whether the replica holds a live record of this id (RxDB leaves deleted documents out of queries). */
  const holds = async (client: TestClient, id: string) =>
    (await client.db.accounts.findOne(id).exec()) !== null;
  /** A new account of `teamId` reaches `client`: everything announced before it has reached it too. */
  const caughtUp = async (client: TestClient, teamId: string, name: string) => {
    const marker = await createAccount(teamId, name);
    await eventually(async () => expect(await holds(client, marker)).toBe(true));
  };

  it('brings a team’s older records to a rep who gains it', async () => {
    const north = await env.createTeam('华北扩权');
    const south = await env.createTeam('华南扩权');
    const older = await createAccount(south, '广州早先有限公司');
    const session = await env.addUser('rep', north, 'gains-south');
    const client = await laptop(session);
    await caughtUp(client, north, '天津扩权前有限公司');
    expect(await holds(client, older)).toBe(false);

    await patchUser(session.user.id, { teamIds: [north, south] });
    await eventually(async () => expect(await holds(client, older)).toBe(true));
    // Normal pulls go on from there: a later South record arrives too.
    await caughtUp(client, south, '广州扩权后有限公司');
  });

  it('removes a lost team’s records from the replica, also after a reconnect and a reopen', async () => {
    const north = await env.createTeam('华北收权');
    const south = await env.createTeam('华南收权');
    const session = await env.addUser('rep', north, 'loses-north');
    const lost = await createAccount(north, '天津收权有限公司');
    const client = await laptop(session);
    await eventually(async () => expect(await holds(client, lost)).toBe(true));

    await patchUser(session.user.id, { teamIds: [south] });
    await eventually(async () => expect(await holds(client, lost)).toBe(false));

    client.engine.pause();
    client.engine.resume();
    await caughtUp(client, south, '广州重连后有限公司');
    expect(await holds(client, lost)).toBe(false);

    await client.close();
    const reopened = await client.reopen();
    env.onCleanup(() => reopened.close());
    await caughtUp(reopened, south, '广州重开后有限公司');
    expect(await holds(reopened, lost)).toBe(false);
    // Removed from the replica by the pull, not deleted: the server still has it for North.
    const stored = await api(
      env.server,
      'GET',
      `/api/records/accounts/${lost}`,
      undefined,
      env.admin.accessToken,
    );
    expect(stored.status).toBe(200);
  });

  it('brings a laptop that was offline during the change to the new scope when it comes back', async () => {
    const north = await env.createTeam('华北离线');
    const south = await env.createTeam('华南离线');
    const session = await env.addUser('rep', north, 'offline-rep');
    const lost = await createAccount(north, '天津离线有限公司');
    const gained = await createAccount(south, '广州离线有限公司');
    const client = await laptop(session);
    await eventually(async () => expect(await holds(client, lost)).toBe(true));

    client.engine.pause();
    await eventually(() => expect(client.engine.status$.value.connection).toBe('offline'));
    await patchUser(session.user.id, { teamIds: [south] });
    client.engine.resume();
    await eventually(async () => {
      expect(await holds(client, gained)).toBe(true);
      expect(await holds(client, lost)).toBe(false);
    });
  });

  it('removes the other teams’ records from an admin demoted to a rep of one team', async () => {
    const north = await env.createTeam('华北降级');
    const south = await env.createTeam('华南降级');
    const east = await env.createTeam('华东降级');
    const session = await env.addUser('admin', north, 'demoted-admin-replica');
    const kept = await createAccount(north, '天津降级有限公司');
    const others = [
      await createAccount(south, '广州降级有限公司'),
      await createAccount(east, '上海降级有限公司'),
    ];
    const client = await laptop(session);
    await eventually(async () => {
      for (const id of [kept, ...others]) expect(await holds(client, id)).toBe(true);
    });

    await patchUser(session.user.id, { role: 'rep', teamIds: [north] });
    await eventually(async () => {
      for (const id of others) expect(await holds(client, id)).toBe(false);
    });
    expect(await holds(client, kept)).toBe(true);

    // And back: promoted again, the other teams' records return.
    await patchUser(session.user.id, { role: 'admin', teamIds: [north] });
    await eventually(async () => {
      for (const id of others) expect(await holds(client, id)).toBe(true);
    });
  });

  it('back-fills across several pages (small pull batches) and removes across pages', async () => {
    const north = await env.createTeam('华北分页');
    const south = await env.createTeam('华南分页');
    const session = await env.addUser('rep', north, 'paged-rep');
    const northIds: string[] = [];
    const southIds: string[] = [];
    for (let i = 0; i < 7; i++) {
      northIds.push(await createAccount(north, `天津分页${i}有限公司`));
      southIds.push(await createAccount(south, `广州分页${i}有限公司`));
    }
    const client = await env.connect(session, { synced: true, validate: true, pullBatchSize: 3 });
    await eventually(async () => {
      for (const id of northIds) expect(await holds(client, id)).toBe(true);
    });

    await patchUser(session.user.id, { teamIds: [south] });
    await eventually(async () => {
      for (const id of southIds) expect(await holds(client, id)).toBe(true);
      for (const id of northIds) expect(await holds(client, id)).toBe(false);
    });
  });
  it('converges when the lost side is pages of records the laptop never had, and ends the fill in its checkpoint', async () => {
    const north = await env.createTeam('华北未见');
    const south = await env.createTeam('华南未见');
    const session = await env.addUser('rep', north, 'never-held-rep');
    const held = await createAccount(north, '天津已有有限公司');
    const client = await env.connect(session, { synced: true, validate: true, pullBatchSize: 3 });
    await eventually(async () => expect(await holds(client, held)).toBe(true));

    client.engine.pause();
    await eventually(() => expect(client.engine.status$.value.connection).toBe('offline'));
    // Written while the laptop is away: it never holds them, so their bare tombstones are dropped.
    for (let i = 0; i < 8; i++) await createAccount(north, `天津未见${i}有限公司`);
    await patchUser(session.user.id, { teamIds: [south] });
    client.engine.resume();
    await eventually(async () => expect(await holds(client, held)).toBe(false));
    await caughtUp(client, south, '广州未见后有限公司');

    // The next pull starts from a checkpoint whose fill has ended (not a back-fill again).
    const before = client.sent.length;
    client.engine.reSync();
    await eventually(() =>
      expect(
        client.sent.slice(before).some((m) => m.type === 'pull' && m.collection === 'accounts'),
      ).toBe(true),
    );
    const pull = client.sent
      .slice(before)
      .find((m) => m.type === 'pull' && m.collection === 'accounts');
    // The scope on the wire is sorted; everyone's also holds their own personal team (their inbox marks).
    expect(pull?.type === 'pull' && pull.checkpoint).toMatchObject({
      scope: [south, personalTeamId(session.user.id)].sort(),
    });
    expect(pull?.type === 'pull' && pull.checkpoint?.fill).toBeFalsy();
  });

  it('pokes a manager whose subtree grows when a team is added under theirs, and keeps serving them', async () => {
    const region = await env.createTeam('华中大区');
    const session = await env.addUser('manager', region, 'region-manager');
    const client = await laptop(session);
    const poked = new Promise<void>((resolve) => {
      const subscription = client.engine.connection.messages$.subscribe((message) => {
        if (message.type === 'changed' && message.collections.includes('accounts')) {
          subscription.unsubscribe();
          resolve();
        }
      });
      env.onCleanup(() => subscription.unsubscribe());
    });

    const branch = await env.createTeam('武汉分部', region);
    await within(poked, 'a poke after the team tree changed');
    await caughtUp(client, branch, '武汉新分部有限公司');
  });
});

/** `promise`, or a failure naming what did not happen within 10 s. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited 10 s for ${what}`)), 10_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

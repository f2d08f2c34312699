import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../shared/sync';
import { mergeRecords } from '../../renderer/src/data/services/merge-records';
import { buildAccount, buildContact, buildDeal } from '../support/factories';
import {
  api,
  engineName,
  eventually,
  useTestServer,
  type TestClient,
  type TestServer,
} from './support/harness';

type Stored = Record<string, unknown>;

async function stored(env: TestServer, collection: string, id: string): Promise<Stored> {
  const res = await api<Stored>(
    env.server,
    'GET',
    `/api/records/${collection}/${id}`,
    undefined,
    env.admin.accessToken,
  );
  expect(res.status).toBe(200);
  return res.body;
}

async function goOffline(client: TestClient): Promise<void> {
  client.engine.pause();
  await eventually(() => expect(client.engine.status$.value.connection).toBe('offline'));
}

/**
 * Issue 19, Merge, on real laptops over real sockets: A merges two accounts while B is offline with an edit
 * to the loser and a new contact on it. When B comes back, both land on the survivor (the server's push path
 * redirects them, sync/server/records/merged-records.ts) and B's replica takes the loser's tombstone.
 */
describe(
  `merging accounts with an offline edit to the loser (${engineName})`,
  { timeout: 120_000 },
  () => {
    const env = useTestServer({
      collections: ['accounts', 'contacts', 'leads', 'deals', 'contracts', 'tickets', 'activities'],
    });
    let team: string;
    let sessions: SessionResponse[];

    beforeAll(async () => {
      team = await env.createTeam('华南销售部');
      sessions = [
        await env.addUser('rep', team, 'chen-jing'),
        await env.addUser('rep', team, 'liu-yang'),
      ];
    }, 60_000);

    it('an offline edit to the loser and a new contact on it land on the survivor', async () => {
      const a = await env.connect(sessions[0], { synced: true });
      const b = await env.connect(sessions[1], { synced: true });
      const survivor = await a.repos.accounts.create(
        buildAccount({ name: '深圳南山精密制造有限公司', phone: '0755-1000', teamId: team }),
      );
      const loser = await a.repos.accounts.create(
        buildAccount({ name: '深圳南山精密制造', phone: '0755-2000', teamId: team }),
      );
      const deal = await a.repos.deals.create(
        buildDeal({ accountId: loser.id, name: '产线改造', teamId: team }),
      );
      await eventually(async () => {
        expect(await b.repos.accounts.get(loser.id)).not.toBeNull();
        expect(await b.repos.deals.get(deal.id)).not.toBeNull();
      });

      // B, offline, fills in the loser's website and adds a contact at the loser.
      await goOffline(b);
      await b.repos.accounts.update(loser.id, { website: 'https://nanshan.example.com' });
      const contact = await b.repos.contacts.create(
        buildContact({ accountId: loser.id, name: '黄伟', teamId: team }),
      );

      // A merges the two accounts (keeping the loser's phone) and syncs.
      await mergeRecords(
        a.repos,
        {
          kind: 'accounts',
          survivorId: survivor.id,
          loserIds: [loser.id],
          choices: { phone: loser.id },
        },
        Date.now(),
      );
      await a.engine.awaitInSync();
      await eventually(async () => {
        expect(await stored(env, 'accounts', loser.id)).toMatchObject({
          deleted: true,
          mergedIntoId: survivor.id,
        });
        expect(await stored(env, 'deals', deal.id)).toMatchObject({ accountId: survivor.id });
      });

      // B comes back: its edit and its contact land on the survivor.
      b.engine.resume();
      await eventually(async () => {
        expect(await stored(env, 'accounts', survivor.id)).toMatchObject({
          name: '深圳南山精密制造有限公司',
          phone: '0755-2000',
          website: 'https://nanshan.example.com',
          deleted: false,
        });
        expect(await stored(env, 'contacts', contact.id)).toMatchObject({
          accountId: survivor.id,
        });
      }, 20_000);
      // The loser stays a tombstone pointing to the survivor (B's push did not bring it back).
      expect(await stored(env, 'accounts', loser.id)).toMatchObject({
        deleted: true,
        mergedIntoId: survivor.id,
        website: '',
      });

      // Both laptops converge: B holds the tombstone and the moved records, nothing waits, nothing was refused.
      await Promise.all([a.engine.awaitInSync(), b.engine.awaitInSync()]);
      await eventually(async () => {
        for (const laptop of [a, b]) {
          expect(await laptop.repos.accounts.get(loser.id)).toMatchObject({
            deleted: true,
            mergedIntoId: survivor.id,
          });
          expect(await laptop.repos.accounts.get(survivor.id)).toMatchObject({
            website: 'https://nanshan.example.com',
          });
          expect(await laptop.repos.contacts.get(contact.id)).toMatchObject({
            accountId: survivor.id,
          });
          expect(await laptop.repos.deals.get(deal.id)).toMatchObject({ accountId: survivor.id });
          expect(laptop.engine.pendingCount).toBe(0);
        }
      }, 20_000);
      expect(a.rejections).toEqual([]);
      expect(b.rejections).toEqual([]);

      // The survivor's history keeps the value the merge overwrote.
      const history = await api<{ field: string; oldValue: unknown; newValue: unknown }[]>(
        env.server,
        'GET',
        `/api/records/accounts/${survivor.id}/history`,
        undefined,
        env.admin.accessToken,
      );
      expect(history.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'phone', oldValue: '0755-1000', newValue: '0755-2000' }),
        ]),
      );
    });
  },
);

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal, LineItem } from '../../shared/domain';
import {
  decodeStamp,
  encodeStamp,
  wallOf,
  type HistoryEntry,
  type SessionResponse,
  type WireDoc,
} from '../../shared/sync';
import { buildDeal } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { RawPusher, type RawRow } from './support/raw-sync';

const DAY = 24 * 60 * 60 * 1000;
/** The skew bound this suite's server runs with (--max-clock-skew-ms): small, so a test can outlive it. */
const MAX_SKEW_MS = 1_500;

/**
 * The later edit wins (issue 15; sync/README.md "The merge rule"), at the protocol level: laptops are bare
 * sockets sending pushes with the stamps a device would make, so the test names the edit times. Real server,
 * real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
describe(`the later edit wins, not the later upload (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({
    collections: ['deals'],
    config: { maxClockSkewMs: MAX_SKEW_MS },
  });
  let team: string;
  let alice: SessionResponse;
  let bob: SessionResponse;

  beforeAll(async () => {
    team = await env.createTeam('后编辑优先组');
    alice = await env.addUser('rep', team, 'alice-later');
    bob = await env.addUser('rep', team, 'bob-later');
  }, 30_000);

  const laptop = async (session: SessionResponse) => {
    const client = await RawPusher.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  /** A stamp of an edit `session`'s laptop made at `wall`. */
  const stampOf = (session: SessionResponse, wall: number) =>
    encodeStamp({ wall, counter: 0, node: session.deviceId });
  const line = (id: string, quantity = 1): LineItem => ({
    id,
    product: `产品 ${id}`,
    quantity,
    unitPrice: 1_000,
    discount: 0,
  });
  /** A deal of the team, created by Alice (over the socket, stamped now); returns the stored state. */
  const createDeal = async (fields: Partial<Deal> = {}): Promise<WireDoc & Deal> => {
    const now = Date.now();
    const doc = {
      ...buildDeal({ ...fields }),
      id: `deal-${randomUUID()}`,
      workspaceId: env.admin.workspace.id,
      ownerId: alice.user.id,
      teamId: team,
      createdAt: now,
      updatedAt: now,
      createdBy: alice.user.id,
      updatedBy: alice.user.id,
      deleted: false,
      _deleted: false,
    } as WireDoc & Deal;
    const client = await laptop(alice);
    const reply = await client.push('deals', [doc]);
    expect(reply.rejected).toEqual([]);
    return { ...doc, ...(await storedDeal(doc.id)), _deleted: false };
  };
  const storedDeal = async (id: string): Promise<Deal> => {
    const res = await api<Deal>(
      env.server,
      'GET',
      `/api/records/deals/${id}`,
      undefined,
      alice.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const storedClocks = async (id: string): Promise<Record<string, string>> => {
    const [row] = await env.server.sql.query<{ field_clocks: Record<string, string> }>(
      `SELECT field_clocks FROM records WHERE workspace_id = $1 AND collection = 'deals' AND id = $2`,
      [env.admin.workspace.id, id],
    );
    return row.field_clocks;
  };
  const historyOf = async (id: string): Promise<HistoryEntry[]> => {
    const res = await api<HistoryEntry[]>(
      env.server,
      'GET',
      `/api/records/deals/${id}/history`,
      undefined,
      alice.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A row changing `base` by `patch`, stamped per path. */
  const row = (
    base: WireDoc,
    patch: Partial<Deal>,
    stamps?: Record<string, string>,
    by: SessionResponse = alice,
  ): RawRow => ({
    assumedMasterState: base,
    newDocumentState: { ...base, ...patch, updatedBy: by.user.id, updatedAt: Date.now() },
    ...(stamps ? { stamps } : {}),
  });

  it("Monday's offline edit synced on Wednesday loses to Tuesday's edit of the same field, and stays in history", async () => {
    const base = await createDeal({ amount: 100_000 });
    const now = Date.now();
    const monday = now - 2 * DAY;
    const tuesday = now - DAY;
    const aliceLaptop = await laptop(alice);
    const bobLaptop = await laptop(bob);

    // Tuesday, online: Alice sets the amount.
    const tuesdayReply = await aliceLaptop.pushRows('deals', [
      row(base, { amount: 200_000 }, { amount: stampOf(alice, tuesday) }),
    ]);
    expect(tuesdayReply.conflicts).toEqual([]);

    // Wednesday: Bob's laptop comes back online with what he typed on Monday, over the state he last saw.
    const wednesday = await bobLaptop.pushRows('deals', [
      row(
        base,
        { amount: 150_000, closeDate: '2027-06-30' },
        {
          amount: stampOf(bob, monday),
          closeDate: stampOf(bob, monday),
        },
        bob,
      ),
    ]);
    expect(wednesday.rejected).toEqual([]);
    // Bob is answered with what is stored: Tuesday's amount, his close date.
    expect(wednesday.conflicts).toMatchObject([
      { id: base.id, amount: 200_000, closeDate: '2027-06-30' },
    ]);
    expect(wednesday.overruled).toEqual([
      {
        collection: 'deals',
        id: base.id,
        field: 'amount',
        lost: 150_000,
        kept: 200_000,
        lostAt: monday,
        keptAt: tuesday,
        keptBy: alice.user.id,
        reason: 'laterEdit',
      },
    ]);
    expect(wallOf(wednesday.clock ?? '')).toBeGreaterThanOrEqual(now);
    expect(await storedDeal(base.id)).toMatchObject({ amount: 200_000, closeDate: '2027-06-30' });

    const history = await historyOf(base.id);
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: 'merge',
        field: 'amount',
        userId: bob.user.id,
        oldValue: 150_000,
        newValue: 200_000,
        editedAt: tuesday,
        merge: {
          reason: 'laterEdit',
          lostAt: monday,
          keptAt: tuesday,
          keptBy: alice.user.id,
          keptByName: 'alice-later',
        },
      }),
    );
    // Every change line says when its value was edited on its laptop.
    expect(history).toContainEqual(
      expect.objectContaining({
        kind: 'change',
        field: 'amount',
        newValue: 200_000,
        editedAt: tuesday,
      }),
    );
    expect(history).toContainEqual(
      expect.objectContaining({ kind: 'change', field: 'closeDate', editedAt: monday }),
    );
  });

  it('does not let a laptop whose clock is a day fast win beyond the skew bound', async () => {
    const base = await createDeal({ amount: 100_000 });
    const fastLaptop = await laptop(alice);
    const bobLaptop = await laptop(bob);

    const sentAt = Date.now();
    await fastLaptop.pushRows('deals', [
      row(base, { amount: 300_000 }, { amount: stampOf(alice, sentAt + DAY) }),
    ]);
    const receivedBy = Date.now();
    // Stored clamped to the server's clock + the bound, under the pusher's device.
    const clamped = (await storedClocks(base.id)).amount;
    expect(decodeStamp(clamped)?.node).toBe(alice.deviceId);
    expect(wallOf(clamped)).toBeGreaterThanOrEqual(sentAt + MAX_SKEW_MS);
    expect(wallOf(clamped)).toBeLessThanOrEqual(receivedBy + MAX_SKEW_MS);

    // Bob edits the amount honestly once the bound has passed: his is the later edit.
    await eventually(() => expect(Date.now()).toBeGreaterThan(wallOf(clamped)), 5_000);
    const bobsEdit = Date.now();
    const reply = await bobLaptop.pushRows('deals', [
      row(base, { amount: 250_000 }, { amount: stampOf(bob, bobsEdit) }, bob),
    ]);
    expect(reply.overruled).toEqual([]);
    expect(await storedDeal(base.id)).toMatchObject({ amount: 250_000 });
    // The fast laptop's value is in history as Alice's, with the time the server allowed it.
    expect((await historyOf(base.id)).find((h) => h.kind === 'merge')).toMatchObject({
      kind: 'merge',
      field: 'amount',
      userId: alice.user.id,
      oldValue: 300_000,
      newValue: 250_000,
      merge: {
        reason: 'laterEdit',
        lostAt: wallOf(clamped),
        keptAt: bobsEdit,
        keptBy: bob.user.id,
      },
    });
  });

  it('keeps the line items two laptops added offline to one deal, and recomputes its amount', async () => {
    const base = await createDeal({ lineItems: [line('li-0')], amount: 1_000 });
    const aliceLaptop = await laptop(alice);
    const bobLaptop = await laptop(bob);
    const t = Date.now() - 60_000;

    await aliceLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0'), line('li-a', 2)], amount: 3_000 },
        { 'lineItems[li-a]': stampOf(alice, t + 2_000), amount: stampOf(alice, t + 2_000) },
      ),
    ]);
    const reply = await bobLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0'), line('li-b', 3)], amount: 4_000 },
        { 'lineItems[li-b]': stampOf(bob, t + 1_000), amount: stampOf(bob, t + 1_000) },
        bob,
      ),
    ]);
    expect(reply.rejected).toEqual([]);
    // A total is never merged: nothing of Bob's was overruled, the amount follows the merged items.
    expect(reply.overruled).toEqual([]);
    const stored = await storedDeal(base.id);
    expect(stored.lineItems.map((i) => i.id).sort()).toEqual(['li-0', 'li-a', 'li-b']);
    expect(stored.amount).toBe(6_000);
    expect(reply.conflicts).toMatchObject([{ id: base.id, amount: 6_000 }]);
    expect((await historyOf(base.id)).filter((h) => h.kind === 'merge')).toEqual([]);
  });

  it('keeps a line item deleted on one laptop and edited on the other, telling the deleter', async () => {
    const base = await createDeal({ lineItems: [line('li-0'), line('li-1')], amount: 2_000 });
    const aliceLaptop = await laptop(alice);
    const bobLaptop = await laptop(bob);
    const t = Date.now() - 60_000;

    // Bob raised the quantity first; Alice, later and offline, deleted the line.
    await bobLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0'), line('li-1', 5)], amount: 6_000 },
        { 'lineItems[li-1].quantity': stampOf(bob, t) },
        bob,
      ),
    ]);
    const reply = await aliceLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0')], amount: 1_000 },
        { 'lineItems[li-1]': stampOf(alice, t + 30_000) },
      ),
    ]);
    expect(reply.overruled).toEqual([
      {
        collection: 'deals',
        id: base.id,
        field: 'lineItems',
        itemId: 'li-1',
        lost: null,
        kept: line('li-1', 5),
        lostAt: t + 30_000,
        keptAt: t,
        keptBy: bob.user.id,
        reason: 'editKeepsItem',
      },
    ]);
    const stored = await storedDeal(base.id);
    expect(stored.lineItems).toEqual([line('li-0'), line('li-1', 5)]);
    expect(stored.amount).toBe(6_000);
    expect((await historyOf(base.id)).find((h) => h.kind === 'merge')).toMatchObject({
      kind: 'merge',
      field: 'lineItems',
      userId: alice.user.id,
      oldValue: null,
      newValue: line('li-1', 5),
      merge: {
        reason: 'editKeepsItem',
        itemId: 'li-1',
        keptBy: bob.user.id,
      },
    });
  });

  it('keeps a line item the stored state deleted when a push edits it, with when it was deleted', async () => {
    const base = await createDeal({ lineItems: [line('li-0'), line('li-1')], amount: 2_000 });
    const aliceLaptop = await laptop(alice);
    const bobLaptop = await laptop(bob);
    const t = Date.now() - 60_000;

    // Alice deleted the line (synced first); Bob's edit of it, made earlier offline, arrives after.
    await aliceLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0')], amount: 1_000 },
        { 'lineItems[li-1]': stampOf(alice, t + 30_000) },
      ),
    ]);
    const reply = await bobLaptop.pushRows('deals', [
      row(
        base,
        { lineItems: [line('li-0'), line('li-1', 2)], amount: 3_000 },
        { 'lineItems[li-1].quantity': stampOf(bob, t) },
        bob,
      ),
    ]);
    expect(reply.overruled).toEqual([]);
    expect((await storedDeal(base.id)).lineItems).toEqual([line('li-0'), line('li-1', 2)]);
    expect((await historyOf(base.id)).find((h) => h.kind === 'merge')).toMatchObject({
      field: 'lineItems',
      userId: alice.user.id,
      oldValue: null,
      newValue: line('li-1', 2),
      merge: {
        reason: 'editKeepsItem',
        itemId: 'li-1',
        lostAt: t + 30_000,
        keptAt: t,
        keptBy: bob.user.id,
      },
    });
  });

  it('takes a push without stamps (an old client) as edited when the server received it', async () => {
    const base = await createDeal({ amount: 100_000 });
    const aliceLaptop = await laptop(alice);
    const oldClient = await laptop(bob);
    const anHourAgo = Date.now() - 60 * 60 * 1000;

    await aliceLaptop.pushRows('deals', [
      row(base, { amount: 200_000 }, { amount: stampOf(alice, anHourAgo) }),
    ]);
    const before = Date.now();
    const reply = await oldClient.pushRows('deals', [
      row(base, { amount: 120_000 }, undefined, bob),
    ]);
    expect(reply.rejected).toEqual([]);
    expect(reply.overruled).toEqual([]);
    expect(await storedDeal(base.id)).toMatchObject({ amount: 120_000 });
    const received = wallOf((await storedClocks(base.id)).amount);
    expect(received).toBeGreaterThanOrEqual(before);
    expect((await historyOf(base.id)).find((h) => h.kind === 'merge')).toMatchObject({
      kind: 'merge',
      field: 'amount',
      userId: alice.user.id,
      oldValue: 200_000,
      newValue: 120_000,
      merge: {
        lostAt: anHourAgo,
        keptAt: received,
        keptBy: bob.user.id,
      },
    });
  });

  it("tells a laptop the server's clock when it connects", async () => {
    const before = Date.now();
    const client = await laptop(bob);
    expect(wallOf(client.welcome.clock ?? '')).toBeGreaterThanOrEqual(before);
    expect(decodeStamp(client.welcome.clock ?? '')?.node).toMatch(/^server:/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildAccount, buildDeal } from '../support/factories';
import { engineName, eventually, useTestServer } from './support/harness';

// Issue 15 "Pending changes where they are": the engine says which records and fields wait to sync, since when,
// across a restart, and forgets them once the server has acknowledged the push.
describe(`pending changes of a laptop (${engineName})`, { timeout: 30_000 }, () => {
  const env = useTestServer();

  it('lists the fields edited offline per record, keeps them over a restart, clears them on sync', async () => {
    const client = await env.connect(env.admin);
    const account = await client.repos.accounts.create(
      buildAccount({ name: '杭州待同步有限公司' }),
    );
    const deal = await client.repos.deals.create(buildDeal({ accountId: account.id }));
    await client.engine.awaitInSync();
    await eventually(() => expect(client.engine.pendingChanges()).toEqual([]));

    client.engine.pause();
    const before = Date.now();
    await client.repos.deals.update(deal.id, { closeDate: '2027-06-30' });
    await client.repos.deals.update(deal.id, {
      lineItems: [{ id: 'li-1', product: '实施服务', quantity: 2, unitPrice: 5000, discount: 0 }],
    });
    await client.repos.accounts.update(account.id, { phone: '0571-1234 5678' });

    const waiting = client.engine.pendingChanges();
    const dealChange = waiting.find((c) => c.collection === 'deals');
    const accountChange = waiting.find((c) => c.collection === 'accounts');
    if (!dealChange || !accountChange)
      throw new Error(`not both waiting: ${JSON.stringify(waiting)}`);
    expect(dealChange).toMatchObject({
      collection: 'deals',
      id: deal.id,
      created: false,
      edits: 2,
    });
    expect(dealChange.since).toBeGreaterThanOrEqual(before);
    // The deal's total follows its line items: one save changes the list and the amount it derives.
    expect(dealChange.fields.map((f) => f.path).sort()).toEqual(
      ['amount', 'closeDate', 'lineItems[li-1]'].sort(),
    );
    expect(accountChange).toMatchObject({ collection: 'accounts', id: account.id, edits: 1 });
    expect(accountChange.fields.map((f) => f.path)).toEqual(['phone']);
    expect(client.engine.status$.value).toMatchObject({ pending: 2, pendingEdits: 3 });

    await client.close();
    const reopened = await client.reopen({ start: false });
    env.onCleanup(() => reopened.close());
    expect(
      reopened.engine
        .pendingChanges()
        .map((c) => [c.collection, c.edits])
        .sort(),
    ).toEqual([
      ['accounts', 1],
      ['deals', 2],
    ]);
    expect(reopened.engine.status$.value).toMatchObject({ pending: 2, pendingEdits: 3 });

    await reopened.engine.start();
    await reopened.engine.awaitInSync();
    await eventually(() => expect(reopened.engine.pendingChanges()).toEqual([]));
    expect(reopened.engine.status$.value).toMatchObject({ pending: 0, pendingEdits: 0 });
  });
});

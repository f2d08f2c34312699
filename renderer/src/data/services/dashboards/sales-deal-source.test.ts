import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SALES_DEAL_FIELDS, type SalesDeal } from '@shared/rules/dashboards/filters';
import { buildDeal, type DealFields } from '../../../../../test/support/factories';
import type { CrmDatabase } from '../../database';
import type { Repositories } from '../../repositories';
import type { SalesDealChange } from '../../repositories/deal-repository';
import { openTestReplica } from '../../test-replica';
import { SalesDealSource, type SalesDealsView, type SalesSourceMeasure } from './sales-deal-source';
import {
  SalesSnapshotStore,
  decodeSalesSnapshot,
  deleteSalesSnapshot,
  encodeSalesSnapshot,
  salesSnapshotDatabaseName,
} from './sales-deal-snapshot';
import {
  closeSalesDealSource,
  preloadSalesDealSource,
  salesDealSourceFor,
} from './sales-source-registry';

let db: CrmDatabase;
let repos: Repositories;
let replicaName: string;
const started: SalesDealSource[] = [];

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
  replicaName = `sales-test-${Math.random().toString(36).slice(2)}`;
});
afterEach(async () => {
  for (const source of started.splice(0)) await source.stop({ save: false });
  await db.close();
  await deleteSalesSnapshot(replicaName);
});

function createDeal(overrides: Partial<DealFields> = {}) {
  return repos.deals.create(
    buildDeal({ accountId: 'acc', amount: 1000, closeDate: '2026-12-31', ...overrides }),
  );
}

function sourceWith(
  options: { snapshot?: boolean; measures?: SalesSourceMeasure[] } = {},
): SalesDealSource {
  const source = new SalesDealSource({
    deals: repos.deals,
    snapshots: options.snapshot
      ? new SalesSnapshotStore(salesSnapshotDatabaseName(replicaName))
      : null,
    pageSize: 2,
    onMeasure: (what) => options.measures?.push(what),
  });
  started.push(source);
  return source;
}

/** Resolves with the first view (the current one included) that passes `test`. */
function viewWhere(
  source: SalesDealSource,
  test: (view: SalesDealsView) => boolean,
): Promise<SalesDealsView> {
  return new Promise((resolve) => {
    const check = () => {
      const view = source.getView();
      if (view && test(view)) {
        unsubscribe();
        resolve(view);
      }
    };
    const unsubscribe = source.subscribe(check);
    check();
  });
}

const byId = (view: SalesDealsView) => new Map(view.deals.map((d) => [d.id, d]));

describe('the sales deal source', () => {
  it('loads every deal of the replica, slim, and nothing before the load is complete', async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map((n) => createDeal({ amount: n * 100 })));
    await repos.deals.softDelete(made[4].id);
    const source = sourceWith();
    expect(source.getView()).toBeUndefined();
    await source.start();
    const view = source.getView();
    expect(view?.deals).toHaveLength(4);
    const first = byId(view!).get(made[0].id);
    expect(Object.keys(first!).sort()).toEqual([...SALES_DEAL_FIELDS].sort());
    expect(first).toMatchObject({ amount: 100, deleted: false, ownerId: 'u1' });
  });

  it('follows an edit, a new deal, a soft delete and a deal leaving the replica, one at a time', async () => {
    const [a, b, c] = await Promise.all([createDeal(), createDeal(), createDeal()]);
    const source = sourceWith();
    await source.start();
    const before = source.getView()!;

    await repos.deals.update(a.id, { amount: 4321 });
    const edited = await viewWhere(source, (v) => byId(v).get(a.id)?.amount === 4321);
    expect(edited.version).toBeGreaterThan(before.version);
    expect(edited.deals).not.toBe(before.deals);
    expect(byId(before).get(a.id)?.amount).toBe(1000); // the old array is left as it was

    const d = await createDeal({ amount: 7 });
    await viewWhere(source, (v) => byId(v).get(d.id)?.amount === 7);

    await repos.deals.softDelete(b.id);
    const deleted = await viewWhere(source, (v) => !byId(v).has(b.id));
    expect(deleted.deals.map((x) => x.id).sort()).toEqual([a.id, c.id, d.id].sort());

    // Replication removes a record that left the viewer's scope from the replica itself.
    await (await db.deals.findOne(c.id).exec())!.remove();
    const removed = await viewWhere(source, (v) => !byId(v).has(c.id));
    expect(removed.deals.map((x) => x.id).sort()).toEqual([a.id, d.id].sort());
  });

  it('gives a reader behind by some views the edits in between (before → after), in order', async () => {
    const [a, b] = await Promise.all([createDeal(), createDeal()]);
    const source = sourceWith();
    await source.start();
    const start = source.getView()!;
    expect(source.changesSince(start.version)).toEqual([]);

    await repos.deals.update(a.id, { amount: 1 });
    await viewWhere(source, (v) => byId(v).get(a.id)?.amount === 1);
    await repos.deals.update(a.id, { amount: 2 });
    await viewWhere(source, (v) => byId(v).get(a.id)?.amount === 2);
    await repos.deals.softDelete(b.id);
    const now = await viewWhere(source, (v) => !byId(v).has(b.id));

    const edits = source.changesSince(start.version)!;
    expect(edits.map((e) => [e.before?.id ?? null, e.before?.amount, e.after?.amount])).toEqual([
      [a.id, 1000, 1],
      [a.id, 1, 2],
      [b.id, 1000, undefined],
    ]);
    expect(edits[2].after).toBeNull();
    // Replaying them over the old view gives the new one.
    const replayed = byId(start);
    for (const { before, after } of edits) {
      if (after) replayed.set(after.id, after);
      else replayed.delete(before!.id);
    }
    expect([...replayed.values()].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [...now.deals].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(source.changesSince(now.version)).toEqual([]);
    expect(source.changesSince(now.version + 1)).toBeNull();
    expect(source.changesSince(-1)).toBeNull();
  });

  it('loses no write made while it loads', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => createDeal()));
    const source = sourceWith();
    const loading = source.start();
    const late = await createDeal({ amount: 99 });
    await loading;
    await viewWhere(source, (v) => byId(v).get(late.id)?.amount === 99);
    expect(source.getView()?.deals).toHaveLength(7);
  });

  it('starts from its snapshot and catches up with what changed since', async () => {
    const [a, b] = await Promise.all([createDeal(), createDeal(), createDeal()]);
    const first = sourceWith({ snapshot: true });
    await first.start();
    await repos.deals.update(a.id, { amount: 555 });
    await viewWhere(first, (v) => byId(v).get(a.id)?.amount === 555);
    await first.stop({ save: true });

    // Changes while no dashboard was open.
    await repos.deals.update(a.id, { amount: 666 });
    await repos.deals.softDelete(b.id);
    const added = await createDeal({ amount: 8 });

    const measures: SalesSourceMeasure[] = [];
    const second = sourceWith({ snapshot: true, measures });
    await second.start();
    expect(measures).toContain('snapshot');
    expect(measures).not.toContain('full-read');
    const view = second.getView()!;
    expect(view.deals).toHaveLength(3);
    expect(byId(view).get(a.id)?.amount).toBe(666);
    expect(byId(view).has(b.id)).toBe(false);
    expect(byId(view).get(added.id)?.amount).toBe(8);
  });
});

describe('the sales snapshot', () => {
  const deal = (id: string, amount: number): SalesDeal => ({
    id,
    name: `商机 ${id}`,
    ownerId: 'u1',
    teamId: 't1',
    accountId: 'acc',
    pipelineId: 'default',
    stage: 'won',
    status: 'won',
    amount,
    probability: 100,
    closeDate: '2026-12-01',
    createdAt: 1,
    updatedAt: 2,
    source: 'website',
    campaignId: '',
    forecastCategory: 'commit',
    deleted: false,
  });

  it('gives back the deals it was made of, repeated values shared through a field’s dictionary', () => {
    const deals = [deal('d1', 10), { ...deal('d2', 20), ownerId: 'u2' }, deal('d3', 10)];
    const stored = encodeSalesSnapshot(deals, { id: 'd3', lwt: 42 });
    const column = (field: (typeof SALES_DEAL_FIELDS)[number]) =>
      stored.columns[SALES_DEAL_FIELDS.indexOf(field)];
    expect(column('ownerId').values).toEqual(['u1', 'u2']);
    expect([...column('ownerId').codes!]).toEqual([0, 1, 0]);
    // Fields of one value per deal are stored as they are.
    expect(column('amount')).toEqual({ values: [10, 20, 10], codes: null });
    expect(decodeSalesSnapshot(structuredClone(stored))).toEqual({
      deals,
      checkpoint: { id: 'd3', lwt: 42 },
    });
  });

  it('refuses what it did not write: another format, other fields, a code out of range, a wrong kind', () => {
    const stored = () => encodeSalesSnapshot([deal('d1', 10)], { id: 'd1', lwt: 1 });
    expect(decodeSalesSnapshot(null)).toBeNull();
    expect(decodeSalesSnapshot('garbage')).toBeNull();
    expect(decodeSalesSnapshot({ ...stored(), format: 0 })).toBeNull();
    expect(decodeSalesSnapshot({ ...stored(), fields: ['id'] })).toBeNull();
    const outOfRange = stored();
    outOfRange.columns[SALES_DEAL_FIELDS.indexOf('ownerId')].codes![0] = 5;
    expect(decodeSalesSnapshot(outOfRange)).toBeNull();
    const wrongKind = stored();
    wrongKind.columns[SALES_DEAL_FIELDS.indexOf('amount')].values[0] = '10';
    expect(decodeSalesSnapshot(wrongKind)).toBeNull();
    const shortPlain = stored();
    shortPlain.columns[SALES_DEAL_FIELDS.indexOf('id')].values.push('d2');
    expect(decodeSalesSnapshot(shortPlain)).toBeNull();
  });
});

describe('the sales deal source, when writes commit out of their stamped order', () => {
  const slim = (id: string, amount: number): SalesDeal => ({
    id,
    name: id,
    ownerId: 'u1',
    teamId: 't1',
    accountId: 'acc',
    pipelineId: 'default',
    stage: 'qualify',
    status: 'open',
    amount,
    probability: 10,
    closeDate: '2026-12-31',
    createdAt: 1,
    updatedAt: 1,
    source: '',
    campaignId: '',
    forecastCategory: '',
    deleted: false,
  });

  // A replication bulk stamped at 20 that commits after a write stamped at 30: the feed read saw 10 and 30, so its
  // checkpoint is past the bulk; the bulk's event must still count, and a stale state must not win.
  it('applies a late commit with an older stamp, and never an older state of a deal over a newer one', async () => {
    const changes = new Subject<SalesDealChange[]>();
    const source = new SalesDealSource({
      deals: {
        salesDealsSince: () =>
          Promise.resolve({
            deals: [slim('a', 1), slim('c', 3)],
            lwts: [10, 30],
            checkpoint: { id: 'c', lwt: 30 },
          }),
        salesDealChanges$: () => changes,
      },
      snapshots: null,
    });
    started.push(source);
    await source.start();
    changes.next([{ id: 'b', deal: slim('b', 2), position: { id: 'b', lwt: 20 } }]);
    changes.next([{ id: 'c', deal: slim('c', 99), position: { id: 'c', lwt: 25 } }]);
    const view = source.getView();
    expect(view && byId(view).get('b')?.amount).toBe(2);
    expect(view && byId(view).get('c')?.amount).toBe(3);
  });
});

describe('preloading the sales source', () => {
  const member = (id: string, role: 'manager' | 'rep') =>
    repos.members.create({
      id,
      kind: 'user',
      name: id,
      email: `${id}@example.com`,
      role,
      parentTeamId: '',
      teamIds: [],
      active: true,
    });
  afterEach(() => closeSalesDealSource({ repos, replicaName }, true));

  it('loads the deals ahead of the dashboard for a manager, not for a rep', async () => {
    await createDeal({ amount: 5 });
    await member('u-manager', 'manager');
    await member('u-rep', 'rep');
    const host = { repos, replicaName };
    await preloadSalesDealSource(host, 'u-rep');
    expect(salesDealSourceFor(host).getView()).toBeUndefined();
    await preloadSalesDealSource(host, 'u-manager');
    expect(
      salesDealSourceFor(host)
        .getView()
        ?.deals.map((d) => d.amount),
    ).toEqual([5]);
  });
});

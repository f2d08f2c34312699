import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, DEFAULT_PIPELINE_ID } from '@shared/domain';
import type { SalesDeal } from '@shared/rules/dashboards/filters';
import { SalesAggregate, type SalesAggregateContext } from '@shared/rules/dashboards/sales-metrics';
import { indexTargets } from '@shared/rules/forecast';
import type {
  SalesDealEdit,
  SalesDealSource,
  SalesDealsView,
} from '../../../data/services/dashboards/sales-deal-source';
import { aggregateAt, countInSlices, type HeldAggregate } from './sales-aggregate-cache';

const at = (day: string) => Date.parse(`${day}T09:00:00+08:00`);

function deal(i: number, status: SalesDeal['status']): SalesDeal {
  return {
    id: `d${i}`,
    name: `Deal ${i}`,
    ownerId: i % 2 === 0 ? 'u1' : 'u2',
    teamId: '',
    accountId: '',
    pipelineId: DEFAULT_PIPELINE_ID,
    stage: status === 'open' ? 'proposal' : status,
    status,
    amount: 1000 + i,
    probability: status === 'won' ? 100 : 40,
    closeDate: '2026-11-15',
    createdAt: at('2026-10-05'),
    updatedAt: at('2026-10-05'),
    source: '',
    campaignId: '',
    forecastCategory: '',
    deleted: false,
  };
}

const deals = Array.from({ length: 25 }, (_, i) =>
  deal(i, (['open', 'won', 'lost'] as const)[i % 3]),
);
const context: SalesAggregateContext = {
  members: [],
  pipelines: new Map([[DEFAULT_PIPELINE_ID, DEFAULT_PIPELINE]]),
  targets: indexTargets([]),
  owners: null,
  filters: {
    periodKind: 'quarter',
    start: '2026-10-01',
    end: '2026-12-31',
    teamId: '',
    ownerId: '',
  },
};

/** The numbers, with the won deals in id order (their order carries no meaning). */
function numbers(aggregate: SalesAggregate | null | undefined) {
  const metrics = aggregate?.metrics();
  return (
    metrics && {
      ...metrics,
      wonDeals: metrics.wonDeals.toSorted((a, b) => a.id.localeCompare(b.id)),
    }
  );
}

function onePass(list: readonly SalesDeal[]) {
  const aggregate = new SalesAggregate(context);
  for (const d of list) aggregate.add(d);
  return numbers(aggregate);
}

/** A source whose current view is `view` and that knows the edits since `since`. */
function sourceAt(view: SalesDealsView, since: number, edits: SalesDealEdit[]) {
  return {
    getView: () => view,
    changesSince: (version: number) => (version === since ? edits : null),
  } as unknown as SalesDealSource;
}

describe('the sales dashboard’s running sums on a large replica', () => {
  it('counts in slices exactly what one pass counts, and stops when cancelled', async () => {
    const sliced = await countInSlices(context, deals, () => false, 4);
    expect(numbers(sliced)).toEqual(onePass(deals));
    let slices = 0;
    expect(await countInSlices(context, deals, () => ++slices > 2, 4)).toBeNull();
  });

  it('leaves a recount past the limit to the slices, then moves their result by the edits made meanwhile', async () => {
    const held: { current: HeldAggregate | null } = { current: null };
    const first: SalesDealsView = { deals, version: 1 };
    expect(aggregateAt(held, context, first, sourceAt(first, 1, []), 10)).toBeNull();
    // Counted in slices at version 1; one deal was won meanwhile (version 2).
    const aggregate = await countInSlices(context, deals, () => false, 4);
    held.current = { context, version: 1, aggregate: aggregate! };
    const edited = deal(0, 'won');
    const now = [edited, ...deals.slice(1)];
    const second: SalesDealsView = { deals: now, version: 2 };
    const source = sourceAt(second, 1, [{ before: deals[0], after: edited }]);
    expect(numbers(aggregateAt(held, context, second, source, 10))).toEqual(onePass(now));
    expect(held.current?.version).toBe(2);
  });

  it('counts within the render up to the limit', () => {
    const held: { current: HeldAggregate | null } = { current: null };
    const view: SalesDealsView = { deals, version: 1 };
    expect(numbers(aggregateAt(held, context, view, sourceAt(view, 1, []), 25))).toEqual(
      onePass(deals),
    );
  });
});

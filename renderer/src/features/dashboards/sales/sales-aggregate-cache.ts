import type { SalesDeal } from '@shared/rules/dashboards/filters';
import { SalesAggregate, type SalesAggregateContext } from '@shared/rules/dashboards/sales-metrics';
import type {
  SalesDealSource,
  SalesDealsView,
} from '../../../data/services/dashboards/sales-deal-source';

export interface HeldAggregate {
  context: SalesAggregateContext;
  version: number;
  aggregate: SalesAggregate;
}

/** Up to this many deals are counted within the render; more are counted in slices between renders. */
export const COUNT_IN_RENDER = 20_000;
/** Deals counted between two yields to the page (a slice well under one frame's budget). */
const COUNT_SLICE = 10_000;

/** Lets input and frames run between two slices (a message, not a timer: no 4 ms clamp after a few). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Every deal of `deals` counted afresh, in slices with a yield between; null once `cancelled()`. */
export async function countInSlices(
  context: SalesAggregateContext,
  deals: readonly SalesDeal[],
  cancelled: () => boolean,
  slice = COUNT_SLICE,
): Promise<SalesAggregate | null> {
  const aggregate = new SalesAggregate(context);
  for (let from = 0; from < deals.length; from += slice) {
    if (from > 0) await yieldToPage();
    if (cancelled()) return null;
    const to = Math.min(deals.length, from + slice);
    for (let i = from; i < to; i++) aggregate.add(deals[i]);
  }
  return aggregate;
}

/**
 * The running sums for `context` at `view`: the held ones moved forward by the deals that changed since (the
 * usual case: one edit, constant work), or counted afresh from every deal (first render, new filters or
 * settings, or a view too far behind). A cache kept in a ref: replaying the same version twice is a no-op.
 * Null when a recount is too large for one render (the hook counts it with countInSlices and fills `held`).
 */
export function aggregateAt(
  held: { current: HeldAggregate | null },
  context: SalesAggregateContext,
  view: SalesDealsView,
  source: SalesDealSource | null,
  countInRender = COUNT_IN_RENDER,
): SalesAggregate | null {
  const previous = held.current;
  if (previous?.context === context && source?.getView() === view) {
    const edits = source.changesSince(previous.version);
    if (edits) {
      for (const { before, after } of edits) previous.aggregate.replace(before, after);
      previous.version = view.version;
      return previous.aggregate;
    }
  }
  if (view.deals.length > countInRender && previous?.context !== context) return null;
  const aggregate = new SalesAggregate(context);
  for (const deal of view.deals) aggregate.add(deal);
  held.current = { context, version: view.version, aggregate };
  return aggregate;
}

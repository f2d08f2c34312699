import { useContext, useSyncExternalStore } from 'react';
import { databaseNameFor } from '../../../data/session';
import type { Workspace } from '../../../data/workspace';
import { salesDealSourceFor } from '../../../data/services/dashboards/sales-source-registry';
import type {
  SalesDealSource,
  SalesDealsView,
} from '../../../data/services/dashboards/sales-deal-source';
import { WorkspaceContext } from '../../../hooks/use-workspace';

/** The replica's shared sales deal source (loaded on first use, then kept current from the change stream). */
export function salesSourceOf(workspace: Workspace): SalesDealSource {
  return salesDealSourceFor({
    repos: workspace.repos,
    replicaName: databaseNameFor(workspace.session),
  });
}

const noSubscription = () => () => undefined;
const nothing = () => undefined;

/**
 * Every deal the viewer's replica holds (not deleted) as slim deals, and a version that changes with them; undefined
 * while the replica is opening or the first load runs. One store per replica, shared by every component: `deals`
 * is a new array after each change, so `useMemo(…, [deals])` recomputes exactly when a deal changed. `source`
 * answers which deals changed between two versions (for running sums).
 */
export function useSalesSource(): {
  view: SalesDealsView | undefined;
  source: SalesDealSource | null;
} {
  const workspace = useContext(WorkspaceContext);
  const source = workspace ? salesSourceOf(workspace) : null;
  const view = useSyncExternalStore(
    source ? source.subscribe : noSubscription,
    source ? source.getView : nothing,
  );
  return { view, source };
}

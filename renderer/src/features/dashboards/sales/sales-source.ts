import { useContext, useSyncExternalStore } from 'react';
import type { SalesDeal } from '@shared/rules/dashboards/filters';
import { databaseNameFor } from '../../../data/session';
import type { Workspace } from '../../../data/workspace';
import { salesDealSourceFor } from '../../../data/services/dashboards/sales-source-registry';
import type { SalesDealSource } from '../../../data/services/dashboards/sales-deal-source';
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
 * is a new array after each change, so `useMemo(…, [deals])` recomputes exactly when a deal changed.
 */
export function useSalesSource(): { deals: readonly SalesDeal[]; version: number } | undefined {
  const workspace = useContext(WorkspaceContext);
  const source = workspace ? salesSourceOf(workspace) : null;
  return useSyncExternalStore(
    source ? source.subscribe : noSubscription,
    source ? source.getView : nothing,
  );
}

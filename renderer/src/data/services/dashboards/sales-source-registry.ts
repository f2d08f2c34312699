import type { Repositories } from '../../repositories';
import { logError } from '../../../platform/log';
import { SalesDealSource } from './sales-deal-source';
import {
  SalesSnapshotStore,
  deleteSalesSnapshot,
  salesSnapshotDatabaseName,
} from './sales-deal-snapshot';

/** What the registry needs of an open workspace: its repositories and the replica's database name. */
export interface SalesSourceHost {
  repos: Repositories;
  replicaName: string;
}

/** One source per replica (keyed by its repositories): every dashboard and hook shares its deals. */
const sources = new WeakMap<Repositories, SalesDealSource>();

/** The replica's sales deal source, created on first use (it loads when first subscribed to or started). */
export function salesDealSourceFor(host: SalesSourceHost): SalesDealSource {
  let source = sources.get(host.repos);
  if (!source) {
    source = new SalesDealSource({
      deals: host.repos.deals,
      snapshots: new SalesSnapshotStore(salesSnapshotDatabaseName(host.replicaName)),
      onError: (what, error) => logError(what, error),
    });
    sources.set(host.repos, source);
  }
  return source;
}

/**
 * Stops the replica's source when its workspace closes: saves the snapshot for the next start, or, when the replica
 * is wiped (sign-out, revoked device), deletes it with the replica.
 */
export async function closeSalesDealSource(host: SalesSourceHost, wipe: boolean): Promise<void> {
  const source = sources.get(host.repos);
  sources.delete(host.repos);
  await source?.stop({ save: !wipe });
  if (wipe) await deleteSalesSnapshot(host.replicaName);
}

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

/** Roles whose first look is usually the dashboards, and whose replicas hold the team's deals. */
const PRELOAD_ROLES: ReadonlySet<string> = new Set(['admin', 'manager']);

/**
 * Loads the replica's source ahead of the dashboard for a manager or an admin (called when the page is idle after
 * start-up): opening the sales dashboard then counts deals already in memory instead of first reading and
 * decoding the snapshot (on set L, 100k deals). A rep's dashboard loads on first use.
 */
export async function preloadSalesDealSource(host: SalesSourceHost, userId: string): Promise<void> {
  const member = await host.repos.members.get(userId);
  if (!member || !PRELOAD_ROLES.has(member.role)) return;
  await salesDealSourceFor(host).start();
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

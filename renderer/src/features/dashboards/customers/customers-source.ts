import { useQuery } from '@tanstack/react-query';
import type { Account, Contract } from '@shared/domain';
import type { AccountHealth } from '@shared/rules';
import type { Repositories } from '../../../data/repositories';
import { healthOfAccounts } from '../../../data/services/account-health';
import { useRepositories } from '../../../hooks/use-workspace';

/** At most this many accounts and contracts are read (far above set L's accounts of one team). */
const READ_LIMIT = 200_000;

export interface CustomersData {
  accounts: Account[];
  contracts: Contract[];
  /** Each account's health now, from the same service as the accounts list's health column. */
  health: Map<string, AccountHealth>;
}

/**
 * What the customers dashboard counts: the live accounts and contracts of the replica (the viewer's scope) and
 * the accounts' health. The period and team/owner filters are applied by the shared metric functions, so
 * changing them recomputes without reading again.
 */
export async function readCustomersData(repos: Repositories, now: number): Promise<CustomersData> {
  const [accounts, contracts, rules] = await Promise.all([
    repos.accounts.find({ selector: { deleted: false }, limit: READ_LIMIT }),
    repos.contracts.find({ selector: { deleted: false }, limit: READ_LIMIT }),
    repos.settings.healthScoring(),
  ]);
  const live = accounts.filter((a) => !a.mergedIntoId);
  const health = await healthOfAccounts(repos, live, rules, now);
  return { accounts: live, contracts, health };
}

/** The customers dashboard's data, refreshed when any collection it reads changes. */
export function useCustomersData() {
  const repos = useRepositories();
  return useQuery({
    queryKey: ['accounts', 'dashboards', 'customers'],
    queryFn: () => readCustomersData(repos, Date.now()),
    meta: { collections: ['contracts', 'tickets', 'activities', 'settings'] },
    placeholderData: (previous) => previous,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, Contract, HealthScoringValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { AccountFilter, AccountSort } from '../../data/repositories';
import {
  churnRiskAccounts,
  createRenewalDeal,
  healthOfAccount,
  healthOfAccounts,
  loadRenewals,
} from '../../data/services/account-health';
import { settingKeys } from '../settings/queries';

/*
 * Account health and renewals (issue 21): the scores are computed from the replica by the shared rule
 * (data/services/account-health.ts), never stored, so these queries follow every collection they read.
 */
const HEALTH_READS = ['tickets', 'activities', 'contracts', 'settings'];

export const healthKeys = {
  rules: () => [...settingKeys.all, 'healthScoring'] as const,
  account: (id: string) => ['accounts', 'health', id] as const,
  accounts: (ids: readonly string[]) => ['accounts', 'health', 'many', ids] as const,
  churnRisk: (filter: AccountFilter, sort: AccountSort) =>
    ['accounts', 'health', 'churnRisk', filter, sort] as const,
  renewals: (days: number) => ['contracts', 'renewals', days] as const,
};

/** The workspace's health weights and thresholds; the defaults until an admin saves their own. */
export function useHealthScoringQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: healthKeys.rules(), queryFn: () => repos.settings.healthScoring() });
}

export function useSaveHealthScoringMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: HealthScoringValue) => repos.settings.saveHealthScoring(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

/** One account's health now (the account page's Health card). */
export function useAccountHealth(account: Pick<Account, 'id' | 'lastActivityAt'> | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: [...healthKeys.account(account?.id ?? ''), account?.lastActivityAt ?? 0],
    queryFn: () => healthOfAccount(repos, account ?? { id: '', lastActivityAt: 0 }, Date.now()),
    enabled: !!account,
    meta: { collections: HEALTH_READS },
  });
}

/** The health of the accounts on screen (the accounts list's column), by id. */
export function useAccountsHealth(
  accounts: readonly Pick<Account, 'id' | 'lastActivityAt'>[],
  enabled = true,
) {
  const repos = useRepositories();
  const ids = accounts.map((a) => a.id);
  return useQuery({
    queryKey: healthKeys.accounts(ids),
    queryFn: async () =>
      healthOfAccounts(repos, accounts, await repos.settings.healthScoring(), Date.now()),
    enabled: enabled && accounts.length > 0,
    meta: { collections: HEALTH_READS },
    placeholderData: (previous) => previous,
  });
}

/** The accounts list's "churn risk" filter: the matching accounts at risk, lowest score first. */
export function useChurnRiskAccounts(filter: AccountFilter, sort: AccountSort, enabled: boolean) {
  const repos = useRepositories();
  return useQuery({
    queryKey: healthKeys.churnRisk(filter, sort),
    queryFn: () => churnRiskAccounts(repos, filter, sort, Date.now()),
    enabled,
    meta: { collections: HEALTH_READS },
  });
}

/** Active contracts ending in the next `days` days, with account, health and renewal deal. */
export function useRenewals(days: number) {
  const repos = useRepositories();
  return useQuery({
    queryKey: healthKeys.renewals(days),
    queryFn: () => loadRenewals(repos, days, Date.now()),
    meta: { collections: ['accounts', 'deals', ...HEALTH_READS] },
  });
}

/** Creates a contract's renewal deal (once: see createRenewalDeal). */
export function useCreateRenewalDealMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contract, name }: { contract: Contract; name: string }) =>
      createRenewalDeal(repos, contract, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contracts', 'renewals'] }),
  });
}

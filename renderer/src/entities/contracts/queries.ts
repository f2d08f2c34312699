import { useQuery } from '@tanstack/react-query';
import { useRepositories } from '../../hooks/use-workspace';
import { usePagedList } from '../../hooks/use-paged-list';

/** Hierarchical keys (all → lists → list → detail(id)); the first element is the collection. */
export const contractKeys = {
  all: ['contracts'] as const,
  lists: () => [...contractKeys.all, 'list'] as const,
  list: () => [...contractKeys.lists(), 'all'] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
  byAccount: (accountId: string) => [...contractKeys.all, 'byAccount', accountId] as const,
};

/** The contract list: pages of contracts, most recently updated first. */
export function useContractList() {
  const repos = useRepositories();
  return usePagedList(contractKeys.list(), (limit, skip) => repos.contracts.listPage(limit, skip));
}

export function useContractQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: contractKeys.detail(id ?? ''),
    queryFn: () => repos.contracts.get(id ?? ''),
    enabled: !!id,
  });
}

/** Contracts of one account (account 360° page, deal page). */
export function useContractsByAccount(accountId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: contractKeys.byAccount(accountId ?? ''),
    queryFn: () => repos.contracts.byAccount(accountId ?? ''),
    enabled: !!accountId,
  });
}

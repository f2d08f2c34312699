import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractNumberingValue } from '@shared/domain';
import { todayString } from '../../components/format';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from '../settings/queries';
import { contractKeys } from './queries';

/** Keys under the settings and contracts roots, so live invalidation refreshes them when either changes. */
export const contractNumberingKeys = {
  rule: () => [...settingKeys.all, 'contractNumbering'] as const,
  next: (today: string) => [...contractKeys.all, 'nextNumber', today] as const,
};

/** The workspace's contract number pattern (issue 20), the default until an admin saves one. */
export function useContractNumberingQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: contractNumberingKeys.rule(),
    queryFn: () => repos.settings.contractNumbering(),
  });
}

export function useSaveContractNumberingMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: ContractNumberingValue) => repos.settings.saveContractNumbering(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contractNumberingKeys.rule() }),
  });
}

/** The next number by the pattern (shared/rules/contract-number.ts), read from the replica's contract numbers. */
export async function loadNextContractNumber(
  repos: ReturnType<typeof useRepositories>,
  extraTaken: readonly string[] = [],
): Promise<string> {
  const rule = await repos.settings.contractNumbering();
  const next = await repos.contracts.nextNumber(rule, todayString(), extraTaken);
  return next ?? '';
}

/** The number a new contract is proposed (editable in the form); '' while loading or when the pattern is broken. */
export function useNextContractNumber(enabled: boolean) {
  const repos = useRepositories();
  const today = todayString();
  return useQuery({
    queryKey: [...contractNumberingKeys.next(today)],
    queryFn: () => loadNextContractNumber(repos),
    enabled,
    staleTime: 0,
  });
}

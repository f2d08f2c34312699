import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalRulesValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from './queries';

/** The workspace's approval rules (issue 20), from the replica; the defaults until an admin saves their own. */
export function useApprovalRulesQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.approvalRules(),
    queryFn: () => repos.settings.approvalRules(),
  });
}

export function useSaveApprovalRulesMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: ApprovalRulesValue) => repos.settings.saveApprovalRules(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.approvalRules() }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowUpRulesValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from './queries';

/** The workspace's follow-up rules (issue 18), from the replica; the defaults until an admin saves their own. */
export function useFollowUpRulesQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.followUpRules(),
    queryFn: () => repos.settings.followUpRules(),
  });
}

export function useSaveFollowUpRulesMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: FollowUpRulesValue) => repos.settings.saveFollowUpRules(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.followUpRules() }),
  });
}

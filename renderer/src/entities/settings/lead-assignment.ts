import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadAssignmentValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from './queries';

/** The workspace's lead-assignment rules (issue 19), from the replica; off until an admin saves their own. */
export function useLeadAssignmentQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.leadAssignment(),
    queryFn: () => repos.settings.leadAssignment(),
  });
}

export function useSaveLeadAssignmentMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: LeadAssignmentValue) => repos.settings.saveLeadAssignment(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.leadAssignment() }),
  });
}

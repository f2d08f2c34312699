import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TicketRoutingValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from './queries';

/** The workspace's ticket routing (issue 21), from the replica; off until an admin saves it. */
export function useTicketRoutingQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: settingKeys.ticketRouting(),
    queryFn: () => repos.settings.ticketRouting(),
  });
}

export function useSaveTicketRoutingMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: TicketRoutingValue) => repos.settings.saveTicketRouting(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.ticketRouting() }),
  });
}

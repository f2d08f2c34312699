import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadScoringValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from '../settings/queries';

export const leadScoringKeys = {
  rules: () => [...settingKeys.all, 'leadScoring'] as const,
  recentContacts: (leadId: string) => ['activities', 'recentContacts', leadId] as const,
};

/** The workspace's lead-scoring rules (issue 19); the defaults until an admin saves their own. */
export function useLeadScoringQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: leadScoringKeys.rules(),
    queryFn: () => repos.settings.leadScoring(),
  });
}

/** Customer contacts on a lead within the engagement window of the rules (its score's engagement part). */
export function useRecentContactsQuery(leadId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: leadScoringKeys.recentContacts(leadId ?? ''),
    queryFn: () => repos.leads.recentContacts(leadId ?? ''),
    enabled: !!leadId,
    meta: { collections: ['settings'] },
  });
}

/** Saves the rules, then scores every lead of the replica again under them (the changes sync like edits). */
export function useSaveLeadScoringMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (value: LeadScoringValue) => {
      const saved = await repos.settings.saveLeadScoring(value);
      const rescored = await repos.leads.rescoreAll();
      return { saved, rescored };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignValue } from '@shared/domain';
import type { MetricsPeriod } from '@shared/rules';
import { useRepositories } from '../../hooks/use-workspace';
import { loadCampaignMetrics } from '../../data/services/campaign-metrics';
import { settingKeys } from '../settings/queries';

/** Campaigns are settings records (kind 'campaign'): their keys start with the settings collection. */
export const campaignKeys = {
  list: () => [...settingKeys.all, 'campaigns'] as const,
  metrics: (period: MetricsPeriod) => [...settingKeys.all, 'campaignMetrics', period] as const,
};

/** Every campaign, by name (the pickers on the lead and deal forms, the campaigns screen). */
export function useCampaignsQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: campaignKeys.list(), queryFn: () => repos.settings.campaigns() });
}

/** The numbers of every campaign and lead source over a period, live with leads and deals too. */
export function useCampaignMetricsQuery(period: MetricsPeriod) {
  const repos = useRepositories();
  return useQuery({
    queryKey: campaignKeys.metrics(period),
    queryFn: () => loadCampaignMetrics(repos, period),
    meta: { collections: ['leads', 'deals'] },
  });
}

export function useSaveCampaignMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, value }: { id?: string; value: CampaignValue }) =>
      repos.settings.saveCampaign(id, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

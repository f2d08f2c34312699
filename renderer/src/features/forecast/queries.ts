import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Period } from '@shared/rules/forecast';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { accessKeys } from '../../hooks/use-write-access';
import { readAccess } from '../../data/access';
import { loadForecast } from '../../data/services/forecast';

/**
 * The forecast reads deals (its key starts with 'deals', so a deal edit refreshes it, live-invalidation.ts), and
 * also settings (targets, pipelines) and members (the team tree).
 */
export const forecastKeys = {
  all: ['deals', 'forecast'] as const,
  period: (key: string) => [...forecastKeys.all, key] as const,
};

/** The forecast of one period, computed from the replica (works offline). */
export function useForecastQuery(period: Period) {
  const repos = useRepositories();
  return useQuery({
    queryKey: forecastKeys.period(period.key),
    queryFn: () => loadForecast(repos, period),
    meta: { collections: ['settings', 'members'] },
    // Stepping to the next period keeps the table on screen until the next one is read (no flash).
    placeholderData: keepPreviousData,
  });
}

/** Who may set targets for whom: the rights of the person at this computer (as useWriteAccess reads them). */
export function useAccessQuery() {
  const { repos, session } = useWorkspace();
  return useQuery({
    queryKey: accessKeys.of(session.userId),
    queryFn: () => readAccess(repos, session),
  });
}

export function useSaveTargetMutation() {
  const { repos, session } = useWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { memberId: string; period: string; amount: number | null }) => {
      const access = await queryClient.fetchQuery({
        queryKey: accessKeys.of(session.userId),
        queryFn: () => readAccess(repos, session),
      });
      await repos.settings.saveTarget(access, input);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaPolicyValue, WorkingCalendarValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { settingKeys } from './queries';

/** The working calendar SLA clocks run on (issue 21), from the replica; the default until an admin saves one. */
export function useWorkingCalendarQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: [...settingKeys.all, 'workingCalendar'],
    queryFn: () => repos.settings.workingCalendar(),
  });
}

export function useSaveWorkingCalendarMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: WorkingCalendarValue) => repos.settings.saveWorkingCalendar(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

/** The stored SLA policies (none stored: the default policy applies). */
export function useSlaPoliciesQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: [...settingKeys.all, 'slaPolicies'],
    queryFn: () => repos.settings.slaPolicies(),
  });
}

export function useSaveSlaPolicyMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string | undefined; value: SlaPolicyValue }) =>
      repos.settings.saveSlaPolicy(key, value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

export function useDeleteSlaPolicyMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => repos.settings.deleteSlaPolicy(key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

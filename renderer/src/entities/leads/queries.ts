import { useQuery } from '@tanstack/react-query';
import { useRepositories } from '../../hooks/use-workspace';
import { usePagedList } from '../../hooks/use-paged-list';

export interface LeadFilter {
  status?: string;
  text?: string;
  /** 'mql' or 'sql' (issue 19). */
  qualification?: string;
}

/** Hierarchical keys (all → lists → list(filter) → detail(id)); the first element is the collection. */
export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (filter: LeadFilter) => [...leadKeys.lists(), filter] as const,
  detail: (id: string) => [...leadKeys.all, 'detail', id] as const,
};

export function useLeadList(filter: LeadFilter) {
  const repos = useRepositories();
  return usePagedList(leadKeys.list(filter), (limit, skip) =>
    repos.leads.listPage(filter, limit, skip),
  );
}

export function useLeadQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: leadKeys.detail(id ?? ''),
    queryFn: () => repos.leads.get(id ?? ''),
    enabled: !!id,
  });
}

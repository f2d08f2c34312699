import { useQuery } from '@tanstack/react-query';
import type { Approval } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';

/** Hierarchical keys; the first element is the collection, so live invalidation refreshes them on a change. */
export const approvalKeys = {
  all: ['approvals'] as const,
  lists: () => [...approvalKeys.all, 'list'] as const,
  list: () => [...approvalKeys.lists(), 'recent'] as const,
  detail: (id: string) => [...approvalKeys.all, 'detail', id] as const,
  mayDecide: (id: string, updatedAt: number) =>
    [...approvalKeys.all, 'mayDecide', id, updatedAt] as const,
};

/** The approvals the replica holds (what the person may see), newest first. */
export function useApprovalsQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: approvalKeys.list(), queryFn: () => repos.approvals.recent() });
}

export function useApprovalQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: approvalKeys.detail(id ?? ''),
    queryFn: () => repos.approvals.get(id ?? ''),
    enabled: !!id,
  });
}

/** May the person using the app decide it now (shared/rules/approval-routing.ts canDecide)? */
export function useMayDecide(approval: Approval | null | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: approvalKeys.mayDecide(approval?.id ?? '', approval?.updatedAt ?? 0),
    queryFn: () => (approval ? repos.approvals.mayDecide(approval) : false),
    enabled: !!approval,
  });
}

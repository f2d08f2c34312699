import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApprovalDecision } from '@shared/rules';
import { useRepositories } from '../../hooks/use-workspace';
import type { ApprovalRequestInput } from '../../data/repositories/approval-repository';
import { approvalKeys } from './queries';

export function useRequestApprovalMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApprovalRequestInput) => repos.approvals.request(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}

export function useDecideApprovalMutation() {
  const repos = useRepositories();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; decision: ApprovalDecision; comment: string }) =>
      repos.approvals.decide(input.id, input.decision, input.comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contract } from '@shared/domain';
import { contractApprovalRequest } from '@shared/rules/contract-approval';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { settingKeys } from '../settings/queries';

export const contractApprovalKeys = {
  forContract: (contractId: string) => ['approvals', 'contract', contractId] as const,
  rules: () => [...settingKeys.all, 'approvalRules', 'contracts'] as const,
};

/** The contract's approval requests (approvals collection), oldest first. */
export function useContractApprovals(contractId: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: contractApprovalKeys.forContract(contractId),
    queryFn: () => repos.approvals.forSubject('contract', contractId),
    enabled: !!contractId,
  });
}

/** The workspace's approval rules (the contract threshold), the defaults until an admin saves them. */
export function useApprovalRulesForContracts() {
  const repos = useRepositories();
  return useQuery({
    queryKey: contractApprovalKeys.rules(),
    queryFn: () => repos.settings.approvalRules(),
  });
}

/**
 * "Request approval" on a contract above the threshold: a pending contract approval in the contract's team (so its
 * managers see it); the approvals engine routes it (fills its steps) when the repository creates it.
 */
export function useRequestContractApprovalMutation() {
  const repos = useRepositories();
  const { session } = useWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contract: Contract) => {
      const { kind, title, subjectType, subjectId, subjectKey, amount } = contractApprovalRequest(
        contract,
        session.userId,
      );
      // Routed by the workspace's rules as it is made (offline too); the server routes it alike.
      return repos.approvals.request({ kind, title, subjectType, subjectId, subjectKey, amount });
    },
    onSuccess: (_approval, contract) =>
      queryClient.invalidateQueries({
        queryKey: contractApprovalKeys.forContract(contract.id),
      }),
  });
}

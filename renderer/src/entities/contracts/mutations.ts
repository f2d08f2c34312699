import { useMutation } from '@tanstack/react-query';
import type { Contract, Payment } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';

export type ContractInput = CreateInput<Contract>;

export function useCreateContractMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (input: ContractInput) => repos.contracts.create(input) });
}

export function useUpdateContractMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Contract> }) =>
      repos.contracts.update(id, patch),
  });
}

export function useDeleteContractMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.contracts.softDelete(id) });
}

/** Records a received payment (回款) on a contract. */
export function useAddPaymentMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ contractId, payment }: { contractId: string; payment: Omit<Payment, 'id'> }) =>
      repos.contracts.addPayment(contractId, payment),
  });
}

/** Removes a payment recorded by mistake. */
export function useRemovePaymentMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async ({ contractId, paymentId }: { contractId: string; paymentId: string }) => {
      const contract = await repos.contracts.get(contractId);
      if (!contract) throw new Error(`contracts/${contractId} not found`);
      return repos.contracts.update(contractId, {
        payments: contract.payments.filter((p) => p.id !== paymentId),
      });
    },
  });
}

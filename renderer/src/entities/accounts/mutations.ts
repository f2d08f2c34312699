import { useMutation } from '@tanstack/react-query';
import type { Account, SavedFilterValue } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';

export type AccountInput = CreateInput<Account>;

export function useCreateAccountMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (input: AccountInput) => repos.accounts.create(input) });
}

export function useUpdateAccountMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Account> }) =>
      repos.accounts.update(id, patch),
  });
}

export function useDeleteAccountMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.accounts.softDelete(id) });
}

export function useSaveAccountFilterMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (value: SavedFilterValue) => repos.settings.saveFilter(value) });
}

export function useDeleteSavedFilterMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.settings.softDelete(id) });
}

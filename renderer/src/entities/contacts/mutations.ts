import { useMutation } from '@tanstack/react-query';
import type { Contact } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';

export function useCreateContactMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (input: CreateInput<Contact>) => repos.contacts.create(input) });
}

export function useUpdateContactMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Contact> }) =>
      repos.contacts.update(id, patch),
  });
}

export function useDeleteContactMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.contacts.softDelete(id) });
}

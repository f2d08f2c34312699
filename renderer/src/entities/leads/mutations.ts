import { useMutation } from '@tanstack/react-query';
import type { Lead } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';
import { convertLead, type ConvertLeadOptions } from '../../data/services/lead-conversion';

export type LeadInput = CreateInput<Lead>;

export function useCreateLeadMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (input: LeadInput) => repos.leads.create(input) });
}

export function useUpdateLeadMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Lead> }) =>
      repos.leads.update(id, patch),
  });
}

export function useDeleteLeadMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.leads.softDelete(id) });
}

/** 线索转化: account (new or existing) + contact (+ deal); the lead is marked converted and keeps the links. */
export function useConvertLeadMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ lead, options }: { lead: Lead; options: ConvertLeadOptions }) =>
      convertLead(repos, lead, options),
  });
}

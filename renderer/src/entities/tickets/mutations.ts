import { useMutation } from '@tanstack/react-query';
import type { Ticket, TicketStatus } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';

/** What the form provides; the number and the starting status are filled in on create. */
export type TicketInput = Omit<CreateInput<Ticket>, 'number' | 'status'>;

export function useCreateTicketMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async (input: TicketInput) =>
      repos.tickets.create({ ...input, number: await repos.tickets.nextNumber(), status: 'new' }),
  });
}

export function useUpdateTicketMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Ticket> }) =>
      repos.tickets.update(id, patch),
  });
}

/** Status workflow (TICKET_TRANSITIONS); a refused change throws BusinessRuleError 'tickets.errors.transition'. */
export function useChangeTicketStatusMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({
      id,
      status,
      resolution,
    }: {
      id: string;
      status: TicketStatus;
      resolution?: string;
    }) => repos.tickets.changeStatus(id, status, resolution),
  });
}

export function useDeleteTicketMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.tickets.softDelete(id) });
}

/** The customer's CSAT answer, recorded by the agent on a resolved ticket (issue 21). */
export function useRecordCsatMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, score, comment }: { id: string; score: number; comment: string }) =>
      repos.tickets.recordCsat(id, score, comment),
  });
}

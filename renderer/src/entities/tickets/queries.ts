import { useQuery } from '@tanstack/react-query';
import type { Ticket } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { usePagedList } from '../../hooks/use-paged-list';

export interface TicketFilter {
  status?: string;
  text?: string;
}

/** A ticket with the name of its account, as the list shows it. */
export interface TicketRow extends Ticket {
  accountName: string;
  /** The account's tier (A–D, ''): the SLA policy may depend on it (issue 21). */
  accountTier: string;
}

/** Hierarchical keys (all → lists → list(filter) → detail(id)); the first element is the collection. */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (filter: TicketFilter) => [...ticketKeys.lists(), filter] as const,
  detail: (id: string) => [...ticketKeys.all, 'detail', id] as const,
  byAccount: (accountId: string) => [...ticketKeys.all, 'byAccount', accountId] as const,
};

/** Tickets in pages, newest change first, each with its account name (so the list also follows account renames). */
export function useTicketList(filter: TicketFilter) {
  const repos = useRepositories();
  return usePagedList<TicketRow>(
    ticketKeys.list(filter),
    async (limit, skip) => {
      const tickets = await repos.tickets.listPage(filter, limit, skip);
      const accounts = await repos.accounts.getMany([
        ...new Set(tickets.map((ticket) => ticket.accountId).filter(Boolean)),
      ]);
      return tickets.map((ticket) => ({
        ...ticket,
        accountName: accounts.get(ticket.accountId)?.name ?? '',
        accountTier: accounts.get(ticket.accountId)?.tier ?? '',
      }));
    },
    ['accounts'],
  );
}

export function useTicketQuery(id: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: ticketKeys.detail(id ?? ''),
    queryFn: () => repos.tickets.get(id ?? ''),
    enabled: !!id,
  });
}

/** The tickets of one account (account 360° page), most recently changed first. */
export function useTicketsByAccount(accountId: string | undefined) {
  const repos = useRepositories();
  return useQuery({
    queryKey: ticketKeys.byAccount(accountId ?? ''),
    queryFn: () => repos.tickets.byAccount(accountId ?? ''),
    enabled: !!accountId,
  });
}

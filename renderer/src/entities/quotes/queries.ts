import { useQuery } from '@tanstack/react-query';
import { MEMBER_ROLES, type MemberRole } from '@shared/domain';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';

/** Keys start with the collection read first; quotes also read approvals and settings (live-invalidation.ts). */
export const quoteKeys = {
  all: ['deals', 'quotes'] as const,
  list: (dealId: string, role: string) => [...quoteKeys.all, dealId, role] as const,
  products: () => ['settings', 'products'] as const,
  approvalRules: () => ['settings', 'approvalRules'] as const,
};

/** The signed-in person's role, which decides their discount threshold; a local workspace is its own admin. */
export function useMyRole(): MemberRole {
  const { session } = useWorkspace();
  if (session.mode === 'local') return 'admin';
  return MEMBER_ROLES.find((r) => r === session.role) ?? 'rep';
}

/** A deal's quote versions, newest first, each with its approval's state read from the approvals collection. */
export function useQuotesQuery(dealId: string) {
  const repos = useRepositories();
  const role = useMyRole();
  return useQuery({
    queryKey: quoteKeys.list(dealId, role),
    queryFn: () => repos.quotes.list(dealId, role),
    meta: { collections: ['approvals', 'settings'] },
  });
}

/** The price list (settings kind `product`). */
export function useProductsQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: quoteKeys.products(), queryFn: () => repos.settings.products() });
}

export function useQuoteApprovalRulesQuery() {
  const repos = useRepositories();
  return useQuery({
    queryKey: quoteKeys.approvalRules(),
    queryFn: () => repos.settings.approvalRules(),
  });
}

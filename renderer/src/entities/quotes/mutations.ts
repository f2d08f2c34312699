import { useMutation } from '@tanstack/react-query';
import type { ProductValue, Quote } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import { useMyRole } from './queries';

/*
 * The quote rules (frozen versions, discount approval before sending) are shared/rules/quote-math.ts, applied by
 * QuoteRepository (and by the server); these hooks only call it. Queries refresh from the replica's changes.
 */

export function useNewQuoteVersionMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({ mutationFn: (dealId: string) => repos.quotes.newVersion(dealId, role) });
}

export function useSaveQuoteDraftMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({
    mutationFn: ({ dealId, quote }: { dealId: string; quote: Quote }) =>
      repos.quotes.saveDraft(dealId, quote, role),
  });
}

export function useDeleteQuoteDraftMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({
    mutationFn: ({ dealId, quoteId }: { dealId: string; quoteId: string }) =>
      repos.quotes.deleteDraft(dealId, quoteId, role),
  });
}

export function useRequestQuoteApprovalMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({
    mutationFn: ({ dealId, quoteId }: { dealId: string; quoteId: string }) =>
      repos.quotes.requestApproval(dealId, quoteId, role),
  });
}

export function useMarkQuoteSentMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({
    mutationFn: ({ dealId, quoteId }: { dealId: string; quoteId: string }) =>
      repos.quotes.markSent(dealId, quoteId, role),
  });
}

export function useQuoteOutcomeMutation() {
  const repos = useRepositories();
  const role = useMyRole();
  return useMutation({
    mutationFn: ({
      dealId,
      quoteId,
      outcome,
    }: {
      dealId: string;
      quoteId: string;
      outcome: 'accepted' | 'rejected';
    }) => repos.quotes.setOutcome(dealId, quoteId, outcome, role),
  });
}

export function useSaveProductMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, value }: { id: string | undefined; value: ProductValue }) =>
      repos.settings.saveProduct(id, value),
  });
}

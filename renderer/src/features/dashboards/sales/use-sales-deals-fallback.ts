import { useQuery } from '@tanstack/react-query';
import { toSalesDeal, type SalesDeal } from '@shared/rules/dashboards/filters';
import { useRepositories } from '../../../hooks/use-workspace';

/**
 * TEMPORARY until the sales source lands (sales-source.ts, B8): every live deal read by index and projected onto
 * `SalesDeal`, re-read on every deal change (live-invalidation.ts). `version` is when it was read.
 */
export function useSalesDealsFallback():
  { deals: readonly SalesDeal[]; version: number } | undefined {
  const repos = useRepositories();
  const query = useQuery({
    queryKey: ['deals', 'dashboards', 'salesFallback'] as const,
    queryFn: async () =>
      (
        await repos.deals.readIndexRange(
          {
            index: ['deleted', 'updatedAt'],
            equal: [false],
            range: { lower: 0, upper: Number.MAX_SAFE_INTEGER },
          },
          { deleted: false },
        )
      ).map(toSalesDeal),
  });
  return query.data ? { deals: query.data, version: query.dataUpdatedAt } : undefined;
}

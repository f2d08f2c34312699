import { useQuery } from '@tanstack/react-query';
import type { PendingChange } from '@sync/client/pending-change';
import { useRepositories } from '../../hooks/use-workspace';

type AnyRecord = Record<string, unknown>;

/**
 * The local records behind the waiting changes (for their names and links), keyed 'collection/id'. Live on every
 * collection involved (meta.collections), so a rename shows at once.
 */
export function usePendingRecords(changes: readonly PendingChange[]) {
  const repos = useRepositories();
  const keys = changes.map((c) => `${c.collection}/${c.id}`);
  return useQuery({
    queryKey: ['pending', 'records', ...keys],
    queryFn: async (): Promise<Map<string, AnyRecord>> => {
      const out = new Map<string, AnyRecord>();
      await Promise.all(
        changes.map(async (c) => {
          const record = (await repos[c.collection].get(c.id)) as AnyRecord | null;
          if (record) out.set(`${c.collection}/${c.id}`, record);
        }),
      );
      return out;
    },
    meta: { collections: [...new Set(changes.map((c) => c.collection))] },
    placeholderData: (previous) => previous,
  });
}

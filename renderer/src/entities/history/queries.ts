import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { historyEntrySchema } from '@shared/sync';
import type { TeamSync } from '../../data/team/team-sync';

/** Server-side history is not in the replica: these keys are not live (refetched on focus and on open). */
export const historyKeys = {
  all: ['history'] as const,
  record: (collection: string, id: string) => [...historyKeys.all, collection, id] as const,
};

const historyResponse = z.array(historyEntrySchema);

/** Field-level history of one record from the team server (online only). */
export function useRecordHistoryQuery(
  sync: TeamSync | null,
  collection: string,
  id: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: historyKeys.record(collection, id),
    queryFn: () =>
      sync!.call(
        'GET',
        `/api/records/${encodeURIComponent(collection)}/${encodeURIComponent(id)}/history`,
        historyResponse,
      ),
    enabled: enabled && !!sync && !!id,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

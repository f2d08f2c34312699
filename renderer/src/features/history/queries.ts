import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { historyEntrySchema } from '@shared/sync';
import { useRepositories } from '../../hooks/use-workspace';
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

/** id → name of the workspace's users and teams (from the replica), to show owners and teams by name. */
export function useMemberNames(): ReadonlyMap<string, string> {
  const repos = useRepositories();
  const { data } = useQuery({
    queryKey: ['members', 'names'],
    queryFn: async () => [...(await repos.members.users()), ...(await repos.members.teams())],
  });
  return useMemo(() => new Map((data ?? []).map((m) => [m.id, m.name])), [data]);
}

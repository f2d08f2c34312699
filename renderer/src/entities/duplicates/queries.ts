import { useQuery } from '@tanstack/react-query';
import type { DuplicateProbe } from '@shared/rules/duplicates';
import { duplicateCheckResponse, type DuplicateElsewhere } from '@shared/sync';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { isSyncOnline, useTeamSyncValue } from '../../hooks/use-team-sync-state';
import { findReplicaDuplicates } from '../../data/services/duplicate-check';

/** Keyed under accounts (and listing contacts and leads in meta.collections), so a change to any of them reruns it. */
export const duplicateKeys = {
  replica: (probe: DuplicateProbe, excludeId: string) =>
    ['accounts', 'crossDuplicates', probe, excludeId] as const,
  elsewhere: (probe: DuplicateProbe, excludeId: string) =>
    ['duplicatesElsewhere', probe, excludeId] as const,
};

const hasSomething = (probe: DuplicateProbe) =>
  (probe.name ?? '').trim().length >= 2 ||
  (probe.creditCode ?? '').trim().length >= 18 ||
  (probe.mobile ?? '').trim().length >= 11 ||
  (probe.email ?? '').includes('@');

/**
 * 撞单 while a person types (issue 19): the replica's matching accounts, contacts and open leads (offline too),
 * and — when online — who else in the workspace follows the company outside this person's scope, as the server
 * tells it (owner and team only). Pass a debounced probe: each change asks the server once.
 */
export function useDuplicateCheck(probe: DuplicateProbe, excludeId = '') {
  const repos = useRepositories();
  const { sync } = useWorkspace();
  const online = useTeamSyncValue(sync, isSyncOnline);
  const enabled = hasSomething(probe);
  const replica = useQuery({
    queryKey: duplicateKeys.replica(probe, excludeId),
    queryFn: () => findReplicaDuplicates(repos, probe, excludeId),
    enabled,
    placeholderData: (previous) => previous,
    meta: { collections: ['contacts', 'leads'] },
  });
  const elsewhere = useQuery({
    queryKey: duplicateKeys.elsewhere(probe, excludeId),
    queryFn: async (): Promise<DuplicateElsewhere[]> => {
      const body = { ...probe, ...(excludeId ? { excludeId } : {}) };
      const answer = await sync!.call(
        'POST',
        '/api/duplicates/check',
        duplicateCheckResponse,
        body,
      );
      return answer.matches;
    },
    enabled: enabled && online && !!sync,
    placeholderData: (previous) => previous,
    retry: false,
    staleTime: 30_000,
  });
  return {
    matches: enabled ? (replica.data ?? []) : [],
    // Offline (or a local workspace) the server is not asked, and an old answer is not shown.
    elsewhere: enabled && online ? (elsewhere.data ?? []) : [],
  };
}

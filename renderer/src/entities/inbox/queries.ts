import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { INBOX_COLLECTION, type InboxEntry } from '../../data/inbox-collection';
import { InboxRepository, isCollectionName } from '../../data/repositories/inbox-repository';

/** Keys start with the inbox collection so they stay live (app/live-invalidation.ts). */
export const inboxKeys = {
  all: [INBOX_COLLECTION] as const,
  lists: () => [...inboxKeys.all, 'list'] as const,
  count: () => [...inboxKeys.all, 'count'] as const,
  current: (collection: string, id: string) =>
    [...inboxKeys.all, 'current', collection, id] as const,
};

/** The inbox repository of the open workspace (local-only, so it is not part of the synced repositories). */
export function useInboxRepository(): InboxRepository {
  const { db } = useWorkspace();
  return useMemo(() => new InboxRepository(db), [db]);
}

export function useInboxEntries() {
  const inbox = useInboxRepository();
  return useQuery({ queryKey: inboxKeys.lists(), queryFn: () => inbox.list() });
}

export function useInboxCount() {
  const inbox = useInboxRepository();
  return useQuery({ queryKey: inboxKeys.count(), queryFn: () => inbox.count() });
}

/**
 * The record an entry is about, as it is now on this device (null when it is not there). Live on the
 * record's own collection too (meta.collections), so the comparison follows edits made elsewhere.
 */
export function useInboxCurrentRecord(entry: InboxEntry) {
  const repos = useRepositories();
  const { recordCollection: collection, recordId } = entry;
  return useQuery({
    queryKey: inboxKeys.current(collection, recordId),
    queryFn: async (): Promise<Record<string, unknown> | null> => {
      if (!isCollectionName(collection)) return null;
      return repos[collection].get(recordId);
    },
    meta: { collections: [collection] },
  });
}

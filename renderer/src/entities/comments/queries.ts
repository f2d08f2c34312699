import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '@shared/domain';
import {
  mentionRef,
  mentionTitle,
  parseCommentBody,
  type CommentableCollection,
} from '@shared/rules';
import type { CommentTarget } from '../../data/repositories/activity-repository';
import { searchEverything, type SearchHit } from '../../data/services/global-search';
import { useRepositories } from '../../hooks/use-workspace';
import { useMemberNames } from '../members/queries';

/** Under the activities key: a change to the collection refreshes the thread (app/live-invalidation.ts). */
export const commentKeys = {
  thread: (relatedId: string) => ['activities', 'comments', relatedId] as const,
};

/** A record's comment thread, oldest first. */
export function useComments(relatedId: string) {
  const repos = useRepositories();
  return useQuery({
    queryKey: commentKeys.thread(relatedId),
    queryFn: () => repos.activities.commentsOn(relatedId),
  });
}

/** Refreshes the threads at once (the replica's change stream does too, a moment later). */
function useRefreshThreads() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['activities', 'comments'] });
}

export function useAddCommentMutation(target: CommentTarget) {
  const repos = useRepositories();
  const refresh = useRefreshThreads();
  return useMutation({
    mutationFn: ({ body, replyToId }: { body: string; replyToId?: string }) =>
      repos.activities.addComment(target, body, replyToId),
    onSuccess: refresh,
  });
}

export function useEditCommentMutation() {
  const repos = useRepositories();
  const refresh = useRefreshThreads();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }): Promise<Activity> =>
      repos.activities.editComment(id, body),
    onSuccess: refresh,
  });
}

export function useDeleteCommentMutation() {
  const repos = useRepositories();
  const refresh = useRefreshThreads();
  return useMutation({
    mutationFn: (id: string) => repos.activities.deleteComment(id),
    onSuccess: refresh,
  });
}

/** Records a '#' mention may name: the global search's record hits (plans are not records). */
export async function searchMentionableRecords(
  repos: ReturnType<typeof useRepositories>,
  text: string,
): Promise<SearchHit[]> {
  if (!text.trim()) return [];
  return (await searchEverything(repos, text, 4)).filter((hit) => hit.kind !== 'plans');
}

/**
 * The current names of what a comment body mentions, keyed by `mentionRef` (issue 18): members from the replica's
 * member list, #records read by id from their collections, refreshed when those collections change. What is not in
 * the replica is left out, so the token's stored name shows (shared/rules `withCurrentNames`).
 */
export function useMentionNames(body: string): ReadonlyMap<string, string> {
  const repos = useRepositories();
  const members = useMemberNames();
  const records = useMemo(() => {
    const refs = new Map<string, { collection: CommentableCollection; id: string }>();
    for (const segment of parseCommentBody(body))
      if (segment.kind === 'record') refs.set(mentionRef(segment), segment);
    return [...refs.values()];
  }, [body]);
  const { data: titles } = useQuery({
    queryKey: ['mention-names', ...records.map((r) => `${r.collection}:${r.id}`)],
    queryFn: async () =>
      Promise.all(
        records.map(async ({ collection, id }) => {
          const record = await repos[collection].get(id);
          return [`${collection}:${id}`, record ? mentionTitle(collection, record) : ''] as const;
        }),
      ),
    enabled: records.length > 0,
    meta: { collections: [...new Set(records.map((r) => r.collection))] },
  });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const [id, name] of members) names.set(`member:${id}`, name);
    for (const [ref, title] of titles ?? []) if (title) names.set(ref, title);
    return names;
  }, [members, titles]);
}

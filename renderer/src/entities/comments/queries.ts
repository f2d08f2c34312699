import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Activity } from '@shared/domain';
import type { CommentTarget } from '../../data/repositories/activity-repository';
import { searchEverything, type SearchHit } from '../../data/services/global-search';
import { useRepositories } from '../../hooks/use-workspace';

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

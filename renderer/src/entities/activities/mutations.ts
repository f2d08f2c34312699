import { useMutation } from '@tanstack/react-query';
import type { Activity } from '@shared/domain';
import { useRepositories } from '../../hooks/use-workspace';
import type { CreateInput, UpdateInput } from '../../data/repositories';

export type ActivityInput = CreateInput<Activity>;

export interface CreateActivityVariables {
  input: ActivityInput;
  /** A task for the next step, created together with the logged interaction. */
  followUp?: ActivityInput;
}

export function useCreateActivityMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: async ({ input, followUp }: CreateActivityVariables) => {
      // Validate both first, so a bad follow-up never leaves the interaction saved without its task.
      if (followUp) repos.activities.validate({ ...placeholderMeta(), ...followUp });
      const activity = await repos.activities.create(input);
      const task = followUp ? await repos.activities.create(followUp) : null;
      return { activity, task };
    },
  });
}

export function useUpdateActivityMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInput<Activity> }) =>
      repos.activities.update(id, patch),
  });
}

/** Ticks a task done (or reopens it); stamps doneAt. */
export function useSetActivityDoneMutation() {
  const repos = useRepositories();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => repos.activities.setDone(id, done),
  });
}

export function useDeleteActivityMutation() {
  const repos = useRepositories();
  return useMutation({ mutationFn: (id: string) => repos.activities.softDelete(id) });
}

function placeholderMeta() {
  return {
    id: 'x',
    workspaceId: 'x',
    teamId: '',
    ownerId: '',
    createdAt: 0,
    updatedAt: 0,
    createdBy: '',
    updatedBy: '',
    deleted: false,
  };
}

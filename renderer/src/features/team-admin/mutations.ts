import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  captureKeyResponse,
  createdCaptureKeyResponse,
  createdWebhookResponse,
  type CreateCaptureKeyBody,
  webhookResponse,
  type CreateWebhookBody,
  type createInviteBody,
  type createTeamBody,
  type UpdateWebhookBody,
  type updateUserBody,
} from '@shared/sync';
import { useWorkspace } from '../../hooks/use-workspace';
import type { TeamSync } from '../../data/team/team-sync';
import { memberKeys } from '../../entities/members/queries';
import { inviteResponseSchema, okResponseSchema, teamRowSchema } from './schemas';

type CreateTeamBody = z.input<typeof createTeamBody>;
type UpdateUserBody = z.input<typeof updateUserBody>;
type CreateInviteBody = z.input<typeof createInviteBody>;

function useSync(): TeamSync {
  const { sync } = useWorkspace();
  if (!sync) throw new Error('team administration needs a team workspace');
  return sync;
}

/** Every admin write refreshes the admin lists afterwards (the server is the source of truth here). */
function useAdminMutation<TInput, TResult>(
  run: (sync: TeamSync, input: TInput) => Promise<TResult>,
) {
  const sync = useSync();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TInput) => run(sync, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.admin() }),
  });
}

export function useCreateTeamMutation() {
  return useAdminMutation((sync, body: CreateTeamBody) =>
    sync.call('POST', '/api/teams', teamRowSchema, body),
  );
}

export function useUpdateUserMutation() {
  return useAdminMutation((sync, { id, patch }: { id: string; patch: UpdateUserBody }) =>
    sync.call('PATCH', `/api/users/${encodeURIComponent(id)}`, okResponseSchema, patch),
  );
}

export function useCreateInviteMutation() {
  return useAdminMutation((sync, body: CreateInviteBody) =>
    sync.call('POST', '/api/invites', inviteResponseSchema, body),
  );
}

export function useRevokeDeviceMutation() {
  return useAdminMutation((sync, id: string) =>
    sync.call('POST', `/api/devices/${encodeURIComponent(id)}/revoke`, okResponseSchema),
  );
}

export function useCreateWebhookMutation() {
  return useAdminMutation((sync, body: CreateWebhookBody) =>
    sync.call('POST', '/api/webhooks', createdWebhookResponse, body),
  );
}

export function useUpdateWebhookMutation() {
  return useAdminMutation((sync, { id, patch }: { id: string; patch: UpdateWebhookBody }) =>
    sync.call('PATCH', `/api/webhooks/${encodeURIComponent(id)}`, webhookResponse, patch),
  );
}

export function useDeleteWebhookMutation() {
  return useAdminMutation((sync, id: string) =>
    sync.call('DELETE', `/api/webhooks/${encodeURIComponent(id)}`, okResponseSchema),
  );
}

export function useCreateCaptureKeyMutation() {
  return useAdminMutation((sync, body: CreateCaptureKeyBody) =>
    sync.call('POST', '/api/capture-keys', createdCaptureKeyResponse, body),
  );
}

export function useRevokeCaptureKeyMutation() {
  return useAdminMutation((sync, id: string) =>
    sync.call('POST', `/api/capture-keys/${encodeURIComponent(id)}/revoke`, captureKeyResponse),
  );
}

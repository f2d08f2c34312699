import { useQuery } from '@tanstack/react-query';
import { useWorkspace } from '../../hooks/use-workspace';
import { memberKeys } from '../../entities/members/queries';
import { z } from 'zod';
import { captureKeyResponse, webhookDeliveryResponse, webhookResponse } from '@shared/sync';
import { deviceListSchema, teamListSchema, userListSchema } from './schemas';

export function useAdminTeamsQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminTeams(),
    queryFn: () => sync!.call('GET', '/api/teams', teamListSchema),
    enabled: !!sync,
    retry: false,
  });
}

export function useAdminUsersQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminUsers(),
    queryFn: () => sync!.call('GET', '/api/users', userListSchema),
    enabled: !!sync,
    retry: false,
  });
}

/** Devices are listed to admins only (the server answers 403 to others). */
export function useAdminDevicesQuery(isAdmin: boolean) {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminDevices(),
    queryFn: () => sync!.call('GET', '/api/devices', deviceListSchema),
    enabled: !!sync && isAdmin,
    retry: false,
  });
}

/** Is the signed-in person an admin? The server's user list decides; the session's role until it has loaded. */
export function useIsAdmin(): boolean {
  const { session } = useWorkspace();
  const users = useAdminUsersQuery();
  const me = users.data?.find((u) => u.id === session.userId);
  return (me?.role ?? session.role) === 'admin';
}

/** Outgoing webhooks of the workspace (admins only: the server answers 403 to others). */
export function useWebhooksQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminWebhooks(),
    queryFn: () => sync!.call('GET', '/api/webhooks', z.array(webhookResponse)),
    enabled: !!sync,
    retry: false,
  });
}

/** The delivery log of one webhook, newest first (refreshed every 5 s while shown: retries run on the server). */
export function useWebhookDeliveriesQuery(id: string) {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminWebhookDeliveries(id),
    queryFn: () =>
      sync!.call(
        'GET',
        `/api/webhooks/${encodeURIComponent(id)}/deliveries`,
        z.array(webhookDeliveryResponse),
      ),
    enabled: !!sync,
    retry: false,
    refetchInterval: 5_000,
  });
}

/** Capture keys of the workspace (admins only): the lead sources that post leads (issue 19). */
export function useCaptureKeysQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: memberKeys.adminCaptureKeys(),
    queryFn: () => sync!.call('GET', '/api/capture-keys', z.array(captureKeyResponse)),
    enabled: !!sync,
    retry: false,
    // "Last used" changes on the server with every post: read it again whenever the page opens.
    refetchOnMount: 'always',
  });
}

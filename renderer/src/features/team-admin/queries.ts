import { useQuery } from '@tanstack/react-query';
import { useWorkspace } from '../../hooks/use-workspace';
import { deviceListSchema, teamListSchema, userListSchema } from './schemas';

/**
 * Admin lists come from the team server (REST), not the replica. Keys start with 'members' so they refresh
 * whenever the mirrored users/teams in the replica change (app/live-invalidation.ts).
 */
export const teamAdminKeys = {
  all: ['members', 'admin'] as const,
  teams: () => [...teamAdminKeys.all, 'teams'] as const,
  users: () => [...teamAdminKeys.all, 'users'] as const,
  devices: () => [...teamAdminKeys.all, 'devices'] as const,
};

export function useAdminTeamsQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: teamAdminKeys.teams(),
    queryFn: () => sync!.call('GET', '/api/teams', teamListSchema),
    enabled: !!sync,
    retry: false,
  });
}

export function useAdminUsersQuery() {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: teamAdminKeys.users(),
    queryFn: () => sync!.call('GET', '/api/users', userListSchema),
    enabled: !!sync,
    retry: false,
  });
}

/** Devices are listed to admins only (the server answers 403 to others). */
export function useAdminDevicesQuery(isAdmin: boolean) {
  const { sync } = useWorkspace();
  return useQuery({
    queryKey: teamAdminKeys.devices(),
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

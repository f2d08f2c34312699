import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Member } from '@shared/domain';
import type { Repositories } from '../../data/repositories';
import { useRepositories } from '../../hooks/use-workspace';

export const memberKeys = {
  all: ['members'] as const,
  users: () => [...memberKeys.all, 'users'] as const,
  teams: () => [...memberKeys.all, 'teams'] as const,
  names: () => [...memberKeys.all, 'names'] as const,
  assignable: () => [...memberKeys.all, 'assignable'] as const,
  /**
   * Admin lists come from the team server (REST), not the replica. They sit under 'members' so they refresh
   * whenever the mirrored users/teams in the replica change (app/live-invalidation.ts).
   */
  admin: () => [...memberKeys.all, 'admin'] as const,
  adminTeams: () => [...memberKeys.admin(), 'teams'] as const,
  adminUsers: () => [...memberKeys.admin(), 'users'] as const,
  adminDevices: () => [...memberKeys.admin(), 'devices'] as const,
  adminWebhooks: () => [...memberKeys.admin(), 'webhooks'] as const,
  adminCaptureKeys: () => [...memberKeys.admin(), 'captureKeys'] as const,
  adminWebhookDeliveries: (id: string) =>
    [...memberKeys.adminWebhooks(), id, 'deliveries'] as const,
};

export function useUsersQuery() {
  const repos = useRepositories();
  return useQuery({ queryKey: memberKeys.users(), queryFn: () => repos.members.users() });
}

/** Puts already-read users in the cache (cold start: the first list names owners in its first render). */
export function seedUsers(queryClient: QueryClient, users: Member[]): void {
  queryClient.setQueryData(memberKeys.users(), users);
}

/** Starts reading the users early (the first list shows owners by name). */
export function prefetchUsers(queryClient: QueryClient, repos: Repositories): void {
  void queryClient.prefetchQuery({
    queryKey: memberKeys.users(),
    queryFn: () => repos.members.users(),
  });
}

/** id → user, for showing owners by name (an owner is a user of the workspace). */
export function useUserMap(): Map<string, Member> {
  const { data } = useUsersQuery();
  return useMemo(() => new Map((data ?? []).map((m) => [m.id, m])), [data]);
}

/** Select options of the workspace's users. */
export function useUserOptions() {
  const { data } = useUsersQuery();
  return useMemo(() => (data ?? []).map((m) => ({ value: m.id, label: m.name })), [data]);
}

/**
 * Select options for a record's owner: the people this person may assign records to (themselves, the people of
 * the teams in their scope; everyone for an admin), plus the record's current owner so it still shows.
 */
export function useOwnerOptions(currentOwnerId = '') {
  const repos = useRepositories();
  const { data } = useQuery({
    queryKey: memberKeys.assignable(),
    queryFn: () => repos.members.assignableOwners(),
  });
  const users = useUserMap();
  return useMemo(() => {
    const options = (data ?? []).map((m) => ({ value: m.id, label: m.name }));
    const current = users.get(currentOwnerId);
    if (current && !options.some((o) => o.value === current.id))
      options.push({ value: current.id, label: current.name });
    return options;
  }, [data, users, currentOwnerId]);
}

/** id → name of the workspace's users and teams (from the replica), to show owners and teams by name. */
export function useMemberNames(): ReadonlyMap<string, string> {
  const repos = useRepositories();
  const { data } = useQuery({
    queryKey: memberKeys.names(),
    queryFn: async () => [...(await repos.members.users()), ...(await repos.members.teams())],
  });
  return useMemo(() => new Map((data ?? []).map((m) => [m.id, m.name])), [data]);
}

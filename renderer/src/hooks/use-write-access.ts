import { useContext } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { CollectionName } from '@shared/domain';
import { checkWrite, type RejectReasonKey } from '@shared/sync';
import { readAccess } from '../data/access';
import { WorkspaceContext } from './use-workspace';

/** Keys of the access query: under 'members', so a change of the user's member record or the team tree refreshes it. */
export const accessKeys = {
  all: ['members', 'access'] as const,
  of: (userId: string) => [...accessKeys.all, userId] as const,
};

export interface WriteAccess {
  /** False while the rights are still being read, too (nothing is offered until they are known). */
  known: boolean;
  canWrite: boolean;
  /** Why not (a RejectReason key) and its values, e.g. the team shared read-only. */
  reason?: RejectReasonKey;
  params?: Record<string, string>;
  /** The name of the team in `params.team`, when the replica knows it. */
  teamName?: string;
}

/** The part of a record the rights depend on. */
export type AccessRecord = { id: string; teamId: string; ownerId: string; workspaceId: string };

/**
 * May the person at this computer write `record` (null: create a new one in their team)? The answer is the
 * shared rule the server applies (checkWrite), never decided in a component. A read-only record's page and form
 * show values without edit controls.
 */
export function useWriteAccess(
  collection: CollectionName,
  record: AccessRecord | null,
): WriteAccess {
  // Pages may render while the replica still opens (app/pending-repositories.ts): the rights wait for it.
  const workspace = useContext(WorkspaceContext);
  const { data } = useQuery({
    queryKey: accessKeys.of(workspace?.session.userId ?? ''),
    queryFn: workspace ? () => readAccess(workspace.repos, workspace.session) : skipToken,
  });
  if (!data || !workspace) return { known: false, canWrite: false };
  const { session } = workspace;
  const target = record ?? {
    id: '',
    teamId: session.teamId,
    ownerId: session.userId,
    workspaceId: session.workspaceId,
  };
  const check = checkWrite(data.principal, data.scope, collection, record, target);
  if (check.ok) return { known: true, canWrite: true };
  const team = check.params?.team;
  return {
    known: true,
    canWrite: false,
    reason: check.reason,
    params: check.params,
    teamName: team ? data.teamNames.get(team) : undefined,
  };
}

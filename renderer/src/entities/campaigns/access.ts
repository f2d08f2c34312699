import { useMemo } from 'react';
import { useWorkspace } from '../../hooks/use-workspace';
import { useWriteAccess, type AccessRecord, type WriteAccess } from '../../hooks/use-write-access';

/**
 * May this person create and change campaigns? The shared rule says (shared/sync checkWrite: admins and managers;
 * everyone in a local workspace), asked for a workspace-wide settings record of kind 'campaign'.
 */
export function useCampaignWriteAccess(): WriteAccess {
  const { session } = useWorkspace();
  const record = useMemo<AccessRecord & { kind: string }>(
    () => ({
      id: '',
      teamId: '',
      ownerId: session.userId,
      workspaceId: session.workspaceId,
      kind: 'campaign',
    }),
    [session.userId, session.workspaceId],
  );
  return useWriteAccess('settings', record);
}

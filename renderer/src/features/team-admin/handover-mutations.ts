import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  handoverPreviewResponse,
  handoverResultResponse,
  type HandoverBody,
  type HandoverPreviewBody,
} from '@shared/sync';
import { useWorkspace } from '../../hooks/use-workspace';
import { memberKeys } from '../../entities/members/queries';

/**
 * Handover when someone leaves (离职交接, issue 19): the server decides and moves everything
 * (sync/server/handover); the screen only asks for the preview and the move, both answers parsed.
 */
export function useHandoverPreviewMutation() {
  const { sync } = useWorkspace();
  return useMutation({
    mutationFn: (body: HandoverPreviewBody) => {
      if (!sync) throw new Error('a handover needs a team workspace');
      return sync.call('POST', '/api/handover/preview', handoverPreviewResponse, body);
    },
  });
}

/** The move itself; the people list is read again (the leaving person may be deactivated now). */
export function useHandoverMutation() {
  const { sync } = useWorkspace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HandoverBody) => {
      if (!sync) throw new Error('a handover needs a team workspace');
      return sync.call('POST', '/api/handover', handoverResultResponse, body);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.admin() }),
  });
}

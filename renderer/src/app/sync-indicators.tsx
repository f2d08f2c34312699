import { Badge } from '@mantine/core';
import type { Session } from '../data/session';
import type { TeamSync } from '../data/team/team-sync';
import { useTeamSyncValue } from '../hooks/use-team-sync-state';
import { traySyncStatus } from '../platform/tray-sync-status';
import { useDesktopIntegration } from '../platform/use-desktop-integration';

/*
 * The shell's sync indicators subscribe to the sync state themselves: the layout around every page must not
 * re-render when a save changes the pending count (BENCHMARKS.md "B4.ui").
 */

/** The desktop shell's hooks (useDesktopIntegration), with the tray icon following the sync state. */
export function DesktopIntegration({ session, sync }: { session: Session; sync: TeamSync | null }) {
  const state = useTeamSyncValue(sync, (s) => s);
  useDesktopIntegration({
    syncStatus: traySyncStatus({
      mode: session.mode,
      connection: state?.connection,
      pending: state?.pending,
      signedOut: state?.signedOut,
      revoked: state?.revoked,
      initialDownload: Boolean(state?.initialDownload),
    }),
  });
  return null;
}

/** The count of records with changes waiting for the server (nothing when none wait). */
export function PendingCountBadge({ sync }: { sync: TeamSync }) {
  const pending = useTeamSyncValue(sync, (s) => s?.pending ?? 0);
  if (pending <= 0) return null;
  return (
    <Badge size="sm" color="yellow" variant="light" data-testid="pending-count-badge">
      {pending}
    </Badge>
  );
}

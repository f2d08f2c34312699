import { useEffect, useState } from 'react';
import type { PlannedNotification } from '@shared/rules';
import type { Workspace } from '../../data/workspace';
import { InboxService } from '../../data/services/inbox/inbox-service';
import { InboxNotifier } from '../../data/services/inbox/inbox-notifier';
import { createInboxSources } from '../../data/services/inbox/inbox-sources';
import { getBridge } from '../../platform/bridge';
import { logError } from '../../platform/log';
import { afterFirstContent } from '../../platform/startup';
import {
  loadNotifyState,
  loadQuietHours,
  onQuietHoursChange,
  saveNotifyState,
} from '../../platform/inbox-preferences';
import { i18n } from '../../i18n';
import { notificationText } from './inbox-texts';

/**
 * Runs the signed-in member's inbox while the workspace is open: the service (sources + synced marks) and the
 * notifier (desktop notifications through the preload bridge, or the browser's Notification API). Started after
 * the first screen has its content, so it never competes with the cold start.
 */
export function useInboxRuntime(workspace: Workspace | null): InboxService | null {
  const [service, setService] = useState<InboxService | null>(null);
  useEffect(() => {
    if (!workspace) return;
    const { session, repos } = workspace;
    const inbox = new InboxService({
      sources: createInboxSources(repos, logError),
      marks: repos.inbox_marks,
      viewerId: session.userId,
      onError: logError,
    });
    const show = async (notification: PlannedNotification) => {
      const users = await repos.members.users();
      const names = new Map(users.map((user) => [user.id, user.name]));
      return getBridge().showReminder(notificationText(i18n.t, notification, names));
    };
    const notifier = new InboxNotifier({
      inbox,
      show,
      loadState: () => loadNotifyState(session.workspaceId, session.userId),
      saveState: (state) => saveNotifyState(session.workspaceId, session.userId, state),
      quietHours: () => loadQuietHours(session.userId),
      onError: logError,
    });
    let stopped = false;
    afterFirstContent(() => {
      if (stopped) return;
      inbox.start();
      notifier.start();
    });
    const stopQuiet = onQuietHoursChange(() => notifier.check());
    setService(inbox);
    return () => {
      stopped = true;
      stopQuiet();
      notifier.stop();
      inbox.stop();
      setService(null);
    };
  }, [workspace]);
  return service;
}

import { DocManager, docPlainText } from '@sync/client';
import { PlanTextIndex } from '../data/services/plan-text-index';
import type { TeamSync } from '../team/team-sync';
import type { Session } from './session';

/** Caret and avatar colours: distinct, readable on white and dark, valid for CollaborationCaret (#rrggbb). */
const PRESENCE_COLORS = ['#e03131', '#c2255c', '#9c36b5', '#6741d9', '#3b5bdb', '#1971c2', '#0c8599', '#099268', '#2f9e44', '#e8590c', '#f08c00'];

/** A stable colour per person, the same on every device. */
export function presenceColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}

/** How often documents edited while not synced are retried in the background. */
const FLUSH_INTERVAL_MS = 60_000;

/** The workspace's collaborative documents: the engine (DocManager) and the local plan-text search index. */
export interface Documents {
  docs: DocManager;
  planIndex: PlanTextIndex;
  close(wipe: boolean): Promise<void>;
}

/**
 * Starts the document engine of a workspace. Local workspaces keep documents on this device only (IndexedDB);
 * team workspaces also sync them live with the server on the same sign-in (TeamSync's tokens), follow the OS
 * network state, and flush documents edited while offline in the background.
 */
export function openDocuments(session: Session, sync: TeamSync | null): Documents {
  const team = session.mode === 'team' && sync !== null && Boolean(session.serverUrl);
  const namespace = (team ? `team:${session.workspaceId}:${session.userId}` : `local:${session.workspaceId}`).toLowerCase().replace(/[^a-z0-9:_-]/g, '-');
  const planIndex = new PlanTextIndex(`crm-plan-text-${namespace.replace(/:/g, '-')}`);
  const docs = new DocManager({
    mode: team ? 'team' : 'local',
    namespace,
    store: { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) },
    user: { name: session.userName || session.userId, color: presenceColor(session.userId), userId: session.userId },
    releaseGraceMs: 1500,
    onDocChanged: (name, doc) => void planIndex.put(name, docPlainText(doc)).catch(() => undefined),
    ...(team && sync
      ? {
          serverUrl: session.serverUrl,
          getAccessToken: () => sync.getAccessToken(),
          refreshAccessToken: () => sync.refreshAccessToken(),
          online: navigator.onLine,
        }
      : {}),
  });
  const handleOnline = () => docs.setOnline(true);
  const handleOffline = () => docs.setOnline(false);
  let timer: ReturnType<typeof setInterval> | null = null;
  if (team) {
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    const flush = () => {
      if (docs.online && docs.dirtyDocs().length > 0) void docs.flushDirty();
    };
    setTimeout(flush, 2000);
    timer = setInterval(flush, FLUSH_INTERVAL_MS);
  }
  return {
    docs,
    planIndex,
    async close(wipe) {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
      if (timer) clearInterval(timer);
      await docs.destroy({ wipe });
      if (wipe) await planIndex.wipe();
      else planIndex.close();
    },
  };
}

import { DocManager, docPlainText, type PresenceUser } from '@sync/client/docs';
import type { PlanTextIndex } from '../services/plan-text-index';
import type { TeamSync } from '../team/team-sync';
import type { Session } from '../session';
import { logError } from '../../platform/log';

/** How often documents edited while not synced are retried in the background. */
const FLUSH_INTERVAL_MS = 60_000;

export interface DocEngine {
  docs: DocManager;
  close(wipe: boolean): Promise<void>;
}

/**
 * The document engine of a workspace (Yjs, y-indexeddb, y-websocket: a large chunk of its own, loaded by
 * documents.ts when a document is first needed or once the first screen is up). Local workspaces keep
 * documents on this device only (IndexedDB); team workspaces also sync them live with the server on the same
 * sign-in (TeamSync's tokens), follow the OS network state, and flush documents edited while offline.
 */
export function startDocEngine(options: {
  session: Session;
  sync: TeamSync | null;
  namespace: string;
  user: PresenceUser;
  planIndex: PlanTextIndex;
}): DocEngine {
  const { session, sync, namespace, user, planIndex } = options;
  const team = session.mode === 'team' && sync !== null && Boolean(session.serverUrl);
  const docs = new DocManager({
    mode: team ? 'team' : 'local',
    namespace,
    store: { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) },
    user,
    releaseGraceMs: 1500,
    onDocChanged: (name, doc) =>
      void planIndex
        .put(name, docPlainText(doc))
        .catch((error: unknown) => logError('index a plan for search', error)),
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
  let firstFlush: ReturnType<typeof setTimeout> | null = null;
  if (team) {
    window.addEventListener('online', handleOnline);
    window.addEventListener('offline', handleOffline);
    const flush = () => {
      if (docs.online && docs.dirtyDocs().length > 0) void docs.flushDirty();
    };
    firstFlush = setTimeout(flush, 2000);
    timer = setInterval(flush, FLUSH_INTERVAL_MS);
  }
  return {
    docs,
    async close(wipe) {
      window.removeEventListener('online', handleOnline);
      window.removeEventListener('offline', handleOffline);
      if (timer) clearInterval(timer);
      if (firstFlush) clearTimeout(firstFlush);
      await docs.destroy({ wipe });
    },
  };
}

import type { DocManager, PresenceUser } from '@sync/client/docs';
// The lists module itself, not the barrel: counting must not bring Yjs into the main bundle.
import { unsyncedDocNames } from '@sync/client/docs/doc-lists';
import { PlanTextIndex } from '../services/plan-text-index';
import type { TeamSync } from '../team/team-sync';
import type { Session } from '../session';
import type { DocEngine } from './doc-engine';
import { afterFirstContent } from '../../platform/startup';
import { logError } from '../../platform/log';

/** Caret and avatar colours: distinct, readable on white and dark, valid for CollaborationCaret (#rrggbb). */
const PRESENCE_COLORS = [
  '#e03131',
  '#c2255c',
  '#9c36b5',
  '#6741d9',
  '#3b5bdb',
  '#1971c2',
  '#0c8599',
  '#099268',
  '#2f9e44',
  '#e8590c',
  '#f08c00',
];

/** Where the document engine keeps its lists on this computer (doc-engine.ts uses the same). */
const deviceStore = {
  get: (key: string) => localStorage.getItem(key),
  set: (key: string, value: string) => localStorage.setItem(key, value),
};

/** A stable colour per person, the same on every device. */
export function presenceColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}

/** The workspace's collaborative documents: the engine (DocManager, loaded on demand) and the local plan-text search index. */
export interface Documents {
  /** Who edits here (carets, presence), known without the engine. */
  user: PresenceUser;
  planIndex: PlanTextIndex;
  /** The document engine; its code loads on the first call (cold start keeps Yjs out of the main bundle). */
  engine(): Promise<DocManager>;
  /**
   * Plans and notes edited on this computer that the server has not confirmed storing (team workspaces; read
   * from the persisted dirty list, so it holds after a reload and before the engine has started).
   */
  unsyncedCount(): number;
  /** Calls `listener` when documents are edited or confirmed (starts the engine); returns the unsubscribe. */
  onUnsyncedChange(listener: () => void): () => void;
  /** Sends the unsynced documents now (when online) and resolves when the attempt is over. */
  syncNow(): Promise<void>;
  close(wipe: boolean): Promise<void>;
}

/**
 * The documents of a workspace. The engine (doc-engine.ts) is started once the first screen is up — team
 * workspaces then flush documents edited offline and follow the network — or earlier when a document is opened.
 */
export function openDocuments(session: Session, sync: TeamSync | null): Documents {
  const team = session.mode === 'team' && sync !== null && Boolean(session.serverUrl);
  const namespace = (
    team ? `team:${session.workspaceId}:${session.userId}` : `local:${session.workspaceId}`
  )
    .toLowerCase()
    .replace(/[^a-z0-9:_-]/g, '-');
  const planIndex = new PlanTextIndex(`crm-plan-text-${namespace.replace(/:/g, '-')}`);
  const user: PresenceUser = {
    name: session.userName || session.userId,
    color: presenceColor(session.userId),
    userId: session.userId,
  };
  let engine: Promise<DocEngine> | null = null;
  let closed = false;
  const start = (): Promise<DocEngine> => {
    engine ??= import('./doc-engine').then(({ startDocEngine }) =>
      startDocEngine({ session, sync, namespace, user, planIndex }),
    );
    return engine;
  };
  // Team workspaces start the engine (offline edits flush, live sync); local ones only fetch its code, so a
  // plan opens without the network later (the web build may lose it after start).
  afterFirstContent(() => {
    if (closed) return;
    if (team) void start().catch((error: unknown) => logError('start the document sync', error));
    // Prefetch only: opening a plan imports the engine again (and reports a failure there).
    else void import('./doc-engine').catch(() => undefined);
  });
  return {
    user,
    planIndex,
    engine: () => {
      if (closed) return Promise.reject(new Error('documents closed'));
      return start().then((e) => e.docs);
    },
    unsyncedCount: () => (team ? unsyncedDocNames(deviceStore, namespace).length : 0),
    onUnsyncedChange(listener) {
      if (!team || closed) return () => undefined;
      let stopped = false;
      let unsubscribe: () => void = () => undefined;
      void start()
        .then(({ docs }) => {
          if (stopped) return;
          const subscription = docs.unsyncedCount$.subscribe(() => listener());
          unsubscribe = () => subscription.unsubscribe();
        })
        .catch((error: unknown) => logError('start the document sync', error));
      return () => {
        stopped = true;
        unsubscribe();
      };
    },
    async syncNow() {
      if (!team || closed) return;
      const { docs } = await start();
      if (docs.online) await docs.flushDirty();
    },
    async close(wipe) {
      closed = true;
      // A wipe must also remove documents stored on this device when the engine never started this session.
      const running = wipe ? start() : engine;
      try {
        if (running) await (await running).close(wipe);
      } finally {
        // The plan-text index goes even when the engine could not be loaded or closed.
        if (wipe) await planIndex.wipe();
        else planIndex.close();
      }
    },
  };
}

import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  LOCAL_TEAM_ID,
  LOCAL_USER_ID,
  LOCAL_WORKSPACE_ID,
} from '@shared/domain';
import { openCrmDatabase, type CrmDatabase } from './database';
import { createRepositories, type Repositories } from './repositories';
import { databaseNameFor, type Session } from './session';
import type { CollectionName } from '@shared/domain';
// The module itself, not the @sync/client barrel: the barrel also brings the document engine (Yjs) into the main bundle.
import { RejectedRegistry, createConflictHandler } from '@sync/client/conflict-handler';
import type { TeamSync } from './team/team-sync';
import { openDocuments, type Documents } from './documents/documents';
import { SearchService } from './search/search-service';
import { afterFirstContent } from '../platform/startup';
import { logError } from '../platform/log';
import { backfillLastActivity } from './services/last-activity-backfill';
import {
  closeSalesDealSource,
  preloadSalesDealSource,
} from './services/dashboards/sales-source-registry';

export interface Workspace {
  session: Session;
  db: CrmDatabase;
  repos: Repositories;
  /** Team workspaces only: the sync with the team server. */
  sync: TeamSync | null;
  /** Collaborative documents (account plans, deal and meeting notes) and their local search index. */
  documents: Documents;
  /** The search index over the replica's records (global search, list text filters and counts). */
  search: SearchService;
}

export function localSession(userName: string, workspaceName: string): Session {
  return {
    mode: 'local',
    workspaceId: LOCAL_WORKSPACE_ID,
    workspaceName,
    userId: LOCAL_USER_ID,
    userName,
    teamId: LOCAL_TEAM_ID,
  };
}

/** Opens the replica of a session's workspace and makes sure it has its user, team and pipeline. */
export async function openWorkspace(session: Session): Promise<Workspace> {
  const rejected = new RejectedRegistry();
  const db = await openCrmDatabase({
    name: databaseNameFor(session),
    devMode: import.meta.env.DEV,
    ...(session.mode === 'team'
      ? { conflictHandlerFor: (name: CollectionName) => createConflictHandler(name, rejected) }
      : {}),
  });
  performance.mark('crm:replica-open-end');
  // The worker is created at once (the web build must fetch its script while the network is still there: a
  // person may go offline right after start); its snapshot loads once the first screen is up (startup.ts),
  // or earlier when something asks for it (search, a list filter only the index answers).
  const search = new SearchService(db, { name: `crm-search-${databaseNameFor(session)}` });
  search.prepare();
  afterFirstContent(
    () => void search.start().catch((error: unknown) => logError('start the search index', error)),
  );
  // Once per replica after the issue-18 migration: lastActivityAt from the activities it already holds.
  afterFirstContent(
    () =>
      void backfillLastActivity(
        db,
        {
          get: (key) => localStorage.getItem(key),
          set: (key, value) => localStorage.setItem(key, value),
        },
        `crm.lastActivityBackfill.${databaseNameFor(session)}`,
      ).catch((error: unknown) => logError('back-fill last activity', error)),
  );
  const repos = createRepositories({
    db,
    actor: { userId: session.userId, workspaceId: session.workspaceId, teamId: session.teamId },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    textIndex: search,
  });
  // A manager's sales dashboard finds its deals in memory (BENCHMARKS.md B8).
  afterFirstContent(
    () =>
      void preloadSalesDealSource(
        { repos, replicaName: databaseNameFor(session) },
        session.userId,
      ).catch((error: unknown) => logError('preload the sales dashboard source', error)),
  );
  if (session.mode === 'team') {
    // Members, teams and the pipeline come from the server.
    // The sync engine is not in the main bundle: a local workspace never loads it.
    const { TeamSync } = await import('./team/team-sync');
    const sync = new TeamSync(db, session, rejected);
    await sync.start();
    return { session, db, repos, sync, search, documents: openDocuments(session, sync) };
  }
  await ensureWorkspaceBasics(repos, session);
  performance.mark('crm:workspace-basics');
  return { session, db, repos, sync: null, search, documents: openDocuments(session, null) };
}

/** Closes a workspace; `wipe` also deletes its local replica (sign-out, revoked device). */
export async function closeWorkspace(workspace: Workspace, wipe: boolean): Promise<void> {
  await workspace.sync?.stop();
  // Closing goes on past a part that fails (the workspace is left either way); the failure is logged.
  await workspace.documents
    .close(wipe)
    .catch((error: unknown) => logError('close the documents', error));
  await (wipe ? workspace.search.destroy() : workspace.search.stop()).catch((error: unknown) =>
    logError('close the search index', error),
  );
  await closeSalesDealSource(
    { repos: workspace.repos, replicaName: databaseNameFor(workspace.session) },
    wipe,
  ).catch((error: unknown) => logError('close the sales dashboard source', error));
  if (wipe) await workspace.db.remove();
  else await workspace.db.close();
}

async function ensureWorkspaceBasics(repos: Repositories, session: Session): Promise<void> {
  // Read together (three IndexedDB round trips at once, not one after another: they are on every start).
  const [team, user, pipeline] = await Promise.all([
    session.teamId ? repos.members.get(session.teamId) : Promise.resolve(null),
    repos.members.get(session.userId),
    repos.settings.get(DEFAULT_PIPELINE_ID),
  ]);
  if (!team && session.teamId) {
    await repos.members.create({
      id: session.teamId,
      kind: 'team',
      name: session.workspaceName || 'Team',
      email: '',
      role: '',
      parentTeamId: '',
      teamIds: [],
      active: true,
    });
  }
  if (!user) {
    await repos.members.create({
      id: session.userId,
      kind: 'user',
      name: session.userName || 'Me',
      email: '',
      role: 'admin',
      parentTeamId: '',
      teamIds: session.teamId ? [session.teamId] : [],
      active: true,
    });
  }
  if (!pipeline) {
    await repos.settings.create({
      id: DEFAULT_PIPELINE_ID,
      kind: 'pipeline',
      key: DEFAULT_PIPELINE_ID,
      value: DEFAULT_PIPELINE,
    });
  }
}

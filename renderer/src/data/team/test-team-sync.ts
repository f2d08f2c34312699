import { BehaviorSubject } from 'rxjs';
import type { PendingChange } from '@sync/client/pending-change';
import type { TeamSync, TeamSyncState } from './team-sync';

/** What the renderer's tests read of a team sync: its state and the engine's pending changes (no socket). */
export interface TestTeamSync {
  sync: TeamSync;
  state$: BehaviorSubject<TeamSyncState>;
  pendingChanges$: BehaviorSubject<readonly PendingChange[]>;
}

/** A team sync stand-in for component tests: push states and pending changes through the subjects. */
export function testTeamSync(
  state: Partial<TeamSyncState> = {},
  changes: readonly PendingChange[] = [],
): TestTeamSync {
  const state$ = new BehaviorSubject<TeamSyncState>({
    connection: 'offline',
    pending: 0,
    pendingEdits: 0,
    lastSyncedAt: null,
    initialDownload: null,
    revoked: false,
    signedOut: false,
    ...state,
  });
  const pendingChanges$ = new BehaviorSubject<readonly PendingChange[]>(changes);
  const sync = { state$, engine: { pendingChanges$ } } as Partial<TeamSync> as TeamSync;
  return { sync, state$, pendingChanges$ };
}

/** A waiting change of one record's fields (since: epoch ms of the first edit). */
export function pendingChange(
  collection: PendingChange['collection'],
  id: string,
  fields: string[],
  since: number,
  edits = fields.length,
): PendingChange {
  return {
    collection,
    id,
    created: false,
    fields: fields.map((path) => ({
      path,
      field: path.split('[')[0],
      since,
      stamp: `${String(since).padStart(15, '0')}-0000-dev`,
      edits: 1,
    })),
    since,
    lastAt: since,
    edits,
  };
}

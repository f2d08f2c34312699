import { afterEach, describe, expect, it } from 'vitest';
import { BehaviorSubject } from 'rxjs';
import { dirtyListKey } from '@sync/client/docs/doc-lists';
import { openDocuments } from './documents/documents';
import type { TeamSync, TeamSyncState } from './team/team-sync';
import type { Session } from './session';
import { countUnsyncedWork, hasUnsyncedWork, watchUnsyncedWork } from './unsynced-work';

const teamSession: Session = {
  mode: 'team',
  workspaceId: 'ws-1',
  workspaceName: '华东销售部',
  userId: 'user-1',
  userName: '林晓',
  teamId: 'team-1',
  serverUrl: 'http://127.0.0.1:9',
};

/** The part of TeamSync the count reads: its engine's pending list and its state. */
function fakeSync(pending: number) {
  const state$ = new BehaviorSubject({ pending } as TeamSyncState);
  return { engine: { pendingCount: pending }, state$ } as unknown as TeamSync;
}

afterEach(() => localStorage.clear());

describe('counting unsynced work before sign-out', () => {
  it('counts pending records and the documents on the dirty list, before the document engine starts', async () => {
    // Edited offline in an earlier run of the app: the plan and the notes are on the persisted dirty list.
    localStorage.setItem(
      dirtyListKey('team:ws-1:user-1'),
      JSON.stringify(['account-plan:acc-1', 'activity-notes:act-2']),
    );
    const sync = fakeSync(3);
    const documents = openDocuments(teamSession, sync);
    const work = countUnsyncedWork({ sync, documents });
    expect(work).toEqual({ records: 3, documents: 2 });
    expect(hasUnsyncedWork(work)).toBe(true);
    await documents.close(false);
  });

  it('counts no documents in a local workspace, and nothing when all is synced', async () => {
    localStorage.setItem(dirtyListKey('local:ws-1'), JSON.stringify(['account-plan:acc-1']));
    const documents = openDocuments({ ...teamSession, mode: 'local', serverUrl: undefined }, null);
    const work = countUnsyncedWork({ sync: null, documents });
    expect(work).toEqual({ records: 0, documents: 0 });
    expect(hasUnsyncedWork(work)).toBe(false);
    await documents.close(false);
  });

  it('hears a change of the record count', async () => {
    const sync = fakeSync(1);
    const documents = openDocuments({ ...teamSession, mode: 'local', serverUrl: undefined }, null);
    let calls = 0;
    const stop = watchUnsyncedWork({ sync, documents }, () => (calls += 1));
    const before = calls;
    sync.state$.next({ ...sync.state$.value, pending: 0 });
    expect(calls).toBe(before + 1);
    stop();
    await documents.close(false);
  });
});

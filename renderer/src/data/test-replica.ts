import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openCrmDatabase, type CrmDatabase } from './database';
import { createRepositories, type Repositories } from './repositories';

/** An in-memory replica for the renderer's unit tests, with repositories on a predictable clock. */
export interface TestReplica {
  db: CrmDatabase;
  repos: Repositories;
  /** The repositories' clock: each call, and each write, moves it on one second. */
  now: () => number;
}

/**
 * Opens an empty in-memory replica whose repositories act as user u1 of team t1 in workspace w1 and
 * give ids `id-1`, `id-2`, … The caller closes `db` (afterEach).
 */
export async function openTestReplica(): Promise<TestReplica> {
  let clock = 1_700_000_000_000;
  let seq = 0;
  const now = () => (clock += 1000);
  const db = await openCrmDatabase({
    name: `test-${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
  });
  const repos = createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now,
    newId: () => `id-${++seq}`,
  });
  return { db, repos, now };
}

import type { CollectionName, Member } from '@shared/domain';
import type { SampleData } from '@shared/sample-data';
import type { Sql } from '../db/sql';
import type { RecordStore } from '../records/record-store';
import { hashPassword } from '../auth/passwords';

/**
 * Fast, trusted seeding of a server database (benchmarks, demos, load tests): a workspace with its teams
 * and users taken from `members` records, then a generated data set streamed in batches through
 * RecordStore.bulkUpsert. Nothing here runs on a request path; it is the "known state in seconds" the
 * benchmark suite starts from (BENCHMARKS.md "Data sets").
 */
export interface SeedWorkspaceOptions {
  workspaceId: string;
  workspaceName: string;
  /** Teams and users (the `members` collection); users get a login with `password`. */
  members: readonly Member[];
  password: string;
  /** Password hash to reuse (hashing is slow on purpose; 1,000 users would take over a minute). */
  passwordHash?: string;
}

/** Creates the workspace, its team tree and users in the admin tables, and the members records. */
export async function seedWorkspace(
  sql: Sql,
  records: RecordStore,
  options: SeedWorkspaceOptions,
): Promise<{ passwordHash: string }> {
  const passwordHash = options.passwordHash ?? (await hashPassword(options.password));
  const now = Date.now();
  const teams = options.members.filter((m) => m.kind === 'team');
  const users = options.members.filter((m) => m.kind === 'user');
  // Parents before children (teams.parent_team_id is informative, not a foreign key, but keep it tidy).
  await sql.transaction(async (tx) => {
    await tx.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [
      options.workspaceId,
      options.workspaceName,
      now,
    ]);
    await tx.query(
      `INSERT INTO teams (id, workspace_id, name, parent_team_id, created_at)
       SELECT t->>'id', $1, t->>'name', t->>'parentTeamId', (t->>'createdAt')::bigint FROM jsonb_array_elements($2::jsonb) AS t`,
      [options.workspaceId, JSON.stringify(teams)],
    );
    await tx.query(
      `INSERT INTO users (id, workspace_id, email, name, password_hash, role, team_ids, active, created_at)
       SELECT u->>'id', $1, lower(u->>'email'), u->>'name', $2, coalesce(nullif(u->>'role', ''), 'rep'), u->'teamIds', (u->>'active')::boolean, (u->>'createdAt')::bigint
         FROM jsonb_array_elements($3::jsonb) AS u`,
      [options.workspaceId, passwordHash, JSON.stringify(users)],
    );
  });
  for (let i = 0; i < options.members.length; i += 1000) {
    await records.bulkUpsert(options.workspaceId, 'members', options.members.slice(i, i + 1000), {
      publish: false,
    });
  }
  return { passwordHash };
}

export interface SeedProgress {
  collection: CollectionName;
  done: number;
  total: number;
}

/**
 * Streams every collection of a generated data set (except members, which seedWorkspace wrote) into the
 * server in batches, in SAMPLE_COLLECTION_ORDER, so set L never sits in memory. Returns the documents written.
 */
export async function seedSampleData(
  records: RecordStore,
  workspaceId: string,
  data: SampleData,
  options: { batchSize?: number; onProgress?: (progress: SeedProgress) => void } = {},
): Promise<number> {
  const total = Object.entries(data.counts).reduce(
    (sum, [name, n]) => (name === 'members' ? sum : sum + n),
    0,
  );
  let done = 0;
  const touched = new Set<CollectionName>();
  let lastSeq = 0;
  for (const batch of data.allBatches(options.batchSize ?? 1000)) {
    if (batch.collection === 'members') continue;
    lastSeq = Math.max(
      lastSeq,
      await records.bulkUpsert(workspaceId, batch.collection, batch.records, { publish: false }),
    );
    touched.add(batch.collection);
    done += batch.records.length;
    options.onProgress?.({ collection: batch.collection, done, total });
  }
  // One announcement at the end: clients already connected pull once.
  if (lastSeq > 0) await records.announce(workspaceId, [...touched], lastSeq);
  return done;
}

import { generateSampleData, type SampleCounts, type SampleSizeName } from '@shared/sample-data';
import type { Activity, CollectionName } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import type { EntityRepository } from '../repositories/entity-repository';
import { noteLatestContacts, raiseLastActivity } from './last-activity-backfill';

export interface SampleLoadProgress {
  done: number;
  total: number;
  collection: CollectionName;
}

/**
 * Loads the deterministic sample data set (shared/sample-data, the same generator the benchmarks use) into
 * the local replica in batches, so even set L never sits in memory at once. Records already present (same
 * seed loaded before) are skipped by the storage, so loading twice adds nothing.
 */
export async function loadSampleData(
  repos: Repositories,
  options: {
    size: SampleSizeName | Partial<SampleCounts>;
    workspaceId: string;
    now: number;
    seed?: number;
    userId?: string;
    /**
     * The replica: when given, accounts, leads and deals get their `lastActivityAt` from the loaded activities
     * (the generator leaves it 0, and every generated record would then look idle in the inbox).
     */
    db?: CrmDatabase;
  },
  onProgress?: (progress: SampleLoadProgress) => void,
): Promise<number> {
  const base = { workspaceId: options.workspaceId, now: options.now, seed: options.seed ?? 1 };
  // The sample team (a company, three regions, eleven people) plus the person using the app, placed in a region
  // for the generator, so they own a share of the records: "My day" and the owner filters then show their own
  // work. Their stored member record is left as it is (it is not among the records written below).
  const members = [...generateSampleData({ ...base, size: {} }).records('members')];
  const me = options.userId ? await repos.members.get(options.userId) : null;
  const region = members.find((m) => m.kind === 'team' && m.parentTeamId !== '');
  if (me && region) members.push({ ...me, teamId: region.id, teamIds: [region.id] });
  const data = generateSampleData({ ...base, size: options.size, members });
  // The person's own member record is already in the replica: the generator needs it to hand them records, but
  // it is not written again (an insert of it was refused as a conflict, so the progress counted one record —
  // "10841 / 10841" — that the result, "10840 added", rightly did not; issue 16). Both now count what is written.
  const isExisting = (collection: CollectionName, record: { id: string }) =>
    collection === 'members' && me !== null && record.id === me.id;
  const total = Object.values(data.counts).reduce((sum, n) => sum + n, 0) - (me && region ? 1 : 0);
  let done = 0;
  let inserted = 0;
  const latest = new Map<string, number>();
  for (const batch of data.allBatches(1000)) {
    const repository = repos[batch.collection] as unknown as EntityRepository<CollectionName>;
    const records = batch.records.filter((record) => !isExisting(batch.collection, record));
    if (records.length === 0) continue;
    inserted += await repository.bulkInsertValidated(records);
    if (options.db && batch.collection === 'activities')
      noteLatestContacts(records as Activity[], latest);
    done += records.length;
    onProgress?.({ done, total, collection: batch.collection });
  }
  if (options.db) await raiseLastActivity(options.db, latest);
  return inserted;
}

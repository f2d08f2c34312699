import type { CollectionName } from '@shared/domain';
import {
  planMerge,
  referencesTo,
  type MergeKind,
  type MergePlan,
  type MergeRecord,
  type MergeRefusal,
} from '@shared/rules/merge-plan';
import { BusinessRuleError } from '../errors';
import type { EntityRepository } from '../repositories/entity-repository';
import type { Repositories } from '../repositories';

/** What the person asked for: the records of one kind, the survivor among them, and their per-field choices. */
export interface MergeRequest<K extends MergeKind = MergeKind> {
  kind: K;
  survivorId: string;
  loserIds: readonly string[];
  /** Per field, the id of the record whose value survives (fields left out: the rule's default). */
  choices?: Readonly<Record<string, string>>;
}

/** Related records one merge may move, read at most this many per reference (a page of a customer's history). */
const RELATED_LIMIT = 10_000;

type AnyRepository = EntityRepository<CollectionName>;
function repositoryOf(repos: Repositories, collection: CollectionName): AnyRepository {
  return repos[collection] as unknown as AnyRepository;
}

/** The records of a merge, in the order asked (missing ones are left out: the caller checks the count). */
export async function loadMergeRecords<K extends MergeKind>(
  repos: Repositories,
  kind: K,
  ids: readonly string[],
): Promise<MergeRecord<K>[]> {
  const found = await repositoryOf(repos, kind).getMany([...ids]);
  return ids.flatMap((id) => {
    const record = found.get(id);
    return record ? [record as MergeRecord<K>] : [];
  });
}

/**
 * Every record of another collection that points at one of `loserIds` through a reference the merge moves
 * (deleted ones too: a record restored from the recycle bin then points at the survivor).
 */
export async function loadMergeRelated(
  repos: Repositories,
  kind: MergeKind,
  loserIds: readonly string[],
): Promise<Partial<Record<CollectionName, Record<string, unknown>[]>>> {
  const related: Partial<Record<CollectionName, Record<string, unknown>[]>> = {};
  for (const ref of referencesTo(kind))
    for (const loserId of loserIds) {
      // One equality per loser: the [accountId, …] and [relatedId, …] indexes answer it (an $in may scan).
      const rows = await repositoryOf(repos, ref.collection).find({
        selector: { [ref.field]: loserId },
        limit: RELATED_LIMIT,
      });
      const list = (related[ref.collection] ??= []);
      const seen = new Set(list.map((r) => r.id));
      for (const row of rows) if (!seen.has(row.id)) list.push(row);
    }
  return related;
}

/** The plan for a request, read from the replica (the merge screen's preview and `mergeRecords` alike). */
export async function planMergeRequest<K extends MergeKind>(
  repos: Repositories,
  request: MergeRequest<K>,
  now: number,
): Promise<MergePlan<K>> {
  const [survivor] = await loadMergeRecords(repos, request.kind, [request.survivorId]);
  const losers = await loadMergeRecords(repos, request.kind, request.loserIds);
  if (!survivor || losers.length !== request.loserIds.length)
    throw new BusinessRuleError('merge.errors.missing');
  const result = planMerge({
    kind: request.kind,
    survivor,
    losers,
    choices: request.choices,
    related: await loadMergeRelated(repos, request.kind, request.loserIds),
    now,
  });
  if (!result.ok) throw mergeRefusalError(result.refusal);
  return result.plan;
}

/**
 * 合并: writes a merge plan to the replica as ordinary field-level writes, so it works offline, syncs like any
 * edit and each record's history keeps every value it overwrote. Order matters for a merge cut short (the app
 * closed half-way): the survivor first, then the related records, the losers' tombstones last — until then the
 * losers are still there, and merging again finishes the job (the moved records no longer point at them).
 */
export async function mergeRecords<K extends MergeKind>(
  repos: Repositories,
  request: MergeRequest<K>,
  now: number,
): Promise<MergePlan<K>> {
  const plan = await planMergeRequest(repos, request, now);
  const own = repositoryOf(repos, plan.kind);
  if (Object.keys(plan.survivorChanges).length > 0)
    await writePatch(own, plan.survivorId, plan.survivorChanges);
  for (const move of plan.moves)
    await writePatch(repositoryOf(repos, move.collection), move.id, move.changes);
  for (const tombstone of plan.tombstones) await writePatch(own, tombstone.id, tombstone.changes);
  return plan;
}

/** One normal field-level write through the record's repository (validation, owner's team, stored form). */
function writePatch(repository: AnyRepository, id: string, patch: object) {
  return repository.update(id, patch);
}

/** A refusal of the merge rule as the app's error (translated where it is shown: merge.errors.*). */
export function mergeRefusalError(refusal: MergeRefusal): BusinessRuleError {
  switch (refusal.reason) {
    case 'tooFew':
      return new BusinessRuleError('merge.errors.tooFew');
    case 'survivorIsLoser':
      return new BusinessRuleError('merge.errors.survivorIsLoser');
    case 'alreadyMerged':
      return new BusinessRuleError('merge.errors.alreadyMerged', { id: refusal.id });
    case 'unknownChoice':
      return new BusinessRuleError('merge.errors.unknownChoice', { field: refusal.field });
  }
}

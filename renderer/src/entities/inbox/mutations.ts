import { useMutation } from '@tanstack/react-query';
import type { CollectionName, Deal } from '@shared/domain';
import { checkStageEntry } from '@shared/rules/deal-stage';
import { useRepositories } from '../../hooks/use-workspace';
import type { InboxEntry } from '../../data/inbox-collection';
import type { Repositories } from '../../data/repositories';
import { stageRefusalError } from '../../data/repositories/deal-repository';
import type { EntityRepository } from '../../data/repositories/entity-repository';
import { isCollectionName, type InboxRepository } from '../../data/repositories/inbox-repository';
import { BusinessRuleError } from '../../data/errors';
import {
  createInputFromAttempted,
  isOverruled,
  patchFromAttempted,
  overruledRestorePatch,
} from './inbox-model';
import { useInboxRepository } from './queries';

/**
 * The stage gate (shared/rules/deal-stage.ts, as DealRepository and the server apply it), so a refused move is
 * explained before it syncs. An unknown stage is left to the server to refuse.
 */
async function checkStageGate(
  repos: Repositories,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<void> {
  if (typeof after.stage !== 'string') return;
  const pipeline = await repos.settings.pipeline(
    typeof after.pipelineId === 'string' && after.pipelineId ? after.pipelineId : undefined,
  );
  const refusal = checkStageEntry(
    before as Pick<Deal, 'stage'> | null,
    after as unknown as Deal,
    pipeline,
  );
  if (refusal?.reason === 'stageGate') throw stageRefusalError(refusal);
}

/**
 * Writes what the person typed onto the record again (through its entity repository, so local validation
 * applies), creating the record if it is gone from this device; then the entry leaves the inbox. If the
 * server refuses again, a new entry arrives.
 */
export async function applyInboxEntry(
  repos: Repositories,
  inbox: InboxRepository,
  entry: InboxEntry,
): Promise<void> {
  if (!isCollectionName(entry.recordCollection))
    throw new Error(`unknown collection ${entry.recordCollection}`);
  const repo = repos[entry.recordCollection] as unknown as EntityRepository<CollectionName>;
  const current = (await repo.get(entry.recordId)) as Record<string, unknown> | null;
  if (isOverruled(entry)) {
    // A value that lost to a later edit goes back as a new edit of that one path (merged like any other).
    if (!current) throw new BusinessRuleError('inbox.recordGone');
    const patch = overruledRestorePatch(entry, current);
    if (patch) {
      if (entry.recordCollection === 'deals')
        await checkStageGate(repos, current, { ...current, ...patch });
      await repo.update(entry.recordId, patch);
    }
  } else if (current) {
    const patch = patchFromAttempted(entry.attempted, current);
    if (entry.recordCollection === 'deals')
      await checkStageGate(repos, current, { ...current, ...patch });
    // Even with nothing to change (a new record still as typed) the write stamps it again, so it is pushed again.
    await repo.update(entry.recordId, patch);
  } else {
    const input = createInputFromAttempted(entry.attempted, entry.recordId);
    if (entry.recordCollection === 'deals') await checkStageGate(repos, null, input);
    await repo.create(input);
  }
  await inbox.remove(entry.id);
}

export function useApplyInboxEntryMutation() {
  const repos = useRepositories();
  const inbox = useInboxRepository();
  return useMutation({ mutationFn: (entry: InboxEntry) => applyInboxEntry(repos, inbox, entry) });
}

/** Removes the entry; `removeLocalRecord` also removes a record that never reached the server from this device. */
export function useDiscardInboxEntryMutation() {
  const inbox = useInboxRepository();
  return useMutation({
    mutationFn: async ({
      entry,
      removeLocalRecord,
    }: {
      entry: InboxEntry;
      removeLocalRecord: boolean;
    }) => {
      if (removeLocalRecord)
        await inbox.removeNeverSyncedRecord(entry.recordCollection, entry.recordId);
      await inbox.remove(entry.id);
    },
  });
}

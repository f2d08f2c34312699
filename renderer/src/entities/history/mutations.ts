import { useMutation } from '@tanstack/react-query';
import type { CollectionName, Deal } from '@shared/domain';
import { derivedDealFields } from '@shared/rules/deal-stage';
import { sameValue } from '@shared/sync';
import { restorePatch, type RestoreTarget } from '@shared/sync/restore';
import type { Repositories, UpdateInput } from '../../data/repositories';
import { useRepositories } from '../../hooks/use-workspace';

/** Collections whose records history can restore into (every entity but the members and settings mirrors). */
export type RestorableCollection = Exclude<CollectionName, 'members' | 'settings'>;

/**
 * The patch restoring `target` into the record as it is now, or null when it would change nothing — also when
 * the field is derived from others and would be derived back (a deal's amount while it has line items).
 */
export function restoreFor(
  collection: string,
  current: Readonly<Record<string, unknown>>,
  target: RestoreTarget,
): Record<string, unknown> | null {
  const patch = restorePatch(current, target);
  if (!patch || collection !== 'deals') return patch;
  const next = { ...current, ...patch } as unknown as Deal;
  const derived = { ...next, ...derivedDealFields(next) } as unknown as Record<string, unknown>;
  return Object.keys(patch).some((field) => !sameValue(derived[field], current[field]))
    ? patch
    : null;
}

/**
 * Writes a value from history back as a new edit through the record's repository (CONVENTIONS.md 2), read
 * against the record as it is now (shared restorePatch: a list item by id into the list, a deleted item
 * re-added), so it syncs and merges like any other edit. A deal's stage goes through the stage gate as in the
 * form; its totals are recomputed by the repository. Resolves false when there was nothing to restore.
 */
export async function restoreFromHistory(
  repos: Repositories,
  collection: RestorableCollection,
  id: string,
  target: RestoreTarget,
): Promise<boolean> {
  const current = await repos[collection].get(id);
  if (!current) throw new Error(`${collection}/${id} not found`);
  const patch = restoreFor(collection, current, target);
  if (!patch) return false;
  if (collection === 'deals') {
    const deal = current as Deal;
    const dealPatch = patch as UpdateInput<Deal>;
    if (dealPatch.stage !== undefined && dealPatch.stage !== deal.stage)
      await repos.deals.edit(id, dealPatch, await repos.settings.pipeline(deal.pipelineId));
    else await repos.deals.update(id, dealPatch);
    return true;
  }
  // The repository validates the whole record; the patch holds fields of this collection only.
  const repository = repos[collection] as unknown as {
    update: (id: string, patch: Record<string, unknown>) => Promise<unknown>;
  };
  await repository.update(id, patch);
  return true;
}

export function useRestoreFromHistoryMutation(collection: RestorableCollection, id: string) {
  const repos = useRepositories();
  return useMutation({
    mutationFn: (target: RestoreTarget) => restoreFromHistory(repos, collection, id, target),
  });
}

import type { CollectionName } from '@shared/domain';
import {
  hiddenFields,
  maskingVersion,
  maskRecord,
  type Checkpoint,
  type FieldPolicy,
  type FieldViewer,
  type HistoryEntry,
  type WireDoc,
} from '@shared/sync';
import type { Entity, PullPage } from './types';

/**
 * Field-level restrictions on the way out (shared/sync/field-policy.ts): one step after the pull cache, so the
 * cache and the database read stay shared by everyone with the same scope and the fast path (stored JSON
 * spliced as text) is untouched for whoever the policy hides nothing from.
 */

/** How a pull is masked for one caller: '' (version) when nothing can be hidden from them. */
export interface Masking {
  viewer: FieldViewer;
  policy: FieldPolicy;
  collection: CollectionName;
  version: string;
}

export function maskingFor(
  viewer: FieldViewer,
  policy: FieldPolicy,
  collection: CollectionName,
): Masking {
  return { viewer, policy, collection, version: maskingVersion(viewer, policy, collection) };
}

/**
 * The checkpoint to read from: a replica masked by another version (an older policy, other rights) holds
 * values it should not, or lacks values it may now see, so it reads the collection again from the start.
 */
export function resumeFrom(checkpoint: Checkpoint | null, masking: Masking): Checkpoint | null {
  if (!checkpoint) return null;
  return (checkpoint.masking ?? '') === masking.version ? checkpoint : null;
}

/**
 * A checkpoint naming the masking its documents were read with. `clear`: the replica's checkpoint named one
 * and now none applies; RxDB stacks a new checkpoint onto the old one (Object.assign), so the field is set to
 * '' rather than left out.
 */
export function stampCheckpoint(
  checkpoint: Checkpoint,
  masking: Masking,
  clear = false,
): Checkpoint {
  const { masking: _old, ...rest } = checkpoint;
  if (masking.version) return { ...rest, masking: masking.version };
  return clear ? { ...rest, masking: '' } : rest;
}

/**
 * A pull page as this caller may see it (its documents untouched when the policy hides nothing from them).
 * `restarted`: read from the start because the replica's checkpoint named another masking.
 */
export function maskPage(page: PullPage, masking: Masking, restarted: boolean): PullPage {
  // A restart also ends any back-fill the old checkpoint had under way (rescope.ts): RxDB would keep its `fill`.
  const checkpoint = page.checkpoint
    ? stampCheckpoint(
        restarted ? { fill: null, ...page.checkpoint } : page.checkpoint,
        masking,
        restarted,
      )
    : restarted
      ? stampCheckpoint({ seq: 0, fill: null }, masking, true)
      : null;
  if (!masking.version) return { ...page, checkpoint };
  return {
    ...page,
    checkpoint,
    items: page.items.map((item) => {
      const doc = JSON.parse(item.json) as WireDoc;
      const masked = maskDoc(doc, masking);
      return masked === doc ? item : { seq: item.seq, json: JSON.stringify(masked) };
    }),
  };
}

/** A wire document or entity as this caller may see it. */
export function maskDoc<T extends WireDoc | Entity>(doc: T, masking: Masking): T {
  if (!masking.version) return doc;
  // Stored records always carry their team (recordMetaShape).
  return maskRecord(
    masking.viewer,
    masking.policy,
    masking.collection,
    doc as T & { teamId: string },
  );
}

/** A record's history without the values of fields hidden on the record as it is now. */
export function maskHistory(
  entries: HistoryEntry[],
  record: Entity,
  masking: Masking,
): HistoryEntry[] {
  if (!masking.version) return entries;
  const hidden = new Set(hiddenFields(masking.viewer, masking.policy, masking.collection, record));
  if (hidden.size === 0) return entries;
  return entries.filter((entry) => !hidden.has(entry.field));
}

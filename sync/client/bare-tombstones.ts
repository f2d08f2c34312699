import { isBareTombstone, type WireDoc } from '@shared/sync';

/** Reads the replica's live documents of these ids (missing and deleted ones are left out). */
export type HeldDocuments = (ids: string[]) => Promise<Map<string, WireDoc>>;

/**
 * Completes the bare tombstones of a pull answer (`{ id, _deleted: true }`: a record the person may no longer
 * see, sent without its data) from the replica: the record as the replica holds it, deleted, so it passes the
 * collection's schema like any tombstone. A tombstone of a record the replica does not hold is dropped (there
 * is nothing to remove). `kept[i]` is the index in `documents` of the i-th document returned.
 */
export async function completeBareTombstones(
  documents: readonly WireDoc[],
  held: HeldDocuments,
): Promise<{ documents: WireDoc[]; kept: number[] }> {
  const bare = documents.filter(isBareTombstone).map((doc) => doc.id);
  if (bare.length === 0) return { documents: [...documents], kept: documents.map((_, i) => i) };
  const local = await held(bare);
  const out: WireDoc[] = [];
  const kept: number[] = [];
  documents.forEach((doc, i) => {
    if (!isBareTombstone(doc)) {
      out.push(doc);
      kept.push(i);
      return;
    }
    const mine = local.get(doc.id);
    if (!mine) return;
    out.push({ ...withoutReplicationFields(mine), id: doc.id, _deleted: true });
    kept.push(i);
  });
  return { documents: out, kept };
}

/** A stored replica document without RxDB's bookkeeping (`_meta`, `_rev`, `_attachments`). */
export function withoutReplicationFields(doc: Record<string, unknown>): WireDoc {
  return Object.fromEntries(
    Object.entries(doc).filter(([key]) => !key.startsWith('_') || key === '_deleted'),
  ) as WireDoc;
}

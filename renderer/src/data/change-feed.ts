import { getChangedDocumentsSince, type RxCollection, type RxStorageInstance } from 'rxdb';

/**
 * RxDB's change feed of one collection, in one place: every document written after a position, in write order
 * (`_meta.lwt`, then id), through RxDB's public `getChangedDocumentsSince` on the collection's storage instance.
 * The search index and the sales dashboard's deal source catch up through it; their tests run it against a real
 * replica, so an RxDB upgrade that changes the feed fails them.
 */
export interface FeedPosition {
  id: string;
  lwt: number;
}

export interface FeedPage<T> {
  /** Stored documents, hard-deleted ones (a record leaving the replica) included with `_deleted: true`. */
  documents: T[];
  /** The position after the last document, or the given one when nothing changed since. */
  checkpoint: FeedPosition | null;
}

/** Up to `limit` documents written after `since` (null: from the start). */
export async function readChangeFeed<T>(
  collection: unknown,
  since: FeedPosition | null,
  limit: number,
): Promise<FeedPage<T>> {
  const storage = (collection as RxCollection).storageInstance as RxStorageInstance<
    T,
    unknown,
    unknown,
    FeedPosition
  >;
  const result = await getChangedDocumentsSince(storage, limit, since ?? undefined);
  return {
    documents: result.documents as unknown as T[],
    checkpoint: result.documents.length > 0 ? result.checkpoint : since,
  };
}

/** Where a stored document (or a change event's document) sits in the feed: RxDB's write time and its id. */
export function feedPosition(id: string, stored: unknown): FeedPosition {
  const meta = (stored as { _meta?: { lwt?: unknown } } | undefined)?._meta;
  return { id, lwt: typeof meta?.lwt === 'number' ? meta.lwt : 0 };
}

import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Rejection } from '@shared/sync';
import type { InboxEntry } from '../inbox-collection';

/**
 * The only code that talks to the local-only inbox of changes the server did not accept (`sync_inbox`).
 * Entries are written by TeamSync when a push is rejected; the person reads them here, applies them
 * again or discards them. Reads return plain objects.
 */
export class InboxRepository {
  constructor(private readonly db: CrmDatabase) {}

  /** Keeps a rejected change (called by TeamSync when the server refuses a pushed row). */
  async add(rejection: Rejection, now: number): Promise<void> {
    await this.db.sync_inbox.upsert({
      id: `${rejection.collection}/${rejection.id}/${now}`,
      recordCollection: rejection.collection,
      recordId: rejection.id,
      reason: rejection.reason,
      params: rejection.params ?? {},
      issues: rejection.issues ?? [],
      attempted: rejection.attempted,
      createdAt: now,
    });
  }

  /** Newest first. */
  async list(limit = 500): Promise<InboxEntry[]> {
    const docs = await this.db.sync_inbox
      .find({ selector: {}, sort: [{ createdAt: 'desc' }, { id: 'asc' }], limit })
      .exec();
    return docs.map((doc) => doc.toJSON() as InboxEntry);
  }

  count(): Promise<number> {
    return this.db.sync_inbox.count({ selector: {} }).exec();
  }

  async get(id: string): Promise<InboxEntry | null> {
    const doc = await this.db.sync_inbox.findOne(id).exec();
    return doc ? (doc.toJSON() as InboxEntry) : null;
  }

  async remove(id: string): Promise<void> {
    const doc = await this.db.sync_inbox.findOne(id).exec();
    if (doc) await doc.remove();
  }

  /**
   * Removes a record that never reached the server (a new record the server refused) from the local
   * replica. This is a replication tombstone, not the soft delete: the server ignores tombstones of records
   * it never stored (sync/server/records/record-store.ts), so nothing is refused again.
   */
  async removeNeverSyncedRecord(collection: string, id: string): Promise<void> {
    if (!isCollectionName(collection)) return;
    const doc = await this.db[collection].findOne(id).exec();
    if (doc) await doc.remove();
  }
}

export function isCollectionName(value: string): value is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(value);
}

import { COLLECTION_NAMES, type CollectionName } from '@shared/domain';
import type { CrmDatabase } from '../database';
import type { Overruled, Rejection } from '@shared/sync';
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

  /**
   * Keeps a value this laptop pushed that lost to a later edit made on another device (issue 15): reason
   * `sync.overruled.<laterEdit|tie|editKeepsItem>`, params as strings (field, itemId, key, who kept the value and
   * when each was edited, epoch ms), `attempted` the lost value under its field. The value also stays in the
   * record's history on the server, where it can be restored.
   */
  async addOverruled(overruled: Overruled, now: number): Promise<void> {
    const where = [overruled.field, overruled.itemId, overruled.key].filter(Boolean).join('.');
    await this.db.sync_inbox.upsert({
      id: `${overruled.collection}/${overruled.id}/${now}/${where}`.slice(0, 200),
      recordCollection: overruled.collection,
      recordId: overruled.id,
      reason: `sync.overruled.${overruled.reason}`,
      params: {
        field: overruled.field,
        ...(overruled.itemId === undefined ? {} : { itemId: overruled.itemId }),
        ...(overruled.key === undefined ? {} : { key: overruled.key }),
        keptBy: overruled.keptBy,
        keptAt: String(overruled.keptAt),
        lostAt: String(overruled.lostAt),
      },
      issues: [],
      attempted: { [overruled.field]: overruled.lost },
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

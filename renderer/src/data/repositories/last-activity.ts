import type { RxCollection } from 'rxdb';
import type { Activity } from '@shared/domain';
import {
  lastActivityEffects,
  lastActivityOf,
  lastActivityUpdate,
  type LastActivityTarget,
} from '@shared/rules/last-activity';
import type { CrmDatabase } from '../database';

type Keeper = RxCollection<{ id: string; lastActivityAt: number }>;

/**
 * The latest customer contact of one record, read from its activities by index (`relatedId` and, for an
 * account, `accountId`): a handful of rows per record, never a scan.
 */
export async function recomputeLastActivity(
  db: CrmDatabase,
  target: LastActivityTarget,
): Promise<number> {
  const related = await db.activities.find({ selector: { relatedId: target.id } }).exec();
  const onAccount =
    target.collection === 'accounts'
      ? await db.activities.find({ selector: { accountId: target.id } }).exec()
      : [];
  return lastActivityOf(
    target,
    [...related, ...onAccount].map((doc) => doc.toJSON() as Activity),
  );
}

/**
 * Keeps `lastActivityAt` of the records these activity changes concern (shared/rules/last-activity.ts): raised
 * to the new contact time, recomputed from the record's activities when the latest may have gone (deleted,
 * moved, reopened). Only that field is written, without touching `updatedAt`: logging a call is not an edit of
 * the lead. A record that is not in the replica is left to the server, which keeps the same field.
 */
export async function keepLastActivity(
  db: CrmDatabase,
  changes: readonly { before: Activity | null; after: Activity | null }[],
): Promise<void> {
  for (const effect of lastActivityEffects(changes)) {
    const collection = db[effect.collection] as unknown as Keeper;
    const doc = await collection.findOne(effect.id).exec();
    if (!doc) continue;
    const current = doc.lastActivityAt ?? 0;
    const decided = lastActivityUpdate(current, effect);
    const next = decided === 'recompute' ? await recomputeLastActivity(db, effect) : decided;
    if (next === current) continue;
    await doc.incrementalModify((data) => ({ ...data, lastActivityAt: next }));
  }
}

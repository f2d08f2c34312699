import type { RxCollection } from 'rxdb';
import type { Activity } from '@shared/domain';
import {
  customerContactAt,
  lastActivityTargets,
  type LastActivityCollection,
} from '@shared/rules/last-activity';
import type { CrmDatabase } from '../database';

/** Activities read per chunk; between chunks the back-fill yields to the page. */
const CHUNK = 1000;

export interface BackfillMemo {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Gives the event loop back (input, frames) between chunks. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Keeper = RxCollection<{ id: string; lastActivityAt: number }>;

/**
 * Once per replica, after the schema migration that gave accounts, leads and deals `lastActivityAt` = 0 (issue
 * 18): sets it from the activities already in the replica. Walks activities by primary key in chunks (the
 * latest contact per record in a map), then raises the records whose value is lower (the max rule: a value the
 * repository or a pull set meanwhile is never lowered), yielding between chunks so it never holds a frame.
 * Remembered in `memo` under `key`; returns how many records it raised (0 when it ran before).
 */
export async function backfillLastActivity(
  db: CrmDatabase,
  memo: BackfillMemo,
  key: string,
): Promise<number> {
  if (memo.get(key) === 'done') return 0;
  const latest = new Map<string, number>();
  let after = '';
  for (;;) {
    const docs = await db.activities
      .find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: CHUNK })
      .exec();
    noteLatestContacts(
      docs.map((doc) => doc.toJSON() as Activity),
      latest,
    );
    if (docs.length < CHUNK) break;
    after = docs[docs.length - 1].id;
    await yieldToPage();
  }
  const raised = await raiseLastActivity(db, latest);
  memo.set(key, 'done');
  return raised;
}

/** Adds each activity's customer contact to `latest` (`collection/id` → the latest contact time). */
export function noteLatestContacts(
  activities: readonly Activity[],
  latest: Map<string, number>,
): void {
  for (const activity of activities) {
    const at = customerContactAt(activity);
    if (at === 0) continue;
    for (const target of lastActivityTargets(activity)) {
      const k = `${target.collection}/${target.id}`;
      if ((latest.get(k) ?? 0) < at) latest.set(k, at);
    }
  }
}

/**
 * Raises `lastActivityAt` of the records `latest` names to their latest contact where it is lower (never lowers
 * it), in chunks with a yield between; how many records it raised.
 */
export async function raiseLastActivity(
  db: CrmDatabase,
  latest: ReadonlyMap<string, number>,
): Promise<number> {
  let raised = 0;
  const byCollection = new Map<LastActivityCollection, [string, number][]>();
  for (const [k, at] of latest) {
    const [collection, id] = k.split('/', 2) as [LastActivityCollection, string];
    const list = byCollection.get(collection) ?? [];
    list.push([id, at]);
    byCollection.set(collection, list);
  }
  for (const [collection, entries] of byCollection) {
    const target = db[collection] as unknown as Keeper;
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const found = await target.findByIds(chunk.map(([id]) => id)).exec();
      const updates = [];
      for (const [id, at] of chunk) {
        const doc = found.get(id);
        if (!doc || (doc.lastActivityAt ?? 0) >= at) continue;
        updates.push({ ...doc.toMutableJSON(), lastActivityAt: at });
      }
      if (updates.length > 0) {
        await target.bulkUpsert(updates);
        raised += updates.length;
      }
      await yieldToPage();
    }
  }
  return raised;
}

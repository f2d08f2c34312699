import type { CollectionName } from '@shared/domain';
import { withDerivedFields } from '@shared/rules/derived-fields';
import { sameRecord, threeWayMerge, type WireDoc } from '@shared/sync';

/** The last merged reply for a record, while RxDB has not (or could not) adopt it as its assumed master state. */
interface MergedReply {
  /** The push row as RxDB built it: the base it assumed and the document it sent. */
  base: WireDoc | null;
  sent: WireDoc;
  /** What the server stored (the reply's conflict). */
  stored: WireDoc;
  /** 'pending': RxDB is resolving it; 'refused': the record was edited meanwhile, RxDB's write of it failed. */
  state: 'pending' | 'refused';
}

/**
 * Pushes built on a merged reply RxDB could not adopt (sync/README.md, "Push replies and received documents").
 *
 * When the server merges a push, its reply is the stored state (a conflict); RxDB writes the resolved state into
 * the replica and takes the stored state as its new base. If the record was edited while that push was out, the
 * write fails (the replica changed under it, RxDB 17 `upstream.js` ignores the 409) and RxDB keeps the old base.
 * Its next push of the record then says "I changed these fields since that old base" for every field the
 * previous push already wrote, and the server, where the last write wins, would put them back over whatever
 * others wrote since. So that push is rebased here: base = the stored state of the reply, document = that state
 * plus what changed in the replica since the previous push (the engine then makes RxDB adopt what the server
 * answers). Refusals are seen on the replica's own writes: a local edit while the push is out or its reply is
 * being resolved, before RxDB's resolved write (context `replication-up-write-conflict`).
 */
export class PushRebase {
  /** Per collection/id with a push out: whether the record was edited locally since it was sent. */
  private readonly out = new Map<string, { edited: boolean }>();
  private readonly merged = new Map<string, MergedReply>();

  /** The row to send for what RxDB gave: the same, or rebased onto a merged reply RxDB refused. */
  prepare(
    collection: CollectionName,
    assumed: WireDoc | null,
    next: WireDoc,
  ): { assumed: WireDoc | null; next: WireDoc; rebased: boolean } {
    const last = this.merged.get(`${collection}/${next.id}`);
    const sameBase =
      last !== undefined &&
      (assumed === null
        ? last.base === null
        : last.base !== null && sameRecord(assumed, last.base));
    if (
      !last ||
      last.state !== 'refused' ||
      !sameBase ||
      next._deleted === true ||
      last.stored._deleted === true
    )
      return { assumed, next, rebased: false };
    // What changed locally since the previous push (`sent` → `next`), on top of what the server stored.
    const { merged } = threeWayMerge<Record<string, unknown>>(
      last.sent,
      last.stored,
      next,
      'incoming',
    );
    for (const field of ['updatedAt', 'updatedBy']) if (field in next) merged[field] = next[field];
    return {
      assumed: last.stored,
      // Lists merge item by item: their totals are derived again, never merged (issue 15).
      next: { ...withDerivedFields(collection, merged), id: next.id, _deleted: false },
      rebased: true,
    };
  }

  /** A push of these records was sent. */
  sent(collection: CollectionName, ids: readonly string[]): void {
    for (const id of ids) this.out.set(`${collection}/${id}`, { edited: false });
  }

  /**
   * The reply for one row (`base`/`sent`: the row as RxDB built it): `stored` is the conflict RxDB is given for
   * it, null when RxDB takes `sent` as stored.
   */
  answered(
    collection: CollectionName,
    base: WireDoc | null,
    sent: WireDoc,
    stored: WireDoc | null,
  ): void {
    const key = `${collection}/${sent.id}`;
    const edited = this.out.get(key)?.edited ?? false;
    this.out.delete(key);
    if (stored) this.merged.set(key, { base, sent, stored, state: edited ? 'refused' : 'pending' });
    else this.merged.delete(key);
  }

  /** The push failed (it is sent again as RxDB built it). */
  failed(collection: CollectionName, ids: readonly string[]): void {
    for (const id of ids) this.out.delete(`${collection}/${id}`);
  }

  /** A local edit of the record (a write not made by the replication). */
  edited(collection: CollectionName, id: string): void {
    const key = `${collection}/${id}`;
    const out = this.out.get(key);
    if (out) out.edited = true;
    const last = this.merged.get(key);
    if (last?.state === 'pending') last.state = 'refused';
  }

  /** RxDB wrote a resolved conflict of the record into the replica: it adopted the reply. */
  adopted(collection: CollectionName, id: string): void {
    const key = `${collection}/${id}`;
    if (this.merged.get(key)?.state === 'pending') this.merged.delete(key);
  }
}

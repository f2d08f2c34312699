import type { CollectionName } from '@shared/domain';

/**
 * Which received documents this client's own push replies have made stale (sync/README.md, "Push replies and
 * received documents").
 *
 * The server handles one connection's messages in order and answers a push before it announces any later commit
 * to that connection (sync/server/ws/README.md). So a document of a record that arrived before the reply to a
 * push of that record, or while such a push is still out (its reply comes later), is at most as new as the state
 * that reply stands for: the stored state after the push (a conflict, or exactly what was pushed). RxDB applies
 * a pulled document whenever the replica holds no unpushed change of the record by the time it writes it: after
 * the reply was applied, such an older document would take the replica back to a state the server has already
 * overwritten, and nothing later would correct it (the commit that overwrote it is this client's own, which the
 * server does not send back). The engine drops those documents instead.
 *
 * Arrivals are `SyncConnection.arrivalOf` indices: the order in which messages came off the socket.
 */
export class PushOrder {
  /** Per collection/id: pushes sent and not settled yet. */
  private readonly outstanding = new Map<string, number>();
  /** Per collection/id: the arrival of the latest reply to a push of the record. */
  private readonly replied = new Map<string, number>();

  /** A push of these records was sent. */
  sent(collection: CollectionName, ids: readonly string[]): void {
    for (const id of ids) {
      const key = `${collection}/${id}`;
      this.outstanding.set(key, (this.outstanding.get(key) ?? 0) + 1);
    }
  }

  /** That push was answered (`arrival`: where its reply arrived) or failed (null: it will be sent again). */
  settled(collection: CollectionName, ids: readonly string[], arrival: number | null): void {
    for (const id of ids) {
      const key = `${collection}/${id}`;
      const left = (this.outstanding.get(key) ?? 0) - 1;
      if (left > 0) this.outstanding.set(key, left);
      else this.outstanding.delete(key);
      if (arrival !== null) this.replied.set(key, Math.max(this.replied.get(key) ?? 0, arrival));
    }
  }

  /**
   * Whether a document of `id` that arrived at `arrival` is superseded by a push of the record: one answered
   * after it arrived, or one still out. The latter holds only for a push sent after the document arrived or
   * answered after it: the caller makes sure no push that was out when the document arrived is still unsettled
   * (the engine waits for RxDB's upstream first).
   */
  isStale(collection: CollectionName, id: string, arrival: number): boolean {
    const key = `${collection}/${id}`;
    return this.outstanding.has(key) || (this.replied.get(key) ?? 0) > arrival;
  }

  /**
   * Forgets the replies no document still to be handed over can predate: `oldestHeld` is the arrival of the
   * oldest such document of the collection (Infinity when there is none). Documents that arrive later are never
   * made stale by an earlier reply.
   */
  prune(collection: CollectionName, oldestHeld: number): void {
    const prefix = `${collection}/`;
    for (const [key, arrival] of this.replied) {
      if (key.startsWith(prefix) && arrival <= oldestHeld) this.replied.delete(key);
    }
  }
}

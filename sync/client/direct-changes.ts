import type { CollectionName } from '@shared/domain';
import type { Checkpoint, ServerMessage, WireDoc, WireScope } from '@shared/sync';

type ChangesMessage = Extract<ServerMessage, { type: 'changes' }>;

/**
 * Changes the server pushed to this connection (`changes` messages), held until the collection's replication
 * asks for its next pull, which they answer without a round trip.
 *
 * Why not emit them on RxDB's `pull.stream$` as `{ documents, checkpoint }`: in RxDB 17.6 a stream batch and a
 * `'RESYNC'` queued behind it are drained together and the RESYNC is dropped (replication-protocol/downstream.js
 * `addNewTask`), and a batch that was sent before a pull reply but applied after it would overwrite newer
 * documents and move the checkpoint back. So every announcement stays a `'RESYNC'`, and the pull handler asks
 * here first: the answer is built from the buffered changes newer than the checkpoint RxDB passes in, in the
 * order they arrived, and always goes through the same persist path as a pull.
 *
 * The server sends `changes` only to a connection it knows holds every earlier change (it poke otherwise), so
 * a local answer is exact once this connection has completed one pull from the server; until then (start,
 * reconnect, a poke, a resync request, a pull that failed or returned a full page) pulls go to the server.
 */
export class DirectChanges {
  private readonly buffered = new Map<
    CollectionName,
    { message: ChangesMessage; arrival: number }[]
  >();
  /** Per collection: bumped by every reason to ask the server; absent when a local answer may be given. */
  private readonly serverPullWanted = new Map<CollectionName, number>();
  private generation = 0;

  /** The next pull of `collection` must go to the server (start, a `changed` poke, a resync request). */
  requireServerPull(collection: CollectionName): void {
    this.serverPullWanted.set(collection, ++this.generation);
  }

  /** A new connection: what the old one sent is covered by the pull that follows. */
  reset(collection: CollectionName): void {
    this.buffered.delete(collection);
    this.requireServerPull(collection);
  }

  /** `arrival`: where the message came off the socket (`SyncConnection.arrivalOf`), kept with its documents. */
  receive(message: ChangesMessage, arrival: number): void {
    const entry = { message, arrival };
    const list = this.buffered.get(message.collection);
    if (list) list.push(entry);
    else this.buffered.set(message.collection, [entry]);
  }

  /** The arrival of the oldest change still buffered for `collection` (Infinity when none is). */
  oldestHeld(collection: CollectionName): number {
    return this.buffered.get(collection)?.[0]?.arrival ?? Infinity;
  }

  /**
   * A pull answered from the buffered changes, or null when it must go to the server. Changes at or below the
   * checkpoint are dropped: a pull that reached that checkpoint already returned their records as new or newer.
   * `arrivals[i]`: where the message carrying `documents[i]` arrived (the engine drops documents a push reply
   * made stale, push-order.ts).
   */
  take(
    collection: CollectionName,
    checkpoint: Checkpoint | null | undefined,
  ): { documents: WireDoc[]; arrivals: number[]; checkpoint: Checkpoint } | null {
    if (this.serverPullWanted.has(collection)) return null;
    const messages = this.buffered.get(collection) ?? [];
    this.buffered.delete(collection);
    // Changes seen with another scope than the replica holds (rights changed, or a back-fill has not ended)
    // the server decides (it back-fills); the pull from this checkpoint covers every change dropped here.
    const scope = checkpoint?.scope;
    if (
      checkpoint?.fill ||
      messages.some(
        ({ message }) =>
          message.checkpoint.scope !== undefined &&
          scope !== undefined &&
          !sameWireScope(message.checkpoint.scope, scope),
      ) ||
      // Or with another field masking: the server starts that collection over (field-policy.ts).
      messages.some(
        ({ message }) =>
          checkpoint && (message.checkpoint.masking ?? '') !== (checkpoint.masking ?? ''),
      )
    )
      return null;
    const documents = new Map<string, { doc: WireDoc; arrival: number }>();
    // No checkpoint after a complete pull: that pull returned nothing, the replica is empty and complete.
    const since = checkpoint?.seq ?? 0;
    // The newest checkpoint over the replica's: it names the scope and the field masking its documents were
    // sent with (protocol.ts); what a message leaves out (an old server's scope) is kept.
    let latest: Checkpoint = checkpoint ?? { seq: since };
    for (const { message, arrival } of messages) {
      if (message.checkpoint.seq <= since) continue;
      for (const doc of message.documents) {
        // A later change of the same record replaces the earlier one, in its place of arrival.
        documents.delete(doc.id);
        documents.set(doc.id, { doc, arrival });
      }
      if (message.checkpoint.seq > latest.seq) latest = { ...latest, ...message.checkpoint };
    }
    const entries = [...documents.values()];
    return {
      documents: entries.map((e) => e.doc),
      arrivals: entries.map((e) => e.arrival),
      checkpoint: latest,
    };
  }

  /** Call before a pull goes to the server; pass the ticket to `serverPullDone`. */
  serverPullStarted(collection: CollectionName): number {
    return this.serverPullWanted.get(collection) ?? 0;
  }

  /**
   * A pull from the server succeeded. `complete`: it returned less than a full page, so the replication stops
   * pulling and the server holds this connection complete: later changes may be answered locally, unless
   * another reason to ask the server came up meanwhile.
   */
  serverPullDone(collection: CollectionName, ticket: number, complete: boolean): void {
    if (complete && (this.serverPullWanted.get(collection) ?? 0) === ticket)
      this.serverPullWanted.delete(collection);
  }
}

function sameWireScope(a: WireScope, b: WireScope): boolean {
  if (a === 'all' || b === 'all') return a === b;
  const teams = new Set(b);
  return new Set(a).size === teams.size && a.every((team) => teams.has(team));
}

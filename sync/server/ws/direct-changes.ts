import type { CollectionName } from '@shared/domain';
import { canRead, hiddenFields, maskRecord, type Scope, type WireDoc } from '@shared/sync';
import type { Masking } from '../records/masking';

/**
 * Direct fan-out (sync/server/ws/README.md): instead of poking every teammate so that each pulls, the node
 * sends the committed documents of a push to the connections it knows are complete up to the commit before
 * it. These are the pure parts: what one person sees of a commit, and what to do for one connection.
 */

/** One record written by a commit, in its final state. */
export interface RecordChange {
  id: string;
  /** The record's team after the commit. */
  teamId: string;
  /** Every team the record belonged to before a write of this commit (a record can move twice in one push). */
  previousTeamIds: readonly string[];
  /** The stored state as a pull would return it (`_deleted` set for tombstones). */
  doc: WireDoc;
  /** What the commit did to the record (webhooks: record.created/updated/deleted); absent in old callers. */
  action?: 'created' | 'updated' | 'deleted';
  /** The record's `status` before the commit's first write of it (webhooks: a deal entering a won stage). */
  statusBefore?: unknown;
  /** A lead's `assignedAt` before the commit's first write of it (webhooks: lead.assigned). */
  assignedAtBefore?: unknown;
}

/**
 * What a person with `scope` sees of a commit, as a pull right after it would return it: records they can read
 * in their new state, and a tombstone (the state before, `_deleted: true`) for each record that left their
 * scope; with `masking`, fields the field policy hides from them masked. `key` names that view (the same key
 * means the same documents and checkpoint), so a message is serialized once per distinct audience, not once
 * per socket.
 */
export function viewOfChanges(
  scope: Scope,
  collection: CollectionName,
  changes: readonly RecordChange[],
  masking?: Masking,
): { documents: WireDoc[]; key: string } {
  const documents: WireDoc[] = [];
  let key = masking?.version ? `${masking.version}|` : '';
  const masked = (doc: WireDoc): { doc: WireDoc; mark: string } => {
    if (!masking?.version) return { doc, mark: '' };
    const hidden = hiddenFields(masking.viewer, masking.policy, collection, withTeam(doc));
    if (hidden.length === 0) return { doc, mark: '' };
    return {
      doc: maskRecord(masking.viewer, masking.policy, collection, withTeam(doc)),
      mark: `h${hidden.join('.')}`,
    };
  };
  changes.forEach((change, i) => {
    if (canRead(scope, collection, change)) {
      const view = masked(change.doc);
      documents.push(view.doc);
      key += `${i}${view.mark},`;
    } else if (change.previousTeamIds.some((teamId) => canRead(scope, collection, { teamId }))) {
      const view = masked({ ...change.doc, _deleted: true });
      documents.push(view.doc);
      key += `${i}x${view.mark},`;
    }
  });
  return { documents, key };
}

/** A wire document with its team (stored records always have one). */
const withTeam = (doc: WireDoc): WireDoc & { teamId: string } =>
  doc as WireDoc & { teamId: string };

/**
 * What to do for one connection when a commit of its workspace is announced.
 * `known`: the sequence up to which this connection is known to hold every change of the collection (undefined:
 * not known). `prevSeq`: the last sequence committed in the workspace and collection before this commit
 * (undefined: not known, e.g. bulk writes). `direct`: the documents are at hand (a push on this node).
 * - 'direct': send the documents; the connection is then complete up to `seq`.
 * - 'advance': it was complete up to `prevSeq` and nothing it can see changed (or it made the change itself):
 *   it is complete up to `seq`.
 * - 'poke': it may be concerned but cannot be vouched for: send `changed` (it pulls), completeness unknown.
 * - 'forget': the origin of a change it cannot be vouched for: no poke (it made the change), completeness unknown.
 * - 'keep': not concerned, and completeness cannot advance past this commit.
 */
export type Delivery = 'direct' | 'advance' | 'poke' | 'forget' | 'keep';

export function planDelivery(input: {
  known: number | undefined;
  prevSeq: number | undefined;
  direct: boolean;
  concerned: boolean;
  origin: boolean;
}): Delivery {
  const chained =
    input.known !== undefined && input.prevSeq !== undefined && input.known >= input.prevSeq;
  // The connection that made the change is not told: its push reply carries the stored state of every row
  // it wrote (a conflict where the server's differs), so it holds the commit.
  if (input.origin) return chained ? 'advance' : 'forget';
  if (!input.concerned) return chained ? 'advance' : 'keep';
  return chained && input.direct ? 'direct' : 'poke';
}

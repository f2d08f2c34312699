import type { RxConflictHandler } from 'rxdb';
import type { CollectionName } from '@shared/domain';
import { withDerivedFields } from '@shared/rules/derived-fields';
import { withServerAssignment } from '@shared/rules/lead-assignment';
import { withServerRouting } from '@shared/rules/ticket-routing';
import { sameRecord, threeWayMerge } from '@shared/sync';

/**
 * Ids (collection/id) whose last push the server rejected: their conflict resolves to the server's state
 * (the typed values live on in the rejections inbox), so a rejected change is not pushed again and again.
 */
export class RejectedRegistry {
  private readonly ids = new Set<string>();
  /**
   * The base a push merged against when RxDB had no assumed master state of the record (a record the bootstrap
   * downloaded, first edited here: sync-engine.ts `withBases`): the conflict handler merges the server's reply
   * against the same base.
   */
  private readonly bases = new Map<string, Record<string, unknown>>();
  mark(collection: string, id: string): void {
    this.ids.add(`${collection}/${id}`);
  }
  take(collection: string, id: string): boolean {
    return this.ids.delete(`${collection}/${id}`);
  }
  rememberBase(collection: string, id: string, base: Record<string, unknown>): void {
    this.bases.set(`${collection}/${id}`, base);
  }
  forgetBase(collection: string, id: string): void {
    this.bases.delete(`${collection}/${id}`);
  }
  takeBase(collection: string, id: string): Record<string, unknown> | null {
    const key = `${collection}/${id}`;
    const base = this.bases.get(key) ?? null;
    this.bases.delete(key);
    return base;
  }
}

/**
 * The client side of the field-level merge (shared/sync/merge.ts). The server has already merged by the later
 * edit (stamps) and recorded the loser in history; RxDB hands this handler the very state the server stored, so
 * here the server's decision wins on paths both sides changed (re-deciding by this device's clock could let a
 * stamp the server clamped win on the next push), and local changes of other fields, and of other list items or
 * item fields, are kept and pushed again. Totals are derived again from the merged items (shared/rules).
 */
export function createConflictHandler<T>(
  collection: CollectionName,
  rejected: RejectedRegistry,
): RxConflictHandler<T> {
  return {
    isEqual: (a, b) =>
      sameRecord(a, b) &&
      Boolean((a as { _deleted?: boolean })._deleted) ===
        Boolean((b as { _deleted?: boolean })._deleted),
    resolve: (input) => {
      const real = input.realMasterState as unknown as Record<string, unknown> & { id: string };
      if (rejected.take(collection, real.id)) return Promise.resolve(input.realMasterState);
      if ((input.realMasterState as { _deleted?: boolean })._deleted)
        return Promise.resolve(input.realMasterState);
      // A merge's loser (issue 19): the server already carried this push's changes to the survivor
      // (sync/server/records/merged-records.ts); pushing them again onto the tombstone would never end.
      if (typeof real.mergedIntoId === 'string' && real.mergedIntoId !== '')
        return Promise.resolve(input.realMasterState);
      const base = input.assumedMasterState ?? rejected.takeBase(collection, real.id) ?? null;
      const { merged } = threeWayMerge(
        base,
        real,
        input.newDocumentState as unknown as Record<string, unknown>,
        'current',
      );
      // A new lead the server assigned while it was being pushed keeps that owner (issue 19): without a base the
      // merge would take this replica's unowned state and push it back over the rules' decision.
      // Likewise a new ticket the server routed (issue 21).
      const assigned =
        collection === 'leads'
          ? withServerAssignment(merged, real)
          : collection === 'tickets'
            ? withServerRouting(merged, real)
            : merged;
      return Promise.resolve({
        ...withDerivedFields(collection, assigned),
        _deleted: false,
      } as typeof input.realMasterState);
    },
  };
}

import type { RxConflictHandler } from 'rxdb';
import { sameRecord, threeWayMerge } from '@shared/sync';

/**
 * Ids (collection/id) whose last push the server rejected: their conflict resolves to the server's state
 * (the typed values live on in the rejections inbox), so a rejected change is not pushed again and again.
 */
export class RejectedRegistry {
  private readonly ids = new Set<string>();
  mark(collection: string, id: string): void {
    this.ids.add(`${collection}/${id}`);
  }
  take(collection: string, id: string): boolean {
    return this.ids.delete(`${collection}/${id}`);
  }
}

/**
 * The client side of the field-level merge. The server has already merged (shared/sync/merge.ts, incoming
 * wins) and recorded the loser in history; here the server's decision wins on fields both sides changed,
 * and local changes to other fields are kept and pushed again.
 */
export function createConflictHandler<T>(
  collection: string,
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
      const base = (input.assumedMasterState ?? null) as Record<string, unknown> | null;
      const { merged } = threeWayMerge(
        base,
        real,
        input.newDocumentState as unknown as Record<string, unknown>,
        'current',
      );
      return Promise.resolve({ ...merged, _deleted: false } as typeof input.realMasterState);
    },
  };
}

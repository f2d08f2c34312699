import type { QueryClient } from '@tanstack/react-query';
import { merge, type Observable, type Subscription } from 'rxjs';
import { bufferTime, filter, map } from 'rxjs/operators';
import type { CollectionName } from '@shared/domain';
import { markStage } from '@sync/client/stage-marks';
import type { CrmDatabase } from '../data/database';

/**
 * Keeps TanStack Query live with RxDB: every query key starts with the collection it reads
 * (['accounts', 'list', …]); queries that read several collections list them in `meta.collections`.
 * Changes are buffered for a frame so a bulk insert of 10,000 rows invalidates once, not 10,000 times.
 */
export function connectLiveInvalidation(db: CrmDatabase, queryClient: QueryClient): Subscription {
  const changes = Object.entries(db.collections).map(([name, collection]) =>
    (collection.$ as Observable<unknown>).pipe(map(() => name as CollectionName)),
  );
  return merge(...changes)
    .pipe(
      bufferTime(50),
      filter((names) => names.length > 0),
    )
    .subscribe((names) => {
      markStage('invalidate');
      const changed = new Set<CollectionName>(names);
      void queryClient
        .invalidateQueries({
          predicate: (query) => {
            const root = query.queryKey[0];
            if (typeof root === 'string' && changed.has(root as CollectionName)) return true;
            const also = query.meta?.collections;
            return Array.isArray(also) && also.some((c) => changed.has(c as CollectionName));
          },
        })
        .then(() => markStage('refetched'));
    });
}

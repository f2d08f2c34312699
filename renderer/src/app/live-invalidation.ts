import type { QueryClient } from '@tanstack/react-query';
import { merge, type Observable, type Subscription } from 'rxjs';
import { map } from 'rxjs/operators';
import type { CollectionName } from '@shared/domain';
import { markStage } from '@sync/client/stage-marks';
import type { CrmDatabase } from '../data/database';

/** Changes in a burst are gathered for this long at most, so a bulk insert invalidates a few times, not 10,000. */
export const INVALIDATION_WINDOW_MS = 50;

/**
 * Keeps TanStack Query live with RxDB: every query key starts with the collection it reads
 * (['accounts', 'list', …]); queries that read several collections list them in `meta.collections`.
 * The first change after a quiet spell invalidates at once (after the current task, so one bulk's events go
 * together): a colleague's edit is on screen without waiting out a window. Changes that follow within
 * INVALIDATION_WINDOW_MS are gathered and invalidated together when it ends. `beforeInvalidate`: what to let go
 * first (push-first.ts: this laptop's own push, so a colleague is not kept waiting by this screen's re-render).
 */
export function connectLiveInvalidation(
  db: CrmDatabase,
  queryClient: QueryClient,
  beforeInvalidate: () => Promise<void> = () => Promise.resolve(),
): Subscription {
  const changes = Object.entries(db.collections).map(([name, collection]) =>
    (collection.$ as Observable<unknown>).pipe(map(() => name as CollectionName)),
  );
  const changed = new Set<CollectionName>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const flush = () => {
    timer = null;
    lastFlush = performance.now();
    const names = new Set(changed);
    changed.clear();
    void beforeInvalidate()
      .then(() => {
        markStage('invalidate');
        return queryClient.invalidateQueries({
          predicate: (query) => {
            const root = query.queryKey[0];
            if (typeof root === 'string' && names.has(root as CollectionName)) return true;
            const also = query.meta?.collections;
            return Array.isArray(also) && also.some((c) => names.has(c as CollectionName));
          },
        });
      })
      .then(() => markStage('refetched'));
  };
  const subscription = merge(...changes).subscribe((name) => {
    changed.add(name);
    if (timer !== null) return;
    timer = setTimeout(flush, Math.max(0, lastFlush + INVALIDATION_WINDOW_MS - performance.now()));
  });
  subscription.add(() => {
    if (timer !== null) clearTimeout(timer);
  });
  return subscription;
}

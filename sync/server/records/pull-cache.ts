import type { CollectionName } from '@shared/domain';
import { WORKSPACE_WIDE_COLLECTIONS, type Checkpoint, type Scope } from '@shared/sync';
import type { ChangeEvent } from '../fanout';
import type { PullItem, PullPage } from './types';

const PULL_CACHE_ENTRIES = 1000;
const PULL_CACHE_MAX_DOCS = 50;

/** What the cache needs of the change bus: to hear every announced change. */
export interface ChangeSource {
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

/** A pull asked of the cache: who (workspace, scope), what (collection) and from where (checkpoint). */
export interface PullRequest {
  workspaceId: string;
  scope: Scope;
  collection: CollectionName;
  checkpoint: Checkpoint | null;
  batchSize: number;
}

/** The key of a pull answer shared by everyone with the same scope: workspace|collection|teams. */
export function pullScopeKey(
  workspaceId: string,
  collection: CollectionName,
  scope: Scope,
): string {
  const scopeKey =
    scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection)
      ? '*'
      : [...scope].sort().join(',');
  return `${workspaceId}|${collection}|${scopeKey}`;
}

/**
 * The last small pull answer per (workspace, collection, scope), shared by everyone with that scope: after a
 * change every teammate of the writer pulls from about the same checkpoint, and one query answers them all (a
 * later checkpoint is answered by dropping what it already has). An answer is used only while none of the
 * scope's teams has had a change announced since it was read (its stamp), so it never misses one.
 */
export class PullCache {
  private readonly entries = new Map<
    string,
    { stamp: string; since: number; items: PullItem[] | null; pending: Promise<PullPage> }
  >();
  /** Change counters per workspace|collection|team ('!' = changes everyone may see, '*' = any change). */
  private readonly generations = new Map<string, number>();

  /** Subscribe before any socket listener: counters must move before anyone is told to pull. */
  constructor(bus: ChangeSource) {
    bus.subscribe((event) => {
      if (event.kind !== 'records') return;
      const bump = (key: string) => this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      for (const collection of event.collections) {
        const prefix = `${event.workspaceId}|${collection}|`;
        bump(prefix + '*');
        if (!event.teams) bump(prefix + '!');
        else for (const team of event.teams) bump(prefix + (team === '' ? '!' : team));
      }
    });
  }

  /** The change counters a scope's answer depends on, as one string (equal strings: nothing changed). */
  private stampOf(workspaceId: string, collection: CollectionName, scope: Scope): string {
    const prefix = `${workspaceId}|${collection}|`;
    const gen = (key: string) => this.generations.get(prefix + key) ?? 0;
    if (scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection)) return `*${gen('*')}`;
    let stamp = `!${gen('!')}`;
    for (const team of scope) stamp += `,${gen(team)}`;
    return stamp;
  }

  /**
   * A pull page: from the cached answer when it is still current and covers the checkpoint, joining a read of
   * the same checkpoint that is under way, else from `load` (given the scope key). Complete answers of at most
   * PULL_CACHE_MAX_DOCS documents are kept; initial downloads are not.
   */
  async page(request: PullRequest, load: (key: string) => Promise<PullPage>): Promise<PullPage> {
    const { workspaceId, scope, collection, checkpoint, batchSize } = request;
    const since = checkpoint?.seq ?? 0;
    const key = pullScopeKey(workspaceId, collection, scope);
    const stamp = this.stampOf(workspaceId, collection, scope);
    const cached = this.entries.get(key);
    if (cached && cached.stamp === stamp) {
      if (cached.since === since && !cached.items) return await cached.pending;
      if (cached.items && since >= cached.since) {
        const items = cached.items.filter((i) => i.seq > since).slice(0, batchSize);
        const last = items[items.length - 1];
        return {
          items,
          checkpoint: last ? { seq: last.seq } : checkpoint,
          remaining: 0,
          complete: true,
        };
      }
    }
    const pending = load(key);
    const entry = { stamp, since, items: null as PullItem[] | null, pending };
    if (this.entries.size >= PULL_CACHE_ENTRIES) this.entries.clear();
    this.entries.set(key, entry);
    try {
      const page = await pending;
      // Keep complete, small answers only (the catch-up after a change), not initial downloads.
      if (
        page.complete &&
        page.items.length <= PULL_CACHE_MAX_DOCS &&
        this.entries.get(key) === entry
      )
        entry.items = page.items;
      else if (this.entries.get(key) === entry) this.entries.delete(key);
      return page;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }
}

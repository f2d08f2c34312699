import type { CollectionName } from '@shared/domain';
import { inScope, WORKSPACE_WIDE_COLLECTIONS, type Checkpoint, type Scope } from '@shared/sync';
import type { Sql } from '../db/sql';
import type { PullItem, PullPage, StoredJsonRow } from './types';
import { wireJsonOf } from './wire';

const REMAINING_ENTRIES = 1000;

/**
 * Reads pull pages from the database: the records of a collection after a checkpoint, in sequence order,
 * within the caller's scope, plus tombstones for records that left the scope.
 */
export class PullReader {
  /**
   * Records left after a page that had a next one, per scope key and checkpoint: the next page subtracts what it
   * returns instead of counting again, so a download of n pages counts once, not n times (a count scans every
   * remaining index entry: per-page counts made a download quadratic). `remaining` only drives progress: writes
   * committed meanwhile are not in the figure, and a page with more behind it always says at least 1.
   */
  private readonly remainingAfter = new Map<string, number>();

  constructor(private readonly sql: Sql) {}

  /** One page of at most `batchSize` documents after `checkpoint`; `key` is the scope key (pullScopeKey). */
  async read(
    workspaceId: string,
    scope: Scope,
    collection: CollectionName,
    checkpoint: Checkpoint | null,
    batchSize: number,
    key: string,
  ): Promise<PullPage> {
    const since = checkpoint?.seq ?? 0;
    const wide = scope === 'all' || WORKSPACE_WIDE_COLLECTIONS.has(collection);
    const teams = wide ? [] : [...scope];
    const items: PullItem[] = [];
    if (wide) {
      // data::text: the JSON goes to the socket as the database holds it (parsing and re-serializing it was
      // most of a pull's cost on the server).
      const rows = await this.sql.query<StoredJsonRow>(
        'SELECT data::text AS data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4',
        [workspaceId, collection, since, batchSize + 1],
      );
      for (const r of rows) items.push({ seq: Number(r.seq), json: wireJsonOf(r.data, r.deleted) });
    } else {
      // One round trip: the records in scope, and records that left this person's scope since the checkpoint
      // (they become tombstones in their replica).
      const rows = await this.sql.query<StoredJsonRow & { exited: boolean }>(
        `(SELECT data::text AS data, deleted, seq, team_id, false AS exited FROM records
           WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND (team_id = '' OR team_id = ANY($4::text[])) ORDER BY seq LIMIT $5)
         UNION ALL
         (SELECT e.data::text AS data, true AS deleted, e.seq, r.team_id, true AS exited FROM scope_exits e
            LEFT JOIN records r ON r.workspace_id = e.workspace_id AND r.collection = e.collection AND r.id = e.id
           WHERE e.workspace_id = $1 AND e.collection = $2 AND e.seq > $3 AND e.old_team_id = ANY($4::text[]) ORDER BY e.seq LIMIT $5)`,
        [workspaceId, collection, since, teams, batchSize + 1],
      );
      for (const r of rows) {
        if (r.exited && r.team_id !== null && inScope(scope, r.team_id)) continue;
        items.push({ seq: Number(r.seq), json: wireJsonOf(r.data, r.exited ? true : r.deleted) });
      }
      items.sort((a, b) => a.seq - b.seq);
    }
    const page = items.slice(0, batchSize);
    const last = page[page.length - 1];
    const next = last ? { seq: last.seq } : checkpoint;
    let remaining = 0;
    if (items.length > batchSize && next) {
      const known = this.remainingAfter.get(`${key}|${since}`);
      this.remainingAfter.delete(`${key}|${since}`);
      remaining =
        known !== undefined
          ? Math.max(1, known - page.length)
          : await this.countAfter(workspaceId, collection, next.seq, wide ? null : teams);
      if (this.remainingAfter.size >= REMAINING_ENTRIES) this.remainingAfter.clear();
      this.remainingAfter.set(`${key}|${next.seq}`, remaining);
    }
    return { items: page, checkpoint: next, remaining, complete: items.length <= batchSize };
  }

  /** Records after `seq` in the collection (within `teams` and workspace-wide ones when given). */
  private async countAfter(
    workspaceId: string,
    collection: CollectionName,
    seq: number,
    teams: string[] | null,
  ): Promise<number> {
    const [count] = !teams
      ? await this.sql.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3',
          [workspaceId, collection, seq],
        )
      : await this.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM records WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND (team_id = '' OR team_id = ANY($4::text[]))`,
          [workspaceId, collection, seq, teams],
        );
    return Number(count?.n ?? 0);
  }
}

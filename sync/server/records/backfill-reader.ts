import type { CollectionName } from '@shared/domain';
import type { Checkpoint, Scope } from '@shared/sync';
import type { Sql } from '../db/sql';
import type { PullReader } from './pull-reader';
import { fillCheckpoint, type FillPlan, type TeamFilter } from './rescope';
import type { PullItem, PullPage, StoredJsonRow } from './types';
import { wireJsonOf } from './wire';

/**
 * Reads the pages of a back-fill (rescope.ts plans it): records of gained teams up to the checkpoint's
 * sequence, then bare tombstones for records the replica may hold of teams it lost, then — in the same page,
 * so a page is short only when everything is done — the normal pull from the checkpoint's sequence. RxDB stops
 * pulling after a short page and keeps no checkpoint from an empty one, so a page is filled across phases,
 * and a last page with nothing but bare tombstones (which the client drops when it never held the record)
 * also carries one record the replica already holds (an anchor), so that its new checkpoint is kept.
 */
export class BackfillReader {
  constructor(
    private readonly sql: Sql,
    private readonly pulls: PullReader,
  ) {}

  async read(
    workspaceId: string,
    scope: Scope,
    collection: CollectionName,
    plan: FillPlan,
    batchSize: number,
    key: string,
  ): Promise<PullPage> {
    const items: PullItem[] = [];
    let { phase, afterSeq, afterId } = plan;
    if (phase === 'gain' && plan.gain) {
      const rows = await this.gained(workspaceId, collection, plan, plan.gain, batchSize + 1);
      for (const r of rows.slice(0, batchSize))
        items.push({ seq: Number(r.seq), json: wireJsonOf(r.data, false) });
      if (rows.length > batchSize) {
        afterSeq = Number(rows[batchSize - 1].seq);
        return fillPage(items, fillCheckpoint(plan, { phase, afterSeq, afterId }));
      }
    }
    if (phase === 'gain') {
      phase = 'lose';
      afterId = '';
    }
    const room = batchSize - items.length;
    if (plan.lose && room > 0) {
      const ids = await this.lost(workspaceId, collection, plan, plan.lose, afterId, room + 1);
      for (const id of ids.slice(0, room))
        items.push({ seq: 0, json: JSON.stringify({ id, _deleted: true }) });
      if (ids.length > room) {
        afterId = ids[room - 1];
        return fillPage(items, fillCheckpoint(plan, { phase, afterSeq, afterId }));
      }
    } else if (plan.lose) {
      // A full page of gained records: the lost ones come with the next pull.
      return fillPage(items, fillCheckpoint(plan, { phase, afterSeq, afterId: '' }));
    }
    const done = (seq: number): Checkpoint => ({ seq, scope: plan.to, fill: null });
    const rest =
      items.length < batchSize
        ? await this.pulls.read(
            workspaceId,
            scope,
            collection,
            { seq: plan.seq },
            batchSize - items.length,
            key,
          )
        : null;
    items.push(...(rest?.items ?? []));
    // Bare tombstones (seq 0) may all be dropped by a replica that never held those records: the page that
    // ends the fill then still holds one document, and RxDB keeps its checkpoint.
    if (items.every((item) => item.seq === 0)) {
      const anchor = await this.anchor(workspaceId, collection, plan);
      if (anchor) items.push(anchor);
    }
    // A full page (the normal pull not read yet) says more may follow.
    return {
      items,
      checkpoint: done(rest?.checkpoint?.seq ?? plan.seq),
      remaining: rest ? rest.remaining : 1,
      complete: rest ? rest.complete : false,
    };
  }

  /** Live records of gained teams up to the checkpoint's sequence, in sequence order after the cursor. */
  private gained(
    workspaceId: string,
    collection: CollectionName,
    plan: FillPlan,
    teams: TeamFilter,
    limit: number,
  ): Promise<StoredJsonRow[]> {
    const [test, list] = filterSql(teams, '$5');
    return this.sql.query<StoredJsonRow>(
      `SELECT data::text AS data, deleted, seq, team_id FROM records
        WHERE workspace_id = $1 AND collection = $2 AND seq > $3 AND seq <= $4 AND NOT deleted AND team_id <> '' AND ${test}
        ORDER BY seq LIMIT $6`,
      [workspaceId, collection, plan.afterSeq, plan.seq, list, limit],
    );
  }

  /**
   * Ids of records the replica may hold that it may no longer see, in id order after the cursor: records now in
   * a lost team, and (when the possibly held teams are a list) records now outside the scope that left one of
   * those teams after the checkpoint (moved after the replica got them; a normal pull would not tell it).
   */
  private async lost(
    workspaceId: string,
    collection: CollectionName,
    plan: FillPlan,
    teams: TeamFilter,
    afterId: string,
    limit: number,
  ): Promise<string[]> {
    const to = plan.to === 'all' ? [] : plan.to;
    const rows =
      plan.maybe === 'all' || 'except' in teams
        ? await this.sql.query<{ id: string }>(
            `SELECT id FROM records WHERE workspace_id = $1 AND collection = $2 AND id > $3
               AND team_id <> '' AND NOT (team_id = ANY($4::text[])) ORDER BY id LIMIT $5`,
            [workspaceId, collection, afterId, to, limit],
          )
        : await this.sql.query<{ id: string }>(
            `SELECT id FROM records WHERE workspace_id = $1 AND collection = $2 AND id > $3
               AND team_id <> '' AND NOT (team_id = ANY($4::text[]))
               AND (team_id = ANY($5::text[]) OR id IN (SELECT e.id FROM scope_exits e
                 WHERE e.workspace_id = $1 AND e.collection = $2 AND e.seq > $6 AND e.old_team_id = ANY($5::text[])))
             ORDER BY id LIMIT $7`,
            [workspaceId, collection, afterId, to, plan.maybe, plan.seq, limit],
          );
    return rows.map((r) => r.id);
  }

  /** A record the replica already holds as it is (in a team it kept, up to the checkpoint), if there is one. */
  private async anchor(
    workspaceId: string,
    collection: CollectionName,
    plan: FillPlan,
  ): Promise<PullItem | null> {
    const kept =
      plan.held === 'all' ? plan.to : plan.to === 'all' ? plan.held : intersect(plan.held, plan.to);
    const [row] =
      kept === 'all'
        ? await this.sql.query<StoredJsonRow>(
            'SELECT data::text AS data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq <= $3 ORDER BY seq DESC LIMIT 1',
            [workspaceId, collection, plan.seq],
          )
        : await this.sql.query<StoredJsonRow>(
            `SELECT data::text AS data, deleted, seq, team_id FROM records WHERE workspace_id = $1 AND collection = $2 AND seq <= $3
               AND (team_id = '' OR team_id = ANY($4::text[])) ORDER BY seq DESC LIMIT 1`,
            [workspaceId, collection, plan.seq, kept],
          );
    return row ? { seq: Number(row.seq), json: wireJsonOf(row.data, row.deleted) } : null;
  }
}

/** A page that ends inside the fill: more is coming (`remaining` ≥ 1 keeps the connection from being held complete). */
function fillPage(items: PullItem[], checkpoint: Checkpoint): PullPage {
  return { items, checkpoint, remaining: 1, complete: false };
}

function filterSql(teams: TeamFilter, param: string): [string, string[]] {
  return 'only' in teams
    ? [`team_id = ANY(${param}::text[])`, teams.only]
    : [`NOT (team_id = ANY(${param}::text[]))`, teams.except];
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return a.filter((team) => other.has(team));
}

import type { KnownCampaign } from '@shared/rules/lead-capture';
import type { Sql } from '../db/sql';

/**
 * What a capture reads about the workspace from its records, as the app reads its replica: the campaigns
 * (settings kind `campaign`) and a default owner (a `members` user).
 */

/** The workspace's campaigns: id (the settings record's id; its key is the same) and name. */
export async function campaignsOf(sql: Sql, workspaceId: string): Promise<KnownCampaign[]> {
  const rows = await sql.query<{ id: string; key: string | null; name: string | null }>(
    `SELECT id, data->>'key' AS key, data->'value'->>'name' AS name FROM records
      WHERE workspace_id = $1 AND collection = 'settings' AND deleted = false AND data->>'kind' = 'campaign'`,
    [workspaceId],
  );
  // A campaign is named by its record id or its key (the contract says they are the same).
  return rows.flatMap((row) => {
    const name = row.name ?? '';
    const ids = new Set([row.id, row.key ?? row.id]);
    return [...ids].map((id) => ({ id, name }));
  });
}

/** The active user member `ownerId` with their primary team, or null (unknown, deleted, inactive). */
export async function activeOwner(
  sql: Sql,
  workspaceId: string,
  ownerId: string,
): Promise<{ id: string; teamId: string } | null> {
  const [row] = await sql.query<{
    data: { kind?: string; active?: boolean; teamId?: string; teamIds?: string[] };
  }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'members' AND id = $2 AND deleted = false`,
    [workspaceId, ownerId],
  );
  if (!row || row.data.kind !== 'user' || row.data.active === false) return null;
  return { id: ownerId, teamId: row.data.teamId || row.data.teamIds?.[0] || '' };
}

import type { CollectionName } from '@shared/domain';
import { creditCodeRefusal, type CreditCodeHolder } from '@shared/rules/duplicates';
import { inScope, RejectReason, type Scope } from '@shared/sync';
import { normalizeCreditCode } from '@shared/validation/credit-code';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { Entity, PlannedWrite, PushRow } from './types';
import type { WriteRefusal } from './write-permissions';

/** A live account holding a credit code, with the names a refusal shows (owner and team, never more). */
interface Holder extends CreditCodeHolder {
  ownerName: string;
  teamName: string;
}

/** Names of the people and teams the group's rows name (a row refused for an earlier row's write names them). */
interface Names {
  owners: ReadonlyMap<string, string>;
  teams: ReadonlyMap<string, string>;
}

interface HolderRow {
  id: string;
  owner_id: string;
  team_id: string;
  data: Entity;
  owner_name: string | null;
  team_name: string | null;
}

/**
 * One account per 统一社会信用代码 (issue 19) in a push group: the live accounts that hold the codes the group's rows
 * carry, kept up to date as rows are decided (a later row sees an earlier one's write, so of two new accounts
 * with one code in a group the second is refused). Accounts the group itself deletes or merges away do not
 * hold their code: a merge that gives the survivor its loser's code is not refused for the loser.
 */
export class CreditCodeRegistry {
  private readonly byId = new Map<string, Holder>();

  constructor(
    holders: readonly Holder[],
    private readonly leaving: ReadonlySet<string>,
    private readonly names: Names = { owners: new Map(), teams: new Map() },
  ) {
    for (const holder of holders) this.byId.set(holder.id, holder);
  }

  /** The refusal of `after` (replacing `before`, null for a new or tombstoned record), or null. */
  refusal(scope: Scope, before: Entity | null, after: Entity): WriteRefusal | null {
    const holders = [...this.byId.values()].filter((h) => !this.leaving.has(h.id));
    const refused = creditCodeRefusal(
      holderOf(before),
      holderOf(after) as CreditCodeHolder,
      holders,
    );
    if (!refused) return null;
    const holder = this.byId.get(refused.existingId)!;
    return {
      reason: RejectReason.creditCodeTaken,
      params: {
        creditCode: normalizeCreditCode(holderOf(after)?.creditCode ?? ''),
        ownerName: holder.ownerName,
        teamName: holder.teamName,
        // The id only to someone who may see the record (to open or merge it); others learn who follows it.
        ...(inScope(scope, holder.teamId) ? { existingId: holder.id } : {}),
      },
    };
  }

  /** Takes a write of the group into account (its code is held, or no longer held). */
  record(write: PlannedWrite): void {
    if (write.kind === 'tombstone') {
      this.byId.delete(write.id);
      return;
    }
    const holder = holderOf(write.entity) as CreditCodeHolder;
    this.byId.set(write.id, {
      ...holder,
      ownerName: this.names.owners.get(holder.ownerId) ?? '',
      teamName: this.names.teams.get(holder.teamId) ?? '',
    });
  }
}

function holderOf(entity: Entity | null): CreditCodeHolder | null {
  if (!entity) return null;
  return {
    id: String(entity.id),
    ownerId: String(entity.ownerId ?? ''),
    teamId: String(entity.teamId ?? ''),
    deleted: entity.deleted === true,
    mergedIntoId: typeof entity.mergedIntoId === 'string' ? entity.mergedIntoId : '',
    creditCode: typeof entity.creditCode === 'string' ? entity.creditCode : '',
  };
}

/**
 * The registry for a group of pushed accounts (null for other collections, and when no row carries a credit
 * code: then no query is made). One query through the expression index of migration 12.
 */
export async function loadCreditCodes(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<CreditCodeRegistry | null> {
  if (collection !== 'accounts') return null;
  const codes = [
    ...new Set(
      rows
        .map((row) => row.newDocumentState.creditCode)
        .filter((code): code is string => typeof code === 'string')
        .map(normalizeCreditCode)
        .filter((code) => code !== '' && isStorableText(code)),
    ),
  ];
  if (codes.length === 0) return null;
  const found = await tx.query<HolderRow>(
    `SELECT r.id, r.owner_id, r.team_id, r.data, u.name AS owner_name, t.name AS team_name
       FROM records r
       LEFT JOIN users u ON u.id = r.owner_id AND u.workspace_id = r.workspace_id
       LEFT JOIN teams t ON t.id = r.team_id AND t.workspace_id = r.workspace_id
      WHERE r.workspace_id = $1 AND r.collection = 'accounts' AND r.deleted = false
        AND (r.data->>'creditCode') = ANY($2::text[])`,
    [workspaceId, codes],
  );
  const holders = found.map((row) => ({
    ...(holderOf(row.data) as CreditCodeHolder),
    ownerName: row.owner_name ?? '',
    teamName: row.team_name ?? '',
  }));
  const leaving = new Set(
    rows
      .map((row) => row.newDocumentState)
      .filter(
        (doc) =>
          doc._deleted === true ||
          doc.deleted === true ||
          (typeof doc.mergedIntoId === 'string' && doc.mergedIntoId !== ''),
      )
      .map((doc) => String(doc.id)),
  );
  const ownerIds = [...new Set(rows.map((row) => row.newDocumentState.ownerId).filter(isText))];
  const people = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM users WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [workspaceId, ownerIds],
  );
  // Teams are few per workspace, and the ownership rule may move a record to another of them.
  const teams = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM teams WHERE workspace_id = $1',
    [workspaceId],
  );
  return new CreditCodeRegistry(holders, leaving, {
    owners: new Map(people.map((p) => [p.id, p.name])),
    teams: new Map(teams.map((t) => [t.id, t.name])),
  });
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && isStorableText(value);

import type { CollectionName } from '@shared/domain';
import {
  contractNumberRefusal,
  normalizeContractNumber,
  type ContractNumberHolder,
} from '@shared/rules/contract-number';
import { inScope, RejectReason, type Scope } from '@shared/sync';
import { isStorableText } from '@shared/validation/storable-text';
import type { SqlTx } from '../db/sql';
import type { Entity, PlannedWrite, PushRow } from './types';
import type { WriteRefusal } from './write-permissions';

/** A live contract holding a number, with what a refusal names (its title and owner, never more). */
interface Holder extends ContractNumberHolder {
  teamId: string;
  title: string;
  ownerName: string;
}

interface HolderRow {
  data: Entity;
  owner_name: string | null;
}

/**
 * Contract numbers are unique per workspace (issue 20) in a push group: the live contracts holding the numbers the
 * group's rows carry, kept up to date as rows are decided (of two new contracts with one number in a group the
 * second is refused; a contract the group deletes frees its number).
 */
export class ContractNumberRegistry {
  private readonly byId = new Map<string, Holder>();

  constructor(
    holders: readonly Holder[],
    private readonly owners: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const holder of holders) this.byId.set(holder.id, holder);
  }

  /** The refusal of `after` (replacing `before`, null for a new or tombstoned record), or null. */
  refusal(scope: Scope, before: Entity | null, after: Entity): WriteRefusal | null {
    const refused = contractNumberRefusal(holderOf(before), holderOf(after)!, [
      ...this.byId.values(),
    ]);
    if (!refused) return null;
    const holder = this.byId.get(refused.existingId)!;
    return {
      reason: RejectReason.contractNumberTaken,
      params: {
        number: refused.number,
        existingTitle: holder.title,
        ownerName: holder.ownerName,
        // The id only to someone who may see the contract (to open it); others learn its title and owner.
        ...(inScope(scope, holder.teamId) ? { existingId: holder.id } : {}),
      },
    };
  }

  /** Takes a write of the group into account (its number is held, or no longer held). */
  record(write: PlannedWrite): void {
    if (write.kind === 'tombstone') {
      this.byId.delete(write.id);
      return;
    }
    const holder = holderOf(write.entity)!;
    if (holder.deleted) this.byId.delete(write.id);
    else
      this.byId.set(write.id, {
        ...holder,
        ownerName: this.owners.get(String(write.entity.ownerId ?? '')) ?? '',
      });
  }
}

function holderOf(entity: Entity | null): Holder | null {
  if (!entity) return null;
  return {
    id: String(entity.id),
    number: typeof entity.number === 'string' ? entity.number : '',
    deleted: entity.deleted === true,
    teamId: String(entity.teamId ?? ''),
    title: typeof entity.title === 'string' ? entity.title : '',
    ownerName: '',
  };
}

/**
 * The registry for a group of pushed contracts (null for other collections, and when no row carries a number).
 * One query through migration 13's expression index on the number.
 */
export async function loadContractNumbers(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
  rows: readonly PushRow[],
): Promise<ContractNumberRegistry | null> {
  if (collection !== 'contracts') return null;
  const numbers = [
    ...new Set(
      rows
        .map((row) => row.newDocumentState.number)
        .filter((n): n is string => typeof n === 'string')
        .map(normalizeContractNumber)
        .filter((n) => n !== '' && isStorableText(n)),
    ),
  ];
  if (numbers.length === 0) return null;
  const found = await tx.query<HolderRow>(
    `SELECT r.data, u.name AS owner_name
       FROM records r
       LEFT JOIN users u ON u.id = r.owner_id AND u.workspace_id = r.workspace_id
      WHERE r.workspace_id = $1 AND r.collection = 'contracts' AND r.deleted = false
        AND (r.data->>'number') = ANY($2::text[])`,
    [workspaceId, numbers],
  );
  const ownerIds = [
    ...new Set(
      rows
        .map((row) => row.newDocumentState.ownerId)
        .filter((id): id is string => typeof id === 'string' && id !== '' && isStorableText(id)),
    ),
  ];
  const people = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM users WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [workspaceId, ownerIds],
  );
  return new ContractNumberRegistry(
    found
      .map((row) => ({ ...holderOf(row.data)!, ownerName: row.owner_name ?? '' }))
      .filter((holder) => !holder.deleted),
    new Map(people.map((p) => [p.id, p.name])),
  );
}

/** Records, people and rows for this folder's unit tests (no database). */
import type { Principal } from '@shared/sync';
import { buildAccount, buildDeal, withMeta } from '../../../test/support/factories';
import type { Entity, PushRow, StoredRow } from './types';

export const WORKSPACE = 'ws-1';

export function principal(overrides: Partial<Principal> = {}): Principal {
  return {
    userId: 'u-rep',
    workspaceId: WORKSPACE,
    role: 'rep',
    teamIds: ['team-a'],
    deviceId: 'dev-1',
    ...overrides,
  };
}

/** The meta every fixture record carries: written by the rep of team-a in this workspace. */
function stamp<F extends object>(id: string, fields: F) {
  return withMeta(fields, { id, workspaceId: WORKSPACE, by: 'u-rep', teamId: 'team-a', at: 1_000 });
}

/** A valid account (客户) record; `overrides` may set meta and fields the schema does not know. */
export function account(id = 'acc-1', overrides: Record<string, unknown> = {}): Entity {
  const fields = buildAccount({ name: '北京星河数据科技有限公司', nameKey: '北京星河数据科技' });
  return { ...stamp(id, fields), ...overrides };
}

/** A valid deal (商机) record in the first stage of the default pipeline. */
export function deal(id = 'deal-1', overrides: Record<string, unknown> = {}): Entity {
  return { ...stamp(id, buildDeal({ name: '数据平台采购', accountId: 'acc-1' })), ...overrides };
}

export function stored(data: Entity, deleted = false): StoredRow {
  return { data, deleted, seq: 1, team_id: data.teamId };
}

/** A pushed row: the state the client wants, over the state it last pulled (none for a new record). */
export function pushRow(next: Entity, assumed: Entity | null = null, deleted = false): PushRow {
  return {
    assumedMasterState: assumed ? { ...assumed, _deleted: false } : null,
    newDocumentState: { ...next, _deleted: deleted },
  };
}

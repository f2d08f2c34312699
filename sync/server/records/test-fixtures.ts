/** Records, people and rows for this folder's unit tests (no database). */
import type { Principal } from '@shared/sync';
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

function meta(id: string, overrides: Record<string, unknown>) {
  return {
    id,
    workspaceId: WORKSPACE,
    teamId: 'team-a',
    ownerId: 'u-rep',
    createdAt: 1_000,
    updatedAt: 1_000,
    createdBy: 'u-rep',
    updatedBy: 'u-rep',
    deleted: false,
    ...overrides,
  };
}

/** A valid account (客户) record. */
export function account(id = 'acc-1', overrides: Record<string, unknown> = {}): Entity {
  return {
    ...meta(id, {}),
    name: '北京星河数据科技有限公司',
    nameKey: '北京星河数据科技',
    creditCode: '',
    industry: '',
    sizeBand: '',
    region: '',
    source: '',
    tier: '',
    status: 'prospect',
    tags: [],
    phone: '',
    website: '',
    address: '',
    notes: '',
    ...overrides,
  };
}

/** A valid deal (商机) record in the first stage of the default pipeline. */
export function deal(id = 'deal-1', overrides: Record<string, unknown> = {}): Entity {
  return {
    ...meta(id, {}),
    name: '数据平台采购',
    accountId: 'acc-1',
    contactId: '',
    pipelineId: 'pipeline-default',
    stage: 'qualify',
    status: 'open',
    amount: 100_000,
    currency: 'CNY',
    probability: 10,
    closeDate: '2026-12-31',
    lineItems: [],
    source: '',
    campaign: '',
    budget: '',
    decisionMakerId: '',
    competitor: '',
    lostReason: '',
    rank: 1024,
    notes: '',
    ...overrides,
  };
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

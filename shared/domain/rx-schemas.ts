import { z } from 'zod';
import { entitySchemas, type CollectionName } from './entities';

/**
 * RxDB JSON schemas derived from the zod entity schemas, so there is one source of truth for fields.
 * RxDB needs a little more than zod says: a primary key with maxLength, every indexed field required,
 * indexed strings with maxLength and indexed numbers with minimum/maximum/multipleOf (docs/architecture.md).
 * The shape is typed structurally here so shared/ does not import rxdb.
 */
export interface DerivedRxSchema {
  version: number;
  title: string;
  primaryKey: string;
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  indexes: (string | string[])[];
}

/**
 * Indexes per collection. Lists filter out soft-deleted rows and page by an index (never load a whole
 * collection: docs/architecture.md "Scale"), duplicate checks look up normalized keys, timelines read by
 * account and time.
 */
export const COLLECTION_INDEXES: Record<CollectionName, string[][]> = {
  accounts: [
    ['deleted', 'updatedAt'],
    ['deleted', 'nameKey'],
    ['deleted', 'ownerId', 'updatedAt'],
    ['deleted', 'industry', 'updatedAt'],
    ['creditCode'],
    ['nameKey'],
    ['deleted', 'lastActivityAt'],
    ['deleted', 'anniversaryMonthDay'],
  ],
  contacts: [
    ['deleted', 'updatedAt'],
    ['deleted', 'name'],
    ['accountId', 'updatedAt'],
    ['mobile'],
    ['email'],
    ['deleted', 'birthdayMonthDay'],
  ],
  leads: [
    ['deleted', 'updatedAt'],
    ['deleted', 'status', 'updatedAt'],
    ['companyKey'],
    ['mobile'],
    ['email'],
    ['deleted', 'ownerId', 'status', 'lastActivityAt'],
    // A rep's leads the assignment rules gave them, newest first (the inbox's assignment items, issue 19).
    ['deleted', 'ownerId', 'assignedAt'],
  ],
  deals: [
    ['deleted', 'updatedAt'],
    ['deleted', 'stage', 'rank'],
    ['accountId', 'updatedAt'],
    ['deleted', 'status', 'closeDate'],
    ['deleted', 'ownerId', 'status', 'lastActivityAt'],
  ],
  contracts: [
    ['deleted', 'updatedAt'],
    ['accountId', 'updatedAt'],
    ['deleted', 'collectionDueDate'],
    ['deleted', 'status', 'endDate'],
    ['deleted', 'ownerId', 'collectionDueDate'],
    ['deleted', 'ownerId', 'status', 'endDate'],
    // Contract numbers: uniqueness in the replica and the next number by pattern (issue 20).
    ['number'],
  ],
  tickets: [
    ['deleted', 'updatedAt'],
    // "Routed to you" in the inbox (issue 21): the viewer's recently routed tickets.
    ['deleted', 'assigneeId', 'routedAt'],
    // The SLA inbox source (issue 21): the open tickets of the viewer and of those who escalate to them.
    ['deleted', 'assigneeId', 'status'],
    ['deleted', 'status', 'updatedAt'],
    ['accountId', 'updatedAt'],
  ],
  activities: [
    ['deleted', 'occurredAt'],
    ['accountId', 'occurredAt'],
    ['relatedId', 'occurredAt'],
    ['deleted', 'done', 'dueDate'],
    ['deleted', 'ownerId', 'done', 'dueDate'],
    ['deleted', 'type', 'occurredAt'],
  ],
  approvals: [['deleted', 'status', 'updatedAt']],
  members: [['kind', 'name']],
  settings: [['kind', 'key']],
  // A person's marks (an admin's replica holds everyone's: read by owner).
  inbox_marks: [['ownerId', 'updatedAt']],
};

/**
 * Schema version per collection: RxDB refuses to open a stored collection whose schema changed under the same
 * version (DB6). Bump it with a migration strategy in renderer/src/data/schema-migrations.ts.
 * members and approvals 1: the viewer role joined MEMBER_ROLES, members gained readOnlyTeamIds.
 * settings 1: the fieldPolicy kind (field-level restrictions).
 * accounts, contacts, leads, deals, contracts 1: what follow-up rules read by index (issue 18): lastActivityAt,
 * customerSince and the derived anniversaryMonthDay, birthdayMonthDay, collectionDueDate.
 * settings 2: the importMapping (issue 17) and followUpRules kinds. leads, deals, contracts 2 and activities 1: the follow-up source reads
 * each owner's idle leads and deals, overdue tasks, overdue instalments and expiring contracts by owner-first indexes
 * (issue 18: a manager's laptop reads its own and its escalating owners' records, never everyone's).
 * Issue 19: accounts, contacts 2 and leads 3 (mergedIntoId; leads also campaignId, qualification, assignedAt,
 * captureSource and the [deleted, ownerId, assignedAt] index), deals 3 (campaignId); leads and deals 3 also drop the
 * [deleted, status, lastActivityAt] index nothing read (the follow-up source reads the owner-first one), settings 3 (the campaign,
 * leadScoring and leadAssignment kinds).
 * deals 5 (issue 20): quote lines' optional unitCostFen (the margin in a discount approval's context).
 * activities 2 (both issue-18 changes of activities together; 1 was either alone): comments (type 'comment', mentions, replyToId, the [deleted, type, occurredAt] index; issue 18).
 * tickets 2 (issue 21): the [deleted, assigneeId, status] index the SLA inbox source reads.
 */
export const SCHEMA_VERSIONS: Record<CollectionName, number> = {
  accounts: 2,
  contacts: 2,
  leads: 4,
  deals: 5,
  contracts: 3,
  tickets: 2,
  activities: 3,
  approvals: 2,
  members: 1,
  settings: 4,
  inbox_marks: 0,
};

const NUMBER_INDEX_RANGE: Record<string, { minimum: number; maximum: number; multipleOf: number }> =
  {
    updatedAt: { minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
    occurredAt: { minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
    lastActivityAt: { minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
    assignedAt: { minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
    routedAt: { minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
    rank: { minimum: -1_000_000_000_000, maximum: 1_000_000_000_000, multipleOf: 1 },
  };

/** Builds the RxDB schema of one collection from its zod schema. */
export function deriveRxSchema(name: CollectionName): DerivedRxSchema {
  const json = z.toJSONSchema(entitySchemas[name], { io: 'output', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, prop] of Object.entries(json.properties)) properties[key] = { ...prop };
  const indexes = COLLECTION_INDEXES[name];
  const indexed = new Set(indexes.flat());
  indexed.add('id');
  for (const field of indexed) {
    const prop = properties[field];
    if (!prop) throw new Error(`index field ${name}.${field} is not in the schema`);
    if (prop.type === 'string' && typeof prop.maxLength !== 'number') prop.maxLength = 200;
    if (prop.type === 'number' || prop.type === 'integer') {
      const range = NUMBER_INDEX_RANGE[field];
      if (!range)
        throw new Error(`indexed number ${name}.${field} needs a range in NUMBER_INDEX_RANGE`);
      Object.assign(prop, { type: 'number' }, range);
    }
  }
  const required = new Set(json.required ?? []);
  for (const field of indexed) {
    if (!required.has(field)) throw new Error(`indexed field ${name}.${field} must be required`);
  }
  return {
    version: SCHEMA_VERSIONS[name],
    title: name,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: [...required],
    indexes,
  };
}

import { SCHEMA_VERSIONS, withFieldDefaults, type CollectionName } from '@shared/domain';
import { withDerivedFields } from '@shared/rules/derived-fields';

type MigrationStrategy = (doc: Record<string, unknown>) => Record<string, unknown>;

/** What a stored document keeps when nothing about its shape changed (a list grew, an optional field came). */
const keep: MigrationStrategy = (doc) => doc;

/**
 * New fields get their defaults and derived fields are computed from the document (the shared rule), so the
 * migrated document is what the app would save now. `lastActivityAt` starts at 0 here; the back-fill after
 * opening sets it from the activities (renderer/src/data/services/last-activity-backfill.ts).
 */
const fillNewFields =
  (collection: CollectionName): MigrationStrategy =>
  (doc) =>
    withDerivedFields(collection, withFieldDefaults(collection, doc));

/**
 * RxDB migration strategies per collection and schema version (SCHEMA_VERSIONS in shared/domain/rx-schemas.ts).
 * Every version from 1 to the current one needs a strategy, or RxDB refuses to open the collection.
 */
const STRATEGIES: Partial<Record<CollectionName, Record<number, MigrationStrategy>>> = {
  // 1: the viewer role joined MEMBER_ROLES; members gained the optional readOnlyTeamIds.
  members: { 1: keep },
  // 2 (issue 20): subjectKey, steps, currentStep.
  approvals: { 1: keep, 2: fillNewFields('approvals') },
  // 1: the fieldPolicy kind joined the settings kinds.
  // 2: the importMapping (saved import mappings, issue 17) and followUpRules (issue 18) kinds.
  // 3: the campaign, leadScoring and leadAssignment kinds (issue 19).
  // 4: product, approvalRules, contractNumbering (issue 20), slaPolicy, workingCalendar, ticketRouting, healthScoring
  // (issue 21).
  settings: { 1: keep, 2: keep, 3: keep, 4: keep },
  // 1 (issue 18): lastActivityAt, customerSince, and the derived anniversaryMonthDay, birthdayMonthDay,
  // collectionDueDate.
  // accounts, contacts 2, leads 3, deals 3 (issue 19): mergedIntoId; leads' campaignId, qualification, assignedAt,
  // captureSource and the [deleted, ownerId, assignedAt] index; deals' campaignId.
  accounts: { 1: fillNewFields('accounts'), 2: fillNewFields('accounts') },
  contacts: { 1: fillNewFields('contacts'), 2: fillNewFields('contacts') },
  // 2 (leads, deals, contracts), 1 (activities): owner-first indexes for the follow-up source (issue 18).
  leads: {
    1: fillNewFields('leads'),
    2: keep,
    3: fillNewFields('leads'),
    // 4: sizeBand.
    4: fillNewFields('leads'),
  },
  // deals 4, contracts 3 (issue 20): forecastCategory, quotes; contracts' quoteId.
  deals: {
    1: fillNewFields('deals'),
    2: keep,
    3: fillNewFields('deals'),
    4: fillNewFields('deals'),
    // 5: quote lines' optional unitCostFen (absent on older lines: their margin is unknown).
    5: keep,
  },
  contracts: { 1: fillNewFields('contracts'), 2: keep, 3: fillNewFields('contracts') },
  // 1 (issue 21): csatComment, csatAt, product, language, routedAt and the SLA fields.
  // 2 (issue 21): the [deleted, assigneeId, status] index (documents unchanged).
  tickets: { 1: fillNewFields('tickets'), 2: keep },
  // 1 and 2 (issue 18): comments joined the activity types (mentions and replyToId are optional) and two indexes
  // came ([deleted, type, occurredAt] for comments, [deleted, ownerId, done, dueDate] for overdue tasks).
  // 3 (issue 21): the 'nps' type and the optional npsScore.
  activities: { 1: keep, 2: keep, 3: keep },
};

export function migrationStrategiesFor(name: CollectionName): Record<number, MigrationStrategy> {
  const strategies = STRATEGIES[name] ?? {};
  for (let version = 1; version <= SCHEMA_VERSIONS[name]; version++)
    if (!strategies[version])
      throw new Error(`no migration strategy for ${name} version ${version}`);
  return strategies;
}

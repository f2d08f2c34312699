import { SCHEMA_VERSIONS, type CollectionName } from '@shared/domain';

type MigrationStrategy = (doc: Record<string, unknown>) => Record<string, unknown>;

/** What a stored document keeps when nothing about its shape changed (a list grew, an optional field came). */
const keep: MigrationStrategy = (doc) => doc;

/**
 * RxDB migration strategies per collection and schema version (SCHEMA_VERSIONS in shared/domain/rx-schemas.ts).
 * Every version from 1 to the current one needs a strategy, or RxDB refuses to open the collection.
 */
const STRATEGIES: Partial<Record<CollectionName, Record<number, MigrationStrategy>>> = {
  // 1: the viewer role joined MEMBER_ROLES; members gained the optional readOnlyTeamIds.
  members: { 1: keep },
  approvals: { 1: keep },
  // 1: the fieldPolicy kind joined the settings kinds.
  settings: { 1: keep },
  // 1: comments joined the activity types (mentions and replyToId are optional; a new index).
  activities: { 1: keep },
};

export function migrationStrategiesFor(name: CollectionName): Record<number, MigrationStrategy> {
  const strategies = STRATEGIES[name] ?? {};
  for (let version = 1; version <= SCHEMA_VERSIONS[name]; version++)
    if (!strategies[version])
      throw new Error(`no migration strategy for ${name} version ${version}`);
  return strategies;
}

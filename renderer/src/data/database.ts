import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  COLLECTION_NAMES,
  deriveRxSchema,
  type CollectionName,
  type EntityByCollection,
} from '@shared/domain';
import { INBOX_COLLECTION, inboxSchema, type InboxEntry } from './inbox-collection';
import { migrationStrategiesFor } from './schema-migrations';

// Collections whose schema version was raised migrate the documents stored under the older one when opened.
addRxPlugin(RxDBMigrationSchemaPlugin);

export type CrmCollections = { [K in CollectionName]: RxCollection<EntityByCollection[K]> } & {
  [INBOX_COLLECTION]: RxCollection<InboxEntry>;
};
export type CrmDatabase = RxDatabase<CrmCollections>;

export interface OpenDatabaseOptions {
  /** IndexedDB database name; one per workspace so switching workspaces never mixes data. */
  name: string;
  /** Storage override for tests (RxDB memory storage in Node); Dexie/IndexedDB otherwise. */
  storage?: RxStorage<unknown, unknown>;
  /** RxDB dev-mode checks (schema/query validation); on in development builds only: they are slow. */
  devMode?: boolean;
  /**
   * Only these collections (tests that run several replicas in one process: RxDB's open-core build allows
   * 13 open collections per JS realm). Default: all.
   */
  collections?: readonly CollectionName[];
  /** Conflict handlers for replication (team workspaces; sync/client/conflict-handler.ts). */
  conflictHandlerFor?: (name: CollectionName) => RxConflictHandler<unknown>;
}

let devModeAdded = false;

async function addDevMode(): Promise<RxStorage<unknown, unknown>> {
  const [{ RxDBDevModePlugin, disableWarnings }, { wrappedValidateAjvStorage }] = await Promise.all(
    [import('rxdb/plugins/dev-mode'), import('rxdb/plugins/validate-ajv')],
  );
  if (!devModeAdded) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    devModeAdded = true;
  }
  // Dev-mode refuses to run without a schema validator (DVM1, docs/architecture.md "Library limits").
  return wrappedValidateAjvStorage({ storage: getRxStorageDexie() });
}

/**
 * Opens the local replica: one RxDB database on Dexie (IndexedDB) with the ten entity collections
 * (≤ 12: the open-core limit is 13 per JS realm, see docs/architecture.md). Schemas come from shared/domain.
 */
export async function openCrmDatabase(options: OpenDatabaseOptions): Promise<CrmDatabase> {
  const storage = options.storage ?? (options.devMode ? await addDevMode() : getRxStorageDexie());
  const db = await createRxDatabase<CrmCollections>({
    name: options.name,
    storage,
    multiInstance: true,
    eventReduce: true,
    // count() on a filtered list may not match an index exactly; counting is still cheaper than loading.
    allowSlowCount: true,
    closeDuplicates: true,
  });
  performance.mark('crm:rxdb-created');
  const collections = Object.fromEntries(
    (options.collections ?? COLLECTION_NAMES).map((name) => [
      name,
      {
        schema: deriveRxSchema(name) as unknown as RxJsonSchema<unknown>,
        migrationStrategies: migrationStrategiesFor(name),
        ...(options.conflictHandlerFor
          ? { conflictHandler: options.conflictHandlerFor(name) }
          : {}),
      },
    ]),
  );
  // The inbox of rejected changes is local-only (never replicated); together ≤ 12 collections.
  if (!options.collections)
    Object.assign(collections, { [INBOX_COLLECTION]: { schema: inboxSchema } });
  await db.addCollections(collections);
  performance.mark('crm:collections-added');
  return db;
}
